/** The route table: per peer and family, announce/withdraw/clear, ordering, cursors, counts. */
import { describe, expect, it } from 'vitest';
import type { JsonWriter } from '../../src/core/json.js';
import { RouteTable } from '../../src/plugin/nlri/table.js';

interface R {
  seq: number;
  v: string;
}
const r = (v: string): R => ({ seq: 0, v });
const render = (_f: string, x: R, j: JsonWriter) => (j.string(x.v), true);

describe('RouteTable', () => {
  it('keeps routes per peer and family, replaces a re-announced key, and withdraws exactly', () => {
    const t = new RouteTable<R>();
    t.announce('p1', 'f1', 'a', r('A1'));
    t.announce('p1', 'f1', 'a', r('A2'));
    t.announce('p1', 'f2', 'a', r('B'));
    t.announce('p2', 'f1', 'b', r('C'));
    expect(t.count()).toBe(3);
    expect(t.count('p1')).toBe(2);
    expect(t.count(undefined, 'f1')).toBe(2);
    expect(t.withdraw('p1', 'f1', 'b')).toBe(false);
    expect(t.withdraw('p3', 'f1', 'a')).toBe(false);
    expect(t.toJson(render)).toBe('{"p1":{"f1":["A2"],"f2":["B"]},"p2":{"f1":["C"]}}');
    expect(t.withdraw('p1', 'f1', 'a')).toBe(true);
    expect(t.toJson(render, 'p1')).toBe('{"p1":{"f1":[],"f2":["B"]}}');
  });

  it('forgets a cleared peer even when it was the last one used', () => {
    const t = new RouteTable<R>();
    t.announce('p1', 'f1', 'a', r('A'));
    expect(t.clearPeer('p1')).toBe(1);
    // The next announcement for the same peer and family must land in a fresh table.
    t.announce('p1', 'f1', 'b', r('B'));
    expect(t.count()).toBe(1);
    expect(t.toJson(render)).toBe('{"p1":{"f1":["B"]}}');
    expect(t.withdraw('p1', 'f1', 'a')).toBe(false);
    expect(t.clearPeer('p1')).toBe(1);
    expect(t.withdraw('p1', 'f1', 'b')).toBe(false);
    expect(t.count()).toBe(0);
    expect(t.clearPeer('nobody')).toBe(0);
  });

  it('walks in listing order and resumes after a cursor; a replaced route keeps its place (RFC 4271 §9.1)', () => {
    const t = new RouteTable<R>();
    t.announce('p2', 'f1', 'x', r('X'));
    t.announce('p1', 'f2', 'a', r('A'));
    t.announce('p1', 'f1', 'b', r('B'));
    t.announce('p1', 'f1', 'c', r('C'));
    t.announce('p1', 'f1', 'b', r('B2'));
    const all: string[] = [];
    t.walk((p, f, x) => (all.push(`${p} ${f} ${x.v} ${x.seq}`), true));
    expect(all).toEqual(['p1 f1 B2 3', 'p1 f1 C 4', 'p1 f2 A 2', 'p2 f1 X 1']);
    const after: string[] = [];
    t.walk((p, f, x) => (after.push(x.v), true), undefined, undefined, { peer: 'p1', family: 'f1', seq: 3 });
    expect(after).toEqual(['C', 'A', 'X']);
    // The cursor's route withdrawn in between: the listing goes on from the next one.
    t.withdraw('p1', 'f1', 'c');
    const after2: string[] = [];
    t.walk((p, f, x) => (after2.push(x.v), true), undefined, undefined, { peer: 'p1', family: 'f1', seq: 4 });
    expect(after2).toEqual(['A', 'X']);
    const f1: string[] = [];
    t.walk((p, f, x) => (f1.push(x.v), f1.length < 1), undefined, 'f1');
    expect(f1).toEqual(['B2']);
    const c = t.counts();
    expect(Object.fromEntries(c.peers)).toEqual({ p1: 2, p2: 1 });
    expect(Object.fromEntries(c.families)).toEqual({ f1: 2, f2: 1 });
  });
});

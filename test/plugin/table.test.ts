/** The route table: per peer and family, announce/withdraw/clear, and the JSON of `routes`. */
import { describe, expect, it } from 'vitest';
import type { JsonWriter } from '../../src/core/json.js';
import { RouteTable } from '../../src/plugin/nlri/table.js';

const render = (_f: string, v: string, j: JsonWriter) => (j.string(v), true);

describe('RouteTable', () => {
  it('keeps routes per peer and family, replaces a re-announced key, and withdraws exactly', () => {
    const t = new RouteTable<string>();
    t.announce('p1', 'f1', 'a', 'A1');
    t.announce('p1', 'f1', 'a', 'A2');
    t.announce('p1', 'f2', 'a', 'B');
    t.announce('p2', 'f1', 'b', 'C');
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
    const t = new RouteTable<string>();
    t.announce('p1', 'f1', 'a', 'A');
    expect(t.clearPeer('p1')).toBe(1);
    // The next announcement for the same peer and family must land in a fresh table.
    t.announce('p1', 'f1', 'b', 'B');
    expect(t.count()).toBe(1);
    expect(t.toJson(render)).toBe('{"p1":{"f1":["B"]}}');
    expect(t.withdraw('p1', 'f1', 'a')).toBe(false);
    expect(t.clearPeer('p1')).toBe(1);
    expect(t.withdraw('p1', 'f1', 'b')).toBe(false);
    expect(t.count()).toBe(0);
    expect(t.clearPeer('nobody')).toBe(0);
  });
});

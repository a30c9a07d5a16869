/**
 * RFC 7606 error handling of decodeUpdate, on UPDATEs built here byte by byte from RFC 4271 §4.3:
 * each case names the RFC 7606 section that gives the expected action and where the offset points.
 */
import { describe, expect, it } from 'vitest';
import { createSession, decodeUpdate, encodeUpdate, updateRoutes, updateToJson } from '../../src/index.js';

const ORIGIN = '40010100';
const AS_PATH = '4002060201' + '0000FDE9'; // AS_SEQUENCE [65001]
const NEXT_HOP = '400304C0000201';
const NLRI = '180A0000'; // 10.0.0.0/24

function msg(attrs: string, nlri = '', withdrawn = ''): Uint8Array {
  const w = Buffer.from(withdrawn, 'hex');
  const a = Buffer.from(attrs, 'hex');
  const n = Buffer.from(nlri, 'hex');
  const body = Buffer.concat([Buffer.from([w.length >> 8, w.length & 255]), w, Buffer.from([a.length >> 8, a.length & 255]), a, n]);
  const len = body.length + 19;
  return Uint8Array.from(Buffer.concat([Buffer.alloc(16, 0xff), Buffer.from([len >> 8, len & 255, 2]), body]));
}

/** Offset of the first attribute's flags octet in a message built by `msg` with no withdrawn routes. */
const A0 = 19 + 2 + 2;

const verdict = (b: Uint8Array, s = {}) => {
  const u = decodeUpdate(b, s);
  return { action: u.action, problems: u.problems.map((p) => ({ action: p.action, attribute: p.attribute, offset: p.error.offset, code: p.error.code })) };
};

describe('RFC 7606', () => {
  it('a well-formed UPDATE has no problem and re-encodes byte for byte', () => {
    const b = msg(ORIGIN + AS_PATH + NEXT_HOP, NLRI);
    const u = decodeUpdate(b);
    expect(u.action).toBe('none');
    expect(Buffer.from(encodeUpdate(u)).equals(Buffer.from(b))).toBe(true);
    expect(updateRoutes(u).map((r) => [r.family, r.withdraw, r.nextHop?.address])).toEqual([['ipv4/unicast', false, '192.0.2.1']]);
  });

  it('§3 b: Total Path Attribute Length past the message: session reset, offset at the length field', () => {
    const b = msg(ORIGIN);
    b[A0 - 1] = 0x40;
    expect(verdict(b)).toMatchObject({ action: 'session-reset', problems: [{ action: 'session-reset', offset: A0 - 2, code: 'bad-length' }] });
  });

  it('§3 b: Withdrawn Routes Length past the message: session reset', () => {
    const b = msg(ORIGIN);
    b[20] = 0x30;
    expect(verdict(b).action).toBe('session-reset');
  });

  it('§4: an attribute whose length overruns the attributes: treat-as-withdraw, the NLRI field still located', () => {
    // NEXT_HOP says 4 octets but only 3 are left inside the Total Path Attribute Length.
    const b = msg(ORIGIN + AS_PATH + '400304C00002', NLRI);
    const u = decodeUpdate(b);
    expect(u.action).toBe('treat-as-withdraw');
    expect(u.problems[0]).toMatchObject({ action: 'treat-as-withdraw', attribute: 'next-hop' });
    expect(u.problems[0]!.error.offset).toBe(A0 + 4 + 9 + 2);
    expect(u.nlri.length).toBe(1);
  });

  it('§4: fewer than 3 octets left for an attribute header: treat-as-withdraw', () => {
    const b = msg(ORIGIN + AS_PATH + NEXT_HOP + '4001', NLRI);
    const v = verdict(b);
    expect(v.problems[0]).toMatchObject({ action: 'treat-as-withdraw', code: 'truncated', offset: A0 + 4 + 9 + 7 });
    expect(v.action).toBe('treat-as-withdraw');
    const routes = updateRoutes(decodeUpdate(b));
    expect(routes.map((r) => [r.withdraw, r.treatedAsWithdraw])).toEqual([[true, true]]);
  });

  it('§3 g: MP_REACH_NLRI twice is a session reset; another attribute twice keeps the first', () => {
    // MP_REACH_NLRI ipv4/unicast, next hop 192.0.2.1, reserved 0, NLRI 10.0.0.0/16 (RFC 4760 §3).
    const reach = '800E0C' + '0001' + '01' + '04' + 'C0000201' + '00' + '100A00';
    const dup = verdict(msg(ORIGIN + AS_PATH + reach + reach));
    expect(dup.action).toBe('session-reset');
    expect(dup.problems[0]).toMatchObject({ action: 'session-reset', attribute: 'mp-reach-nlri', offset: A0 + 4 + 9 + 15 });
    const u = decodeUpdate(msg(ORIGIN + '40010102' + AS_PATH + NEXT_HOP, NLRI));
    expect(u.action).toBe('attribute-discard');
    expect(u.problems[0]).toMatchObject({ action: 'attribute-discard', attribute: 'origin' });
    expect(u.problems[0]!.error.offset).toBe(A0 + 4);
    expect(updateToJson(u)).toContain('"origin":"igp"');
  });

  it('§3 c: ORIGIN with the Optional bit set: treat-as-withdraw', () => {
    expect(verdict(msg('C0010100' + AS_PATH + NEXT_HOP, NLRI)).problems[0]).toMatchObject({ action: 'treat-as-withdraw', attribute: 'origin', offset: A0, code: 'bad-value' });
  });

  it('§7.1: ORIGIN 5 is treat-as-withdraw, and still shown', () => {
    const u = decodeUpdate(msg('40010105' + AS_PATH + NEXT_HOP, NLRI));
    expect(u.action).toBe('treat-as-withdraw');
    expect(u.problems[0]).toMatchObject({ attribute: 'origin', typeCode: 1 });
    expect(u.problems[0]!.error.offset).toBe(A0 + 3);
  });

  it('§7.6, §7.7: ATOMIC_AGGREGATE of length 1 and AGGREGATOR of length 7 are discarded', () => {
    const v = verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + '40060100' + 'C007070000FDE9C00002', NLRI));
    expect(v.action).toBe('attribute-discard');
    expect(v.problems.map((p) => [p.attribute, p.action])).toEqual([
      ['atomic-aggregate', 'attribute-discard'],
      ['aggregator', 'attribute-discard'],
    ]);
  });

  it('§3 d: ORIGIN missing from an UPDATE that announces: treat-as-withdraw', () => {
    expect(verdict(msg(AS_PATH + NEXT_HOP, NLRI))).toMatchObject({ action: 'treat-as-withdraw', problems: [{ code: 'malformed' }] });
  });

  it('§7.4 with §5.2: a bad MED in an UPDATE with no reachable NLRI is a session reset', () => {
    expect(verdict(msg(ORIGIN + AS_PATH + '800403000064')).action).toBe('session-reset');
    expect(verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + '800403000064', NLRI)).action).toBe('treat-as-withdraw');
  });

  it('§5.3: a /33 in the NLRI field is a session reset, located at its length octet', () => {
    const v = verdict(msg(ORIGIN + AS_PATH + NEXT_HOP, '210A000000FF'));
    expect(v.action).toBe('session-reset');
    expect(v.problems[0]!.offset).toBe(A0 + 20);
  });

  it('RFC 4271 §6.3: an unrecognized well-known attribute resets; an unknown optional one is kept and written back', () => {
    expect(verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + '40F00100', NLRI)).action).toBe('session-reset');
    const b = msg(ORIGIN + AS_PATH + NEXT_HOP + 'C0F003ABCDEF', NLRI);
    const u = decodeUpdate(b);
    expect(u.action).toBe('none');
    expect(updateToJson(u)).toContain('"attr-240":{"code":240,"flags":192,"raw":"ABCDEF"}');
    expect(Buffer.from(encodeUpdate(u)).equals(Buffer.from(b))).toBe(true);
  });

  it('§7.5: LOCAL_PREF from an external peer is discarded, from an internal one kept', () => {
    const b = msg(ORIGIN + AS_PATH + NEXT_HOP + '40050400000064', NLRI);
    expect(verdict(b, createSession({ external: true })).problems).toMatchObject([{ action: 'attribute-discard', attribute: 'local-preference' }]);
    expect(verdict(b).problems).toEqual([]);
  });

  it('§4: a zero-length COMMUNITIES is malformed (treat-as-withdraw)', () => {
    expect(verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + 'C00800', NLRI)).problems[0]).toMatchObject({ attribute: 'community', action: 'treat-as-withdraw' });
  });

  it('§3 h: the strongest action wins', () => {
    expect(verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + '40060100' + 'C00805FDE8000100', NLRI)).action).toBe('treat-as-withdraw');
  });

  it('RFC 9252 §7: an error inside an SRv6 Service TLV of Prefix-SID withdraws; in a Label-Index TLV it discards', () => {
    // Prefix-SID (40), optional transitive (RFC 8669 §3): TLV 5 (SRv6 L3 Service, RFC 9252 §2) of
    // length 4: reserved, then a SID Information sub-TLV (1) claiming 16 octets that are not there.
    expect(verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + 'C02807' + '05000400010010', NLRI)).problems[0]).toMatchObject({ attribute: 'prefix-sid', action: 'treat-as-withdraw' });
    // TLV 1 (Label-Index, 7 octets by RFC 8669 §3.1) of length 3.
    expect(verdict(msg(ORIGIN + AS_PATH + NEXT_HOP + 'C02806' + '010003000000', NLRI)).problems[0]).toMatchObject({ attribute: 'prefix-sid', action: 'attribute-discard' });
  });

  it('RFC 4271 §4.1 / RFC 8654: a message over 4096 octets needs the Extended Message capability', () => {
    const nlri = '180A0000'.repeat(1100);
    const b = msg(ORIGIN + AS_PATH + NEXT_HOP, nlri);
    expect(verdict(b)).toMatchObject({ action: 'session-reset', problems: [{ offset: 16, code: 'bad-length' }] });
    expect(verdict(b, createSession({ extendedMessage: true })).action).toBe('none');
  });

  it('RFC 4724 §2: an empty UPDATE is the IPv4 unicast End-of-RIB', () => {
    const u = decodeUpdate(msg(''));
    expect(u.action).toBe('none');
    expect(updateToJson(u, { envelope: false })).toBe('{"update":{"end-of-rib":["ipv4/unicast"]}}');
  });

  it('a type other than UPDATE in the header is refused', () => {
    const b = msg(ORIGIN);
    b[18] = 1;
    expect(verdict(b)).toMatchObject({ action: 'session-reset', problems: [{ offset: 18 }] });
  });
});

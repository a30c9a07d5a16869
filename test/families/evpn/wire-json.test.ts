/**
 * EVPN decoding and JSON: expected values come from evpn.md (Ze's behaviour), Ze's vectors, and
 * the RFC layouts (RFC 7432 §7, RFC 9136 §3.1, RFC 9251 §9, RFC 9572 §3) written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeHex, encode, NlriError, toJson } from '../../../src/index.js';
import { evpn, type EvpnRoute, type MacIpRoute } from '../../../families/evpn/index.js';
import { bytes } from '../../support/helpers.js';

const decode = (hex: string, opts = {}): EvpnRoute[] => decodeAll(evpn, bytes(hex), opts);
const json = (hex: string): string => decodeHex('l2vpn/evpn', hex);
function failure(fn: () => unknown): NlriError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NlriError) return e;
    throw e;
  }
  throw new Error('expected an NlriError');
}

const RD = '0000FDE800000064'; // 0:65000:100
const ZERO_ESI = '00000000000000000000';

describe('types 1-5 (Ze-compatible)', () => {
  it('type 2 fields through the model getters (evpn-010)', () => {
    const [m] = decode('02250000FDE800000064000000000000000000000000000030001122334455200A000001000101') as [MacIpRoute];
    expect(m.kind).toBe('mac-ip');
    expect(m.rdText).toBe('0:65000:100');
    expect(m.macText).toBe('00:11:22:33:44:55');
    expect(m.ip).toBe('10.0.0.1');
    expect(m.labels).toEqual([16]);
    expect(m.vnis).toEqual([0x000101]);
  });

  it('VXLAN: a VNI with an even low bit decodes; both readings are on the model (RFC 8365 §5.1.3, evpn-073)', () => {
    const [m] = decode('02210000FDE8000000640000000000000000000000000000300011223344550003E800') as [MacIpRoute];
    expect(m.labels).toEqual([16000]);
    expect(m.vnis).toEqual([256000]);
  });

  it('type 2 Label1 and Label2 are both shown (RFC 7432 §7.2, evpn-071)', () => {
    expect(json('02280000FDE800000064000000000000000000000000000030001122334455200A000001000641000C81')).toContain('"label":[[100],[200]]');
  });

  it('no label octets: Ze prints [[0]]; strict rejects (RFC 7432 §7.1)', () => {
    const hex = '0116' + RD + ZERO_ESI + '0000000A';
    expect(json(hex)).toContain('"label":[[0]]');
    expect(failure(() => decode(hex, { strict: true })).code).toBe('bad-length');
  });

  it('type 1 with a two-entry label stack reads as Ze reads it (evpn-021); strict rejects', () => {
    const hex = '011C0000FDE800000064000102030405060708090000000A000640000C81';
    expect(json(hex)).toContain('"label":[[100],[200]]');
    expect(failure(() => decode(hex, { strict: true })).code).toBe('bad-length');
  });

  it('a label stack in a layout the RFC does not allow still needs a BOS bit (Ze)', () => {
    const hex = '011C' + RD + ZERO_ESI + '00000000' + '000640000C80';
    expect(failure(() => decode(hex)).code).toBe('malformed');
    expect(json(hex)).toBe(`[{"code":1,"parsed":false,"raw":"${hex}"}]`);
  });

  it('type 2 IP length 129-255 is malformed (RFC 7432 §7.2), not "no IP" as in Ze', () => {
    const hex = '0221' + RD + ZERO_ESI + '00000000' + '30001122334455' + '81' + '000101';
    const e = failure(() => decode(hex));
    expect(e.code).toBe('bad-value');
    expect(e.offset).toBe(31);
    expect(json(hex)).toBe(`[{"code":2,"parsed":false,"raw":"${hex}"}]`);
  });

  it('type 4 originator length 129-255 is malformed, not "invalid IP" as in Ze', () => {
    const hex = '0413' + RD + ZERO_ESI + 'C8';
    expect(failure(() => decode(hex)).code).toBe('bad-value');
    expect(json(hex)).toBe(`[{"code":4,"parsed":false,"raw":"${hex}"}]`);
  });

  it('type 3 octets after the originator: Ze ignores them (kept in raw); strict rejects', () => {
    const hex = '0313' + RD + '00000000' + '200A000001' + 'FFFF';
    expect(json(hex)).toBe(
      `[{"code":3,"ethernet-tag":0,"name":"Inclusive Multicast","originator":"10.0.0.1","parsed":true,"raw":"${hex}","rd":"0:65000:100"}]`,
    );
    expect(failure(() => decode(hex, { strict: true })).code).toBe('bad-length');
  });

  it('type 5 masks the prefix for display and drops a zero gateway (evpn-078, evpn-012)', () => {
    const out = json('05220000FDE80000006400000000000000000000000000001C0A0102FF00000000000101');
    expect(out).toContain('"prefix":"10.1.2.240/28"');
    expect(out).not.toContain('gateway');
  });

  it('type 5 label without BOS decodes (RFC 9136 §3.1)', () => {
    const hex = '0522' + RD + ZERO_ESI + '00000000' + '18' + '0A000000' + '00000000' + '03E800';
    expect(json(hex)).toContain('"label":[[16000]]');
  });

  it('type 5 payload other than 34/58 and prefix length too long are errors (evpn-014, evpn-079)', () => {
    expect(failure(() => decode('05210000FDE8000000640000000000000000000000000000180A010200000000000101')).code).toBe('bad-length');
    expect(failure(() => decode('05220000FDE8000000640000000000000000000000000000210A01020000000000000101')).code).toBe('bad-length');
  });
});

describe('types 6-11 (typed; Ze keeps them raw)', () => {
  it('type 6 SMET (RFC 9251 §9.1)', () => {
    const hex = '061C' + RD + '00000000' + '200A000001' + '20EF010101' + '20C0000201' + '04';
    expect(json(hex)).toBe(
      `[{"code":6,"ethernet-tag":0,"flags":4,"group":"239.1.1.1","name":"Selective Multicast Ethernet Tag","originator":"192.0.2.1","parsed":false,"raw":"${hex}","rd":"0:65000:100","source":"10.0.0.1"}]`,
    );
  });

  it('type 7 Multicast Membership Report Synch for (*,G) (RFC 9251 §9.2)', () => {
    const hex = '0722' + RD + '00112233445566778899' + '00000064' + '00' + '20EF010101' + '20C0000201' + '02';
    expect(json(hex)).toBe(
      `[{"code":7,"esi":"00:11:22:33:44:55:66:77:88:99","ethernet-tag":100,"flags":2,"group":"239.1.1.1","name":"Multicast Membership Report Synch","originator":"192.0.2.1","parsed":false,"raw":"${hex}","rd":"0:65000:100"}]`,
    );
  });

  it('type 8 Multicast Leave Synch (RFC 9251 §9.3)', () => {
    const hex = '0827' + RD + '00112233445566778899' + '00000064' + '00' + '20EF010101' + '20C0000201' + '00000007' + '0A' + '02';
    expect(json(hex)).toBe(
      `[{"code":8,"esi":"00:11:22:33:44:55:66:77:88:99","ethernet-tag":100,"flags":2,"group":"239.1.1.1","leave-group-sync":7,"max-response-time":10,"name":"Multicast Leave Synch","originator":"192.0.2.1","parsed":false,"raw":"${hex}","rd":"0:65000:100"}]`,
    );
  });

  it("the type 8 of bgp-evpn-1.ci lacks RFC 9251's Flags octet: an error, Ze's raw record when lossless (evpn-002)", () => {
    const hex = '08260001252C37768EAD000002001600000000030000085D0020EFFFFFFF20252C37760000000000';
    // RFC 9251 §9.3: after the originator (which ends at octet 35) come sequence number (4),
    // maximum response time (1) and flags (1): 6 octets, the route (2 + 0x26 = 40) has 5.
    // Truncated at 35 (issue 15: it was offset 41, past the input, and "-1 octets").
    const e = failure(() => decode(hex));
    expect([e.code, e.offset]).toEqual(['truncated', 35]);
    expect(e.message).toContain('needs 6 octets, 5 left');
    expect(json(hex)).toBe(`[{"code":8,"parsed":false,"raw":"${hex}"}]`);
  });

  it('type 9 Per-Region I-PMSI A-D (RFC 9572 §3.1); wrong length is an error', () => {
    const hex = '0914' + RD + '00000000' + '0002FDE800000001';
    expect(json(hex)).toBe(
      `[{"code":9,"ethernet-tag":0,"name":"Per-Region I-PMSI A-D","parsed":false,"raw":"${hex}","rd":"0:65000:100","region-id":"0002FDE800000001"}]`,
    );
    expect(failure(() => decode('0913' + RD + '00000000' + '0002FDE8000000')).code).toBe('bad-length');
  });

  it('type 10 S-PMSI A-D with IPv6 addresses (RFC 9572 §3.2)', () => {
    const hex = '0A3F' + RD + '00000000' + '8020010DB8000000000000000000000001' + '80FF0E0000000000000000000000000001' + '8020010DB80000000000000000000000FF';
    expect(json(hex)).toBe(
      `[{"code":10,"ethernet-tag":0,"group":"ff0e::1","name":"S-PMSI A-D","originator":"2001:db8::ff","parsed":false,"raw":"${hex}","rd":"0:65000:100","source":"2001:db8::1"}]`,
    );
  });

  it('type 11 Leaf A-D nests its route key (RFC 9572 §3.3)', () => {
    const key = '0914' + RD + '00000000' + '0002FDE800000001';
    const hex = '0B1B' + key + '20C0000202';
    expect(json(hex)).toBe(
      `[{"code":11,"name":"Leaf A-D","originator":"192.0.2.2","parsed":false,"raw":"${hex}","route-key":{"code":9,"ethernet-tag":0,"name":"Per-Region I-PMSI A-D","parsed":false,"raw":"${key}","rd":"0:65000:100","region-id":"0002FDE800000001"}}]`,
    );
  });

  it('a multicast address length other than 0/32/128 is an error', () => {
    expect(failure(() => decode('061C' + RD + '00000000' + '180A0000' + '20EF010101' + '20C0000201' + '0400')).code).toBe('bad-value');
  });
});

describe('framing and lossless records', () => {
  it('a type without a layout decodes without lossless and re-encodes (RFC 7432 §7)', () => {
    const ms = decode('0C03AABBCC');
    expect(ms[0]!.kind).toBe('raw');
    expect(toJson(evpn, ms)).toBe('[{"code":12,"parsed":false,"raw":"0C03AABBCC"}]');
  });

  it('a length past the end: one record with every remaining octet (evpn-020)', () => {
    expect(failure(() => decode('023200')).code).toBe('truncated');
    expect(json('023200')).toBe('[{"code":2,"parsed":false,"raw":"023200"}]');
  });

  it('a lone octet: an error alone (evpn-065), a record after routes', () => {
    expect(() => json('02')).toThrow('no valid EVPN routes decoded');
    expect(json('0C00' + '41')).toBe('[{"code":12,"parsed":false,"raw":"0C00"},{"code":65,"parsed":false,"raw":"41"}]');
  });

  it('with ADD-PATH, a lossless record starts after its path id and keeps it (RFC 7911 §3)', () => {
    const input = '00000009' + '023200';
    const ms = decodeAll(evpn, bytes(input), { addPath: true, lossless: true });
    expect(toJson(evpn, ms)).toBe('[{"code":2,"parsed":false,"path-id":9,"raw":"023200"}]');
    expect(Buffer.from(encode(evpn, ms, { addPath: true })).toString('hex').toUpperCase()).toBe(input);
  });

  it('ADD-PATH path ids go into the sorted place (RFC 7911)', () => {
    const ms = decodeAll(evpn, bytes('00000007' + '0C00'), { addPath: true });
    expect(toJson(evpn, ms)).toBe('[{"code":12,"parsed":false,"path-id":7,"raw":"0C00"}]');
  });
});

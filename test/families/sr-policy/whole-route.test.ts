/**
 * A whole SR Policy route through `decodeUpdate` (src/index.ts): the NLRI (RFC 9830 §2.1,
 * SAFI 73, in MP_REACH_NLRI, RFC 4760 §3) and the policy in the Tunnel Encapsulation attribute
 * (type 23, RFC 9012 §2; tunnel type 15 SR Policy, RFC 9830 §2.2) with a Preference sub-TLV
 * (§2.4.1) and one Segment List (§2.4.4) of a Weight (§2.4.4.1) and two type A segments
 * (§2.4.4.2.1 / RFC 9831), plus the IPv4-address Route Target RFC 9830 §4.2.2 asks for.
 * Every byte is laid out here from the RFC figures; the decoded values are the ones put in.
 * Ze's own decoding of the same message (ze f09f9ac2, `ze bgp decode --update --json`) is kept
 * as a record of what Ze does without this family (docs/families/sr-policy.md).
 */
import { describe, expect, it } from 'vitest';
import { decodeUpdate, decodeUpdateHex, defaultRegistry, encodeUpdate, Registry, toHex } from '../../../src/index.js';
import { codecs } from '../../../families/sr-policy/index.js';
import { bytes } from '../../support/helpers.js';

const families = new Registry([...defaultRegistry.list().filter((c) => c.safi !== 73), ...codecs]);

const labelEntry = (label: number): string => (label * 16 * 256).toString(16).toUpperCase().padStart(8, '0'); // label << 12, TC 0, S 0, TTL 0
const SEGMENT_LIST =
  '80' + '0019' + '00' + // type 128, 2-octet length 25, Reserved
  '09' + '06' + '00' + '00' + '00000001' + // Weight: flags, reserved, weight 1
  '01' + '06' + '00' + '00' + labelEntry(16001) + // type A: flags, reserved, label 16001
  '01' + '06' + '00' + '00' + labelEntry(16002); // type A: label 16002
const SR_POLICY_TLV = '000F' + '0024' + '0C' + '06' + '00' + '00' + '00000064' + SEGMENT_LIST; // tunnel type 15, Preference 100
const NLRI = '60' + '00000001' + '00000064' + 'C0000201'; // 96 bits, distinguisher 1, color 100, endpoint 192.0.2.1
const MP_REACH = '0001' + '49' + '04' + 'C00002FE' + '00' + NLRI; // AFI 1, SAFI 73, next hop 192.0.2.254, reserved
const ATTRS =
  '40' + '01' + '01' + '00' + // ORIGIN IGP
  '40' + '02' + '00' + // AS_PATH empty (iBGP)
  '80' + '0E' + (MP_REACH.length / 2).toString(16).toUpperCase().padStart(2, '0') + MP_REACH +
  'C0' + '10' + '08' + '0102' + 'C0000201' + '0000' + // Route Target 192.0.2.1:0 (IPv4-address form)
  'C0' + '17' + (SR_POLICY_TLV.length / 2).toString(16).toUpperCase().padStart(2, '0') + SR_POLICY_TLV;
const BODY = '0000' + (ATTRS.length / 2).toString(16).toUpperCase().padStart(4, '0') + ATTRS;
const MESSAGE = 'F'.repeat(32) + (19 + BODY.length / 2).toString(16).toUpperCase().padStart(4, '0') + '02' + BODY;

/** Ze f09f9ac2 on MESSAGE: the family is `ipv4/safi-73`, the NLRI misread as a 96-bit "prefix", attribute 23 left out. */
const ZE_OUTPUT =
  '{"bgp":{"message":{"direction":"received","id":0,"type":"update"},"peer":{"address":"127.0.0.1","remote":{"as":65533}},"update":{"attr":{"extended-community":[{"string":"0x0102:c00002010000","value":72831650257502208}],"origin":"igp"},"ipv4/safi-73":[{"action":"add","next-hop":"192.0.2.254","nlri":["0.0.0.1/96"]}]}},"type":"bgp"}';

describe('an SR Policy route: NLRI + Tunnel Encapsulation with a two-segment list', () => {
  it('the message is the one Ze was given', () => {
    expect(MESSAGE).toBe(
      'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF006D020000005640010100400200800E1600014904C00002FE00600000000100000064C0000201C010080102C00002010000C01728000F00240C060000000000648000190009060000000000010106000003E810000106000003E82000',
    );
  });

  it('decodes with no problem; the NLRI and the policy carry the values laid out above', () => {
    const u = decodeUpdate(bytes(MESSAGE), { families });
    expect(u.problems).toEqual([]);
    expect(u.action).toBe('none');
    const j = JSON.parse(decodeUpdateHex(MESSAGE, { families })) as { bgp: { update: Record<string, any> } };
    const up = j.bgp.update;
    expect(up['ipv4/sr-policy']).toEqual([{ action: 'add', 'next-hop': '192.0.2.254', nlri: [{ color: 100, distinguisher: 1, endpoint: '192.0.2.1' }] }]);
    const te = up.attr['tunnel-encapsulation'];
    expect(te).toHaveLength(1);
    expect(te[0].type).toBe(15);
    expect(te[0]['type-name']).toBe('sr-policy');
    const [pref, sl] = te[0]['sub-tlvs'];
    expect(pref).toMatchObject({ type: 12, preference: 100, flags: 0 });
    expect(sl.type).toBe(128);
    expect(sl['sub-tlvs']).toEqual([
      { flags: 0, type: 9, 'type-name': 'weight', weight: 1 },
      { flags: 0, label: 16001, type: 1, 'type-name': 'type-a' },
      { flags: 0, label: 16002, type: 1, 'type-name': 'type-a' },
    ]);
    expect(up.attr['extended-community'][0]).toMatchObject({ kind: 'route-target', ip: '192.0.2.1', local: 0 });
  });

  it('encodes back to the same bytes', () => {
    const u = decodeUpdate(bytes(MESSAGE), { families });
    expect(toHex(encodeUpdate(u, { families }))).toBe(MESSAGE);
  });

  it('a withdrawal in MP_UNREACH_NLRI (RFC 4760 §4)', () => {
    const unreach = '0001' + '49' + NLRI;
    const attr = '80' + '0F' + (unreach.length / 2).toString(16).padStart(2, '0').toUpperCase() + unreach;
    const body = '0000' + (attr.length / 2).toString(16).toUpperCase().padStart(4, '0') + attr;
    const msg = 'F'.repeat(32) + (19 + body.length / 2).toString(16).toUpperCase().padStart(4, '0') + '02' + body;
    const j = JSON.parse(decodeUpdateHex(msg, { families })) as { bgp: { update: Record<string, any> } };
    expect(j.bgp.update['ipv4/sr-policy']).toEqual([{ action: 'del', nlri: [{ color: 100, distinguisher: 1, endpoint: '192.0.2.1' }] }]);
  });

  it('what Ze does with it (recorded): a superset here, the family named and the NLRI read right', () => {
    const ze = JSON.parse(ZE_OUTPUT) as { bgp: { update: Record<string, any> } };
    expect(ze.bgp.update['ipv4/safi-73'][0].nlri).toEqual(['0.0.0.1/96']);
    expect(ze.bgp.update.attr['tunnel-encapsulation']).toBeUndefined();
  });
});

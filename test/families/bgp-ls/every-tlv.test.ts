/**
 * Issue 15 §2: every TLV the BGP-LS codec reads appears in the JSON. Before, Ze's rendering was
 * copied and these were decoded but dropped: node descriptor sub-TLVs 516 (BGP Router-ID) and
 * 517 (Confederation Member), RFC 9086 §4.1 (RFC 9815 makes 516 part of the node key on
 * SAFI 80); 518 inside TLV 256; sub-TLVs of an unknown code or another length; the OSPF Route
 * Type TLV 264 (RFC 9552 §5.2.3.1); top-level TLVs an NLRI type has no key for. Hex built by hand
 * from RFC 9552 §5.2 (type, length, Protocol-ID, Identifier, TLVs) and RFC 9552 §5.1 (TLV =
 * 2-octet type, 2-octet length, value).
 */
import { describe, expect, it } from 'vitest';
import { decodeHex, encodeArgs } from '../../../src/index.js';

const HEAD = '07' + '0000000000000000'; // Protocol-ID 7 (BGP), Identifier 0
const AS = '02000004' + '0000FDE9'; // 512: AS 65001
const BGP_RID = '02040004' + '0A000001'; // 516: 10.0.0.1
const MEMBER = '02050004' + '0000FE4C'; // 517: 65100

function nlri(type: number, body: string): string {
  return type.toString(16).padStart(4, '0') + (body.length / 2).toString(16).padStart(4, '0') + body;
}
function tlv(type: number, value: string): string {
  return type.toString(16).padStart(4, '0') + (value.length / 2).toString(16).padStart(4, '0') + value;
}

describe('node descriptors: every sub-TLV', () => {
  it('516 and 517 (RFC 9086 §4.1)', () => {
    expect(decodeHex('bgp-ls/bgp-ls', nlri(1, HEAD + tlv(256, AS + BGP_RID + MEMBER)))).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":65001},{"bgp-router-id":"10.0.0.1"},{"member-asn":65100}],"protocol-id":7}',
    );
  });

  it('518 inside TLV 256, an unknown sub-TLV and a 515 of another length', () => {
    const sid = tlv(518, '20010DB8000000000000000000000001');
    expect(decodeHex('bgp-ls/bgp-ls', nlri(1, HEAD + tlv(256, AS + sid + tlv(600, '0001') + tlv(515, '0102'))))).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":65001},{"srv6-sid":"2001:db8::1"},{"tlv":"600:0001"},{"tlv":"515:0102"}],"protocol-id":7}',
    );
  });

  it('the tlv form is the args form (local-tlv): the JSON element encodes back to the same sub-TLV', () => {
    const hex = nlri(1, HEAD + tlv(256, AS + tlv(600, '0001'))).toUpperCase();
    expect(encodeArgs('bgp-ls/bgp-ls', ['node', 'protocol', 'bgp', 'asn', '65001', 'local-tlv', '600:0001'])).toBe(hex);
  });

  it('a container with only sub-TLVs Ze drops is an array, not null', () => {
    expect(decodeHex('bgp-ls/bgp-ls', nlri(1, HEAD + tlv(256, BGP_RID)))).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"bgp-router-id":"10.0.0.1"}],"protocol-id":7}',
    );
    expect(decodeHex('bgp-ls/bgp-ls', nlri(1, HEAD + tlv(256, '')))).toBe('{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":null,"protocol-id":7}');
  });
});

describe('top-level TLVs', () => {
  it('OSPF Route Type 264 in a prefix NLRI (RFC 9552 §5.2.3.1)', () => {
    const body = '03' + '0000000000000000' + tlv(256, '02000004' + '00000001') + tlv(264, '01') + tlv(265, '180A0102');
    expect(decodeHex('bgp-ls/bgp-ls', nlri(3, body))).toBe(
      '{"ip-reach-prefix":"10.1.2.0/24","ip-reachability-tlv":"10.1.2.0/24","l3-routing-topology":0,"ls-nlri-type":"bgpls-prefix-v4","multi-topology-ids":[],"node-descriptors":[{"autonomous-system":1}],"ospf-route-type":1,"protocol-id":3}',
    );
  });

  it('other-tlvs: an unknown TLV, a second TLV 256 of a node NLRI, link TLVs in a prefix NLRI', () => {
    expect(decodeHex('bgp-ls/bgp-ls', nlri(1, HEAD + tlv(256, AS) + tlv(1000, 'AABB') + tlv(256, MEMBER)))).toBe(
      '{"l3-routing-topology":0,"ls-nlri-type":"bgpls-node","node-descriptors":[{"autonomous-system":65001}],"other-tlvs":["1000:aabb","256:020500040000fe4c"],"protocol-id":7}',
    );
    const body = '03' + '0000000000000000' + tlv(256, '02000004' + '00000001') + tlv(259, '0A000001') + tlv(265, '180A0102');
    expect(decodeHex('bgp-ls/bgp-ls', nlri(3, body))).toBe(
      '{"ip-reach-prefix":"10.1.2.0/24","ip-reachability-tlv":"10.1.2.0/24","l3-routing-topology":0,"ls-nlri-type":"bgpls-prefix-v4","multi-topology-ids":[],"node-descriptors":[{"autonomous-system":1}],"other-tlvs":["259:0a000001"],"protocol-id":3}',
    );
  });
});

/**
 * Canonical Prefix-SID values, built by hand from the RFC 8669 §3.1-§3.2 and RFC 9252 §2-§3.2.1
 * figures; JSON written by hand. The RFCs give no byte examples; two samples are the bytes Ze's
 * config encoder (`routeattr_prefixsid.go` at f09f9ac2) builds for its documented examples.
 */
import type { AttributeSample } from '../../src/attributes/attribute.js';

const LI_100 = '01000700000000000064';
const SID_DT4 = '20010DB8000100010000000000000000';
const V6_1 = '20010DB8000000000000000000000001';
const ODD_L3 = '01' + '09000101' + '010021' + '02' + V6_1 + '80' + 'FFFF' + '03' + '070000' + '010006201010000000';

export const samples: readonly AttributeSample[] = [
  {
    code: 40,
    hex: LI_100,
    json: '[{"flags":0,"label-index":100,"name":"label-index","type":1}]',
    args: ['label-index', '100'],
    note: 'RFC 8669 §3.1: Label-Index TLV (type 1, length 7), label index 100',
  },
  {
    code: 40,
    hex: LI_100 + '0300080000003E80001F40',
    json: '[{"flags":0,"label-index":100,"name":"label-index","type":1},{"flags":0,"name":"originator-srgb","srgb":[{"base":16000,"range":8000}],"type":3}]',
    args: ['label-index', '100', 'srgb', '16000:8000'],
    note: 'RFC 8669 §3.1 + §3.2: Label-Index 100 and an Originator SRGB 16000 (8000 labels)',
  },
  {
    code: 40,
    hex: '0100070000000000012C' + '03000E0000' + '0C3500001000' + '0F4240001388',
    json: '[{"flags":0,"label-index":300,"name":"label-index","type":1},{"flags":0,"name":"originator-srgb","srgb":[{"base":800000,"range":4096},{"base":1000000,"range":5000}],"type":3}]',
    args: ['label-index', '300', 'srgb', '800000:4096', '1000000:5000'],
    note: 'RFC 8669 §3.2, two SRGBs: what Ze builds for its config example "300, [( 800000,4096) ,( 1000000,5000)]"',
  },
  {
    code: 40,
    hex: '050022' + '00' + '01001E' + '00' + SID_DT4 + '00' + '0013' + '00' + '010006281810001040',
    json: '[{"name":"srv6-l3-service","sub-tlvs":[{"endpoint-behavior":19,"name":"srv6-sid-information","sid":"2001:db8:1:1::","sid-flags":0,"sub-sub-tlvs":[{"argument-length":0,"function-length":16,"locator-block-length":40,"locator-node-length":24,"name":"srv6-sid-structure","transposition-length":16,"transposition-offset":64,"type":1}],"type":1}],"type":5}]',
    args: ['srv6-l3-service', '2001:db8:1:1::', 'behavior', '19', 'structure', '40,24,16,0,16,64'],
    note: 'RFC 9252 §2/§3.1/§3.2.1: SRv6 L3 Service TLV, End.DT4 (RFC 8986 §10.2 code 19), SID structure 40/24/16/0 with the 16 function bits transposed at offset 64 (RFC 9252 §4)',
  },
  {
    code: 40,
    hex: '060019' + '00' + '010015' + '00' + 'FC0000000001E0000000000000000000' + '00' + '0017' + '00',
    json: '[{"name":"srv6-l2-service","sub-tlvs":[{"endpoint-behavior":23,"name":"srv6-sid-information","sid":"fc00:0:1:e000::","sid-flags":0,"sub-sub-tlvs":[],"type":1}],"type":6}]',
    args: ['srv6-l2-service', 'fc00:0:1:e000::', 'behavior', '23'],
    note: 'RFC 9252 §2/§3.1: SRv6 L2 Service TLV (EVPN), End.DT2U (code 23), no SID structure',
  },
  {
    code: 40,
    hex: '050022' + '00' + '01001E' + '00' + V6_1 + '00' + '0048' + '00' + '010006' + '401810000000',
    json: '[{"name":"srv6-l3-service","sub-tlvs":[{"endpoint-behavior":72,"name":"srv6-sid-information","sid":"2001:db8::1","sid-flags":0,"sub-sub-tlvs":[{"argument-length":0,"function-length":16,"locator-block-length":64,"locator-node-length":24,"name":"srv6-sid-structure","transposition-length":0,"transposition-offset":0,"type":1}],"type":1}],"type":5}]',
    args: ['srv6-l3-service', '2001:db8::1', 'behavior', '72', 'structure', '64,24,16,0,0,0'],
    note: 'RFC 9252 §3.1: the bytes Ze builds for its example "l3-service 2001:db8::1 0x48 [64,24,16,0,0,0]" (behavior 0x0048)',
  },
  {
    code: 40,
    hex: '020003AABBCC',
    json: '[{"raw":"AABBCC","type":2}]',
    args: ['tlv', '2', 'AABBCC'],
    note: 'RFC 8669 §6: a TLV of another type (2, deprecated) is kept and passed on: raw',
  },
  {
    code: 40,
    hex: '010007FF8001FFFFFFFF',
    json: '[{"flags":32769,"label-index":4294967295,"name":"label-index","reserved":255,"type":1}]',
    args: ['tlv', '1', 'FF8001FFFFFFFF'],
    note: 'RFC 8669 §3.1: the 32-bit label index, 16-bit flags and the reserved octet kept as received',
  },
  {
    code: 40,
    hex: '050029' + ODD_L3,
    json: '[{"name":"srv6-l3-service","reserved":1,"sub-tlvs":[{"raw":"01","type":9},{"endpoint-behavior":65535,"name":"srv6-sid-information","reserved1":2,"reserved2":3,"sid":"2001:db8::1","sid-flags":128,"sub-sub-tlvs":[{"raw":"","type":7},{"argument-length":0,"function-length":16,"locator-block-length":32,"locator-node-length":16,"name":"srv6-sid-structure","transposition-length":0,"transposition-offset":0,"type":1}],"type":1}],"type":5}]',
    args: ['tlv', '5', ODD_L3],
    note: 'RFC 9252 §3, §3.2: an unknown sub-TLV and sub-sub-TLV kept raw, reserved octets and SID flags kept',
  },
];

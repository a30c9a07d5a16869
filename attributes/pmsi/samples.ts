/**
 * Canonical PMSI_TUNNEL values, built by hand from the RFC 6514 §5 layout (and RFC 4875 §19.1,
 * RFC 6388 §2.2-§2.3, RFC 8365 §5.1.3); JSON written by hand in this group's Ze-style form.
 * The RFCs give no byte examples.
 */
import type { AttributeSample } from '../../src/attributes/attribute.js';

const V6_1 = '20010DB8000000000000000000000001';

export const samples: readonly AttributeSample[] = [
  {
    code: 22,
    hex: '0006000640C0000201',
    json: '{"endpoint":"192.0.2.1","flags":0,"label":100,"label-field":1600,"leaf-information-required":false,"tunnel-type":6,"tunnel-type-name":"ingress-replication"}',
    args: ['ingress-replication', '192.0.2.1', 'label', '100'],
    note: 'RFC 6514 §5 / RFC 7432 §11.2: ingress replication to an IPv4 PE, downstream label 100 (0x000640)',
  },
  {
    code: 22,
    hex: '000600271A' + V6_1,
    json: '{"endpoint":"2001:db8::1","flags":0,"label":625,"label-field":10010,"leaf-information-required":false,"tunnel-type":6,"tunnel-type-name":"ingress-replication"}',
    args: ['ingress-replication', '2001:db8::1', 'vni', '10010'],
    note: 'RFC 8365 §5.1.3: VXLAN ingress replication to an IPv6 VTEP, the label field is VNI 10010 (0x00271A)',
  },
  {
    code: 22,
    hex: '01010000000000000100000005C0000201',
    json: '{"extended-tunnel-id":"192.0.2.1","flags":1,"label":0,"label-field":0,"leaf-information-required":true,"p2mp-id":1,"tunnel-id":5,"tunnel-type":1,"tunnel-type-name":"rsvp-te-p2mp"}',
    args: ['rsvp-te-p2mp', '192.0.2.1', '5', '1', 'leaf-info-required'],
    note: 'RFC 6514 §5 + RFC 4875 §19.1.1: RSVP-TE P2MP LSP, IPv4 SESSION object (P2MP ID 1, tunnel ID 5), Leaf Information Required',
  },
  {
    code: 22,
    hex: '80010000000000000A0001006420010DB8000000000000000000000002',
    json: '{"extended-tunnel-id":"2001:db8::2","flags":128,"label":0,"label-field":0,"leaf-information-required":false,"p2mp-id":10,"reserved":1,"tunnel-id":100,"tunnel-type":1,"tunnel-type-name":"rsvp-te-p2mp"}',
    args: ['rsvp-te-p2mp', '2001:db8::2', '100', '10', 'reserved', '1', 'flags', '128'],
    note: 'RFC 4875 §19.1.2: RSVP-TE P2MP LSP, IPv6 SESSION object; non-zero reserved octets and flag bit 0 (0x80, RFC 7902) kept',
  },
  {
    code: 22,
    hex: '000200000006000104C00002010007010004' + '00000100',
    json: '{"address-family":1,"fec-type":6,"flags":0,"label":0,"label-field":0,"leaf-information-required":false,"opaque":[{"lsp-id":256,"type":1}],"root":"192.0.2.1","tunnel-type":2,"tunnel-type-name":"mldp-p2mp"}',
    args: ['mldp-p2mp', '192.0.2.1', 'lsp-id', '256'],
    note: 'RFC 6514 §5 + RFC 6388 §2.2/§2.3.1: mLDP P2MP FEC element, IPv4 root, Generic LSP Identifier 256',
  },
  {
    code: 22,
    hex: '0007000C8007000210' + V6_1 + '0005020002ABCD',
    json: '{"address-family":2,"fec-type":7,"flags":0,"label":200,"label-field":3200,"leaf-information-required":false,"opaque":[{"raw":"ABCD","type":2}],"root":"2001:db8::1","tunnel-type":7,"tunnel-type-name":"mldp-mp2mp"}',
    args: ['mldp-mp2mp', '2001:db8::1', 'opaque', '2', 'ABCD', 'label', '200'],
    note: 'RFC 6388 §3.2: mLDP MP2MP FEC element (type 7), IPv6 root, an opaque value of type 2 kept raw; label 200',
  },
  {
    code: 22,
    hex: '0003000000C0000201E8010101',
    json: '{"flags":0,"group":"232.1.1.1","label":0,"label-field":0,"leaf-information-required":false,"root":"192.0.2.1","tunnel-type":3,"tunnel-type-name":"pim-ssm"}',
    args: ['pim-ssm', '192.0.2.1', '232.1.1.1'],
    note: 'RFC 6514 §5: PIM-SSM tree <P-Root Node 192.0.2.1, P-Multicast Group 232.1.1.1>',
  },
  {
    code: 22,
    hex: '0004000000' + V6_1 + 'FF3E0000000000000000000000001234',
    json: '{"flags":0,"group":"ff3e::1234","label":0,"label-field":0,"leaf-information-required":false,"sender":"2001:db8::1","tunnel-type":4,"tunnel-type-name":"pim-sm"}',
    args: ['pim-sm', '2001:db8::1', 'ff3e::1234'],
    note: 'RFC 6514 §5: PIM-SM tree, IPv6 sender and group',
  },
  {
    code: 22,
    hex: '00050000000A000001EF010101',
    json: '{"flags":0,"group":"239.1.1.1","label":0,"label-field":0,"leaf-information-required":false,"sender":"10.0.0.1","tunnel-type":5,"tunnel-type-name":"bidir-pim"}',
    args: ['bidir-pim', '10.0.0.1', '239.1.1.1'],
    note: 'RFC 6514 §5: BIDIR-PIM tree',
  },
  {
    code: 22,
    hex: '0100000000',
    json: '{"flags":1,"label":0,"label-field":0,"leaf-information-required":true,"tunnel-type":0,"tunnel-type-name":"no-tunnel-info"}',
    args: ['no-tunnel-info', 'leaf-info-required'],
    note: 'RFC 6514 §5: "no tunnel information present" with Leaf Information Required (e.g. an S-PMSI A-D route soliciting Leaf A-D routes)',
  },
  {
    code: 22,
    hex: '000B000000010001C0000201',
    json: '{"flags":0,"label":0,"label-field":0,"leaf-information-required":false,"tunnel-identifier":"010001C0000201","tunnel-type":11}',
    args: ['type', '11', '010001C0000201'],
    note: 'a tunnel type without a layout here (0x0B, assigned to BIER by RFC 8556): identifier kept as bytes',
  },
];

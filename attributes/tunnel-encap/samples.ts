/**
 * Canonical TUNNEL_ENCAPSULATION values (docs/ADDING-AN-ATTRIBUTE.md §3). The hex is laid out by
 * hand from the figures of RFC 9012 §2-§3 and RFC 9830 §2.4 (neither RFC has hex examples); the
 * JSON is written by hand from docs/attributes/tunnel-encap.md. Ze decodes none of this
 * (`attr-23`), so there is no Ze output to match.
 */
import type { AttributeSample } from '../../src/attributes/attribute.js';

const SL1 = '800019' + '00' + '0906000000000001' + '0106000003E81000' + '0106000003E82000';
const SL2 = '80001D' + '00' + '0906000000000002' + '0D120000' + '20010DB8000000000000000000000001';

export const samples: readonly AttributeSample[] = [
  {
    code: 23,
    hex: '0008001E' + '010CC000000A00005E0053010000' + '060A000000000001C0000201' + '080212B5',
    json:
      '[{"sub-tlvs":[{"flags":192,"mac":"00:00:5e:00:53:01","type":1,"type-name":"encapsulation","vn-id":10},' +
      '{"address":"192.0.2.1","afi":1,"type":6,"type-name":"tunnel-egress-endpoint"},' +
      '{"port":4789,"type":8,"type-name":"udp-destination-port"}],"type":8,"type-name":"vxlan"}]',
    args: ['vxlan', 'vni', '10', 'mac', '00:00:5e:00:53:01', 'endpoint', '192.0.2.1', 'udp-port', '4789'],
    note: 'VXLAN tunnel: Encapsulation sub-TLV with V and M set, VNI 10 (RFC 9012 §3.2.1), Tunnel Egress Endpoint (§3.1), UDP port 4789 (§3.3.2)',
  },
  {
    code: 23,
    hex: '000F005B' + '0C06000000000064' + '0D06000005DC0000' + '81000400637031' + '82000500706F6C31' + SL1 + SL2,
    json:
      '[{"sub-tlvs":[{"flags":0,"preference":100,"type":12,"type-name":"preference"},' +
      '{"flags":0,"label":24000,"type":13,"type-name":"binding-sid"},' +
      '{"name":"cp1","type":129,"type-name":"candidate-path-name"},' +
      '{"name":"pol1","type":130,"type-name":"policy-name"},' +
      '{"sub-tlvs":[{"flags":0,"type":9,"type-name":"weight","weight":1},' +
      '{"flags":0,"label":16001,"type":1,"type-name":"type-a"},' +
      '{"flags":0,"label":16002,"type":1,"type-name":"type-a"}],"type":128,"type-name":"segment-list"},' +
      '{"sub-tlvs":[{"flags":0,"type":9,"type-name":"weight","weight":2},' +
      '{"flags":0,"sid":"2001:db8::1","type":13,"type-name":"type-b"}],"type":128,"type-name":"segment-list"}],' +
      '"type":15,"type-name":"sr-policy"}]',
    args: [
      'sr-policy', 'preference', '100', 'binding-sid', '24000', 'candidate-path-name', 'cp1', 'policy-name', 'pol1',
      'segment-list', 'weight', '1', 'mpls', '16001', 'mpls', '16002',
      'segment-list', 'weight', '2', 'srv6', '2001:db8::1',
    ],
    note: 'SR Policy: Preference, MPLS Binding SID, names, two Segment Lists (type A labels, type B SRv6 SID) with weights (RFC 9830 §2.4.1-2.4.4, §2.4.7-2.4.8)',
  },
  {
    code: 23,
    hex: '000B0006' + '01040000ABCD',
    json: '[{"sub-tlvs":[{"key":43981,"type":1,"type-name":"encapsulation"}],"type":11,"type-name":"mpls-in-gre"}]',
    args: ['mpls-in-gre', 'key', '43981'],
    note: 'MPLS-in-GRE tunnel with its GRE Key (RFC 9012 §3.2.5)',
  },
  {
    code: 23,
    hex: '000D000D' + '0408030B000000000064' + '07012E',
    json:
      '[{"sub-tlvs":[{"color":100,"flags":0,"type":4,"type-name":"color"},' +
      '{"type":7,"type-name":"ds-field","value":46}],"type":13,"type-name":"mpls-in-udp"}]',
    args: ['mpls-in-udp', 'color', '100', 'ds-field', '46'],
    note: 'MPLS-in-UDP tunnel with a Color sub-TLV (RFC 9012 §3.4.2) and a DS Field (§3.3.1)',
  },
  {
    code: 23,
    hex: '12340008' + '5002ABCD' + 'F00001EE',
    json: '[{"sub-tlvs":[{"raw":"ABCD","type":80},{"raw":"EE","type":240}],"type":4660}]',
    args: ['tunnel-type', '4660', 'raw', '80', 'ABCD', 'raw', '240', 'EE'],
    note: 'unknown tunnel type and sub-TLVs kept raw; type 240 has a 2-octet length (RFC 9012 §2)',
  },
];

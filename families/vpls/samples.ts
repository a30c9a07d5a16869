/** Canonical VPLS routes (docs/ADDING-A-FAMILY.md §3), from Ze's vectors and RFC 6074 §3.2.2. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'l2vpn/vpls',
    hex: '00110000FDE9000000640005006400C803E801',
    args: ['rd', '0:65001:100', 've-id', '5', 've-block-offset', '100', 've-block-size', '200', 'label-base', '16000'],
    note: 'RFC 4761 §3.2.2 VPLS NLRI with a type-0 RD, label base 16000 (vpls-001)',
  },
  {
    family: 'l2vpn/vpls',
    hex: '00110001C0A8C901007B000500010008029CE1',
    args: ['rd', '1:192.168.201.1:123', 've-id', '5', 've-block-offset', '1', 've-block-size', '8', 'label-base', '10702'],
    note: 'RFC 4761 §3.2.2 with a type-1 RD (vpls-002, test/encode/l2vpn.ci)',
  },
  {
    family: 'l2vpn/vpls',
    hex: '000C0000FDE9000000640A000003',
    args: ['rd', '0:65001:100', 'pe-address', '10.0.0.3'],
    note: 'RFC 6074 §3.2.2 BGP auto-discovery NLRI: length 12, RD and PE address (same AFI/SAFI, RFC 6074 §7)',
  },
];

/**
 * Canonical SR Policy NLRIs (docs/ADDING-A-FAMILY.md §3). RFC 9830 has no hex examples: the bytes
 * are laid out by hand from the §2.1 figure (length in bits, Distinguisher, Policy Color, Endpoint).
 */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/sr-policy',
    hex: '60' + '00000001' + '00000064' + 'C0000201',
    args: ['distinguisher', '1', 'color', '100', 'endpoint', '192.0.2.1'],
    note: 'SR Policy candidate path, IPv4 endpoint: length 96 bits (RFC 9830 §2.1)',
  },
  {
    family: 'ipv4/sr-policy',
    hex: '60' + 'FFFFFFFF' + 'FFFFFFFF' + '00000000',
    args: ['distinguisher', '4294967295', 'color', '4294967295', 'endpoint', '0.0.0.0'],
    note: 'largest distinguisher and color, null endpoint 0.0.0.0 (RFC 9830 §2.1, RFC 9256 §8.8.1)',
  },
  {
    family: 'ipv6/sr-policy',
    hex: 'C0' + '00000002' + '000000C8' + '20010DB8000000000000000000000001',
    args: ['distinguisher', '2', 'color', '200', 'endpoint', '2001:db8::1'],
    note: 'SR Policy candidate path, IPv6 endpoint: length 192 bits (RFC 9830 §2.1)',
  },
  {
    family: 'ipv6/sr-policy',
    hex: 'C0' + '00000000' + '00000001' + '00000000000000000000000000000000',
    args: ['distinguisher', '0', 'color', '1', 'endpoint', '::'],
    note: 'null IPv6 endpoint :: (RFC 9256 §8.8.1)',
  },
];

/** Canonical unicast / multicast NLRIs (docs/ADDING-A-FAMILY.md §3), built from RFC 4271 §4.3. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  { family: 'ipv4/unicast', hex: '180A0000', args: ['prefix', '10.0.0.0/24'], note: 'IPv4 /24: length 24, three octets (RFC 4271 §4.3)' },
  { family: 'ipv4/unicast', hex: '00', args: ['prefix', '0.0.0.0/0'], note: 'default route: length 0, no octets (RFC 4271 §4.3)' },
  { family: 'ipv4/unicast', hex: '20C0000201', args: ['prefix', '192.0.2.1/32'], note: 'host route /32 (RFC 4271 §4.3)' },
  { family: 'ipv4/unicast', hex: '170A0001', args: ['prefix', '10.0.1.0/23'], note: 'host bit set past the length: irrelevant (JSON 10.0.0.0/23), kept on the wire (RFC 4271 §4.3)' },
  { family: 'ipv6/unicast', hex: '2020010DB8', args: ['prefix', '2001:db8::/32'], note: 'IPv6 /32 (RFC 4760 §5, RFC 2545)' },
  { family: 'ipv6/unicast', hex: '00', args: ['prefix', '::/0'], note: 'IPv6 default route (RFC 4760 §5)' },
  { family: 'ipv6/unicast', hex: '8020010DB8000000000000000000000001', args: ['prefix', '2001:db8::1/128'], note: 'IPv6 host route /128: 16 octets (RFC 4760 §5)' },
  { family: 'ipv6/unicast', hex: '3120010DB8008000', args: ['prefix', '2001:db8:80::/49'], note: 'length not a multiple of 8: ceil(49/8) = 7 octets (RFC 4760 §5)' },
  { family: 'ipv4/multicast', hex: '04E0', args: ['prefix', '224.0.0.0/4'], note: 'IPv4 multicast SAFI 2, same NLRI as unicast (RFC 4760 §6)' },
  { family: 'ipv6/multicast', hex: '08FF', args: ['prefix', 'ff00::/8'], note: 'IPv6 multicast SAFI 2 (RFC 4760 §6)' },
];

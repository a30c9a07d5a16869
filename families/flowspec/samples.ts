/**
 * Canonical FlowSpec samples: every family, every component type, the operator forms, the
 * 2-octet length, IPv6 offsets (RFC 8956 §3.8) and 8-octet values. `hex` is one NLRI that
 * re-encodes to itself; `args` (when Ze's grammar can say it) encode to exactly `hex`.
 */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  { family: 'ipv4/flow', hex: '0801180A0000038106', args: ['destination', '10.0.0.0/24', 'protocol', 'tcp'], note: 'destination prefix and protocol tcp (RFC 8955 §4.2.2.1, §4.2.2.3)' },
  { family: 'ipv4/flow', hex: '0B01180A0000038106058150', args: ['destination', '10.0.0.0/24', 'protocol', 'tcp', 'destination-port', '=80'], note: 'three components: destination, protocol tcp, destination port 80 (RFC 8955 §4.2.2.1, §4.2.2.3, §4.2.2.5)' },
  { family: 'ipv4/flow', hex: '050218C0A801', args: ['source', '192.168.1.0/24'], note: 'source prefix (RFC 8955 §4.2.2.2)' },
  { family: 'ipv4/flow', hex: '050301068111', args: ['protocol', 'tcp', 'udp'], note: 'protocol tcp OR udp (RFC 8955 §4.2.2.3)' },
  { family: 'ipv4/flow', hex: '0B04025044641201BBD401F4', args: ['port', '>80', '<100', 'port', '>443', '<500'], note: 'port ranges 81-99 OR 444-499: one type-4 component, the second range OR-ed (RFC 8955 §4.2, §4.2.1.1, §4.2.2.4)' },
  { family: 'ipv4/flow', hex: '06050301D503FF', args: ['destination-port', '>=1', '<=1023'], note: 'destination port range, 1- and 2-octet values (RFC 8955 §4.2.2.5)' },
  { family: 'ipv4/flow', hex: '0406930400', args: ['source-port', '>=1024'], note: 'source port >= 1024 (RFC 8955 §4.2.2.6)' },
  { family: 'ipv4/flow', hex: '03078108', args: ['icmp-type', '=8'], note: 'ICMP type echo request (RFC 8955 §4.2.2.7)' },
  { family: 'ipv4/flow', hex: '03088100', args: ['icmp-code', '=0'], note: 'ICMP code 0 (RFC 8955 §4.2.2.8)' },
  { family: 'ipv4/flow', hex: '05090002C204', args: ['tcp-flags', 'syn', '&!rst'], note: 'TCP flags: SYN AND NOT RST (RFC 8955 §4.2.1.2, §4.2.2.9)' },
  { family: 'ipv4/flow', hex: '060A0340D505DC', args: ['packet-length', '>=64', '<=1500'], note: 'packet length range (RFC 8955 §4.2.2.10)' },
  { family: 'ipv4/flow', hex: '030B812E', args: ['dscp', '=46'], note: 'DSCP EF (RFC 8955 §4.2.2.11)' },
  { family: 'ipv4/flow', hex: '050C00018002', args: ['fragment', 'dont-fragment', 'is-fragment'], note: 'fragment bits (RFC 8955 §4.2.2.12)' },
  { family: 'ipv4/flow', hex: '0303C706', note: 'numeric "true" operator (lt|gt|eq) with the AND bit on the first pair (RFC 8955 §4.2.1.1)' },
  { family: 'ipv4/flow', hex: '0A0AB10000000000010000', note: '8-octet numeric value, len bits 11 (RFC 8955 §4.2.1.1)' },
  { family: 'ipv6/flow', hex: '0701200020010DB8', args: ['destination', '2001:db8::/32'], note: 'IPv6 destination prefix, offset 0 (RFC 8956 §3.1)' },
  { family: 'ipv6/flow', hex: '1201200020010DB8026840123456789A038106', note: 'RFC 8956 §3.8.1: source ::1234:5678:9a00:0/64-104 with an offset' },
  { family: 'ipv6/flow', hex: '0F01200020010DB80268412468ACF134', note: 'RFC 8956 §3.8.2: 39-bit pattern at offset 65 with one padding bit' },
  { family: 'ipv6/flow', hex: '060DA1000ABCDE', args: ['flow-label', '=703710'], note: 'IPv6 flow label, 4-octet value (RFC 8956 §3.7)' },
  { family: 'ipv6/flow', hex: '06038106098002', args: ['next-header', 'tcp', 'tcp-flags', 'syn'], note: 'IPv6 next header and TCP flags (RFC 8956 §3.3)' },
  { family: 'ipv4/flow-vpn', hex: '0D0000FDE80000006401180A0000', args: ['rd', '0:65000:100', 'destination', '10.0.0.0/24'], note: 'FlowSpec-VPN with a type-0 RD (RFC 8955 §8)' },
  { family: 'ipv4/flow-vpn', hex: '13000101020304006401180A0000038106058150', args: ['rd', '1:1.2.3.4:100', 'destination', '10.0.0.0/24', 'protocol', 'tcp', 'destination-port', '=80'], note: 'FlowSpec-VPN with a type-1 RD (RFC 8955 §8)' },
  { family: 'ipv6/flow-vpn', hex: '0F000000640000000101200020010DB8', args: ['rd', '0:100:1', 'destination', '2001:db8::/32'], note: 'IPv6 FlowSpec-VPN (RFC 8956 §2, RFC 8955 §8)' },
  longSample(),
];

/**
 * A 240-octet value, the first that takes the 2-octet length 0xF0F0 (RFC 8955 §4.1):
 * `destination 10.0.0.0/24` (5 octets) and one port component of 78 OR-ed values 1000..1077
 * (1 + 78 × 3 octets; RFC 8955 §4.2: one component per type).
 */
function longSample(): Sample {
  let hex = 'F0F001180A000004';
  const args: string[] = ['destination', '10.0.0.0/24'];
  for (let p = 1000; p < 1078; p++) {
    hex += (p === 1077 ? '91' : '11') + p.toString(16).toUpperCase().padStart(4, '0');
    args.push('port', '=' + p);
  }
  return { family: 'ipv4/flow', hex, args, note: '240-octet NLRI value: 2-octet length 0xF0F0, 78 OR-ed port values (RFC 8955 §4.1)' };
}

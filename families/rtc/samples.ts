/** Canonical RTC NLRIs (docs/ADDING-A-FAMILY.md §3); the bytes are Ze's vectors where one exists. */
import type { Sample } from '../../src/registry/samples.js';

export const samples: readonly Sample[] = [
  {
    family: 'ipv4/rtc',
    hex: '600000FDE90002FDE900000064',
    args: ['origin-as', '65001', 'route-target', '65001:100'],
    note: 'origin AS 65001, two-octet-AS route target 65001:100, full 96-bit prefix (RFC 4684 §4, RFC 4360 §4)',
  },
  {
    family: 'ipv4/rtc',
    hex: '600000FDE901020A000001FFFF',
    args: ['origin-as', '65001', 'route-target', '10.0.0.1:65535'],
    note: 'IPv4-address-specific route target, type 0x0102 (RFC 4360 §4)',
  },
  {
    family: 'ipv4/rtc',
    hex: '600000FDEA0202FA56EA0100C8',
    args: ['origin-as', '65002', 'route-target', '4200000001:200'],
    note: 'four-octet-AS route target, type 0x0202 (RFC 5668 §2)',
  },
  {
    family: 'ipv4/rtc',
    hex: '00',
    args: ['default'],
    note: 'the default route target: zero-length prefix (RFC 4684 §4)',
  },
  {
    family: 'ipv4/rtc',
    hex: '400000FDE90002FDE9',
    args: ['origin-as', '65001', 'route-target', '65001:0', 'prefix-length', '64'],
    note: 'partial route target, 64 bits: every RT of AS 65001 (RFC 4684 §4)',
  },
  {
    family: 'ipv4/rtc',
    hex: '2000000064',
    args: ['origin-as', '100'],
    note: 'origin AS only, 32 bits: the minimum non-default length (RFC 4684 §4)',
  },
];

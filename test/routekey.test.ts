/**
 * Route keys: an announcement and the withdrawal that names it must have the same key, whatever
 * labels each carries (RFC 8277 §2.4 for labeled and VPN routes, RFC 7432 §7.1-7.2 and RFC 9136
 * §3.1 for EVPN); different routes must have different keys. Inputs are written from the RFC layouts.
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, defaultRegistry } from '../src/index.js';

function key(family: string, hex: string, withdraw: boolean): string {
  const codec = defaultRegistry.require(family);
  const [m] = decodeAll(codec, Uint8Array.from(Buffer.from(hex, 'hex')), { withdraw });
  return codec.routeKey!(m);
}

describe('route keys', () => {
  it('ipv4/mpls-vpn: RD and prefix, not the labels', () => {
    const announce = key('ipv4/mpls-vpn', '7000064100000001000000010A0000', false); // label 100
    expect(key('ipv4/mpls-vpn', '7080000000000001000000010A0000', true)).toBe(announce); // 0x800000
    expect(key('ipv4/mpls-vpn', '700007D100000001000000010A0000', false)).toBe(announce); // label 125
    expect(key('ipv4/mpls-vpn', '7000064100000001000000020A0000', false)).not.toBe(announce); // RD 0:1:2
  });

  it('ipv4/mpls-label: the prefix, not the labels', () => {
    const announce = key('ipv4/mpls-label', '300006410A0000', false);
    expect(key('ipv4/mpls-label', '308000000A0000', true)).toBe(announce);
    expect(key('ipv4/mpls-label', '300006410B0000', false)).not.toBe(announce);
  });

  it('l2vpn/evpn type 2: RD, tag, MAC and IP, not the ESI or labels', () => {
    // RFC 7432 §7.2: RD 0:1:1, ESI 0, tag 0, MAC 00:11:22:33:44:55, no IP, label 100.
    const body = (esi: string, label: string): string => `0000000100000001${esi}00000000` + `30001122334455` + `00` + label;
    const route = (esi: string, label: string): string => {
      const b = body(esi, label);
      return '02' + (b.length / 2).toString(16).padStart(2, '0').toUpperCase() + b;
    };
    const zero = '00'.repeat(10);
    const announce = key('l2vpn/evpn', route(zero, '000641'), false);
    expect(key('l2vpn/evpn', route('01' + '00'.repeat(9), '0007D1'), false)).toBe(announce);
    expect(key('l2vpn/evpn', route(zero, '000641').replace('001122334455', '001122334466'), false)).not.toBe(announce);
  });
});

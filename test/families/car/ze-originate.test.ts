/**
 * Can Ze (f09f9ac2) originate these families through `update hex`? Ze splits the NLRI hex of a
 * SAFI it has no size function for as `<length in bits><ceil(length/8) octets>`
 * (src/plugin/nlri/originate.ts `zeHasSplitter` / `isPrefixShaped`, from Ze's
 * `GetNLRISizeFunc`). MDT (RFC 6037: 0x80 + 16 octets) and SAFI 129 (the SAFI 128 layout) have
 * that shape, with and without ADD-PATH; a CAR NLRI's length counts octets (RFC 9871), so none
 * has it, and `updateHexCommand` refuses it with its clear error.
 */
import { describe, expect, it } from 'vitest';
import { isPrefixShaped, updateHexCommand, zeHasSplitter } from '../../../src/plugin/nlri/originate.js';
import { codecs as carCodecs, samples as carSamples } from '../../../families/car/index.js';
import { codecs as mdtCodecs, samples as mdtSamples } from '../../../families/mdt/index.js';
import { codecs as vmCodecs, samples as vmSamples } from '../../../families/vpn-multicast/index.js';
import { bytes } from '../../support/helpers.js';

const withPathId = (hex: string): Uint8Array => bytes('00000001' + hex);

describe('Ze origination by NLRI shape', () => {
  it('Ze has no size function for SAFIs 66, 129, 83, 84', () => {
    for (const c of [...mdtCodecs, ...vmCodecs, ...carCodecs]) expect(zeHasSplitter(c.afi, c.safi), c.name).toBe(false);
  });
  it.each([...mdtSamples, ...vmSamples].map((s) => [s.family, s.hex] as const))('%s %s: prefix-shaped, Ze can originate it', (_, hex) => {
    expect(isPrefixShaped(bytes(hex))).toBe(true);
    expect(isPrefixShaped(withPathId(hex), true)).toBe(true);
  });
  it.each(carSamples.map((s) => [s.family, s.hex] as const))('%s %s: not prefix-shaped, Ze cannot originate it', (family, hex) => {
    expect(isPrefixShaped(bytes(hex))).toBe(false);
    const codec = carCodecs.find((c) => c.name === family)!;
    expect(() => updateHexCommand(codec, 'add', bytes(hex))).toThrow(/Ze cannot originate/);
  });
});

describe('the update hex command for the shapes Ze splits right', () => {
  it('MDT and SAFI 129 samples give a command; ADD-PATH adds the addpath keyword', () => {
    const mdt = mdtCodecs[0]!;
    expect(updateHexCommand(mdt, 'del', bytes(mdtSamples[0]!.hex))).toBe(`update hex nlri ipv4/mdt del ${mdtSamples[0]!.hex}`);
    const vm = vmCodecs[0]!;
    expect(updateHexCommand(vm, 'del', withPathId(vmSamples[0]!.hex), { addPath: true })).toBe(`update hex nlri ipv4/mpls-vpn-multicast addpath del 00000001${vmSamples[0]!.hex}`);
  });
});

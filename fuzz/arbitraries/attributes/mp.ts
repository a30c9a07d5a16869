/**
 * Valid MP_REACH_NLRI (14) / MP_UNREACH_NLRI (15) models (RFC 4760 §3-§4), keyed by type code:
 * unicast and VPN families with NLRIs from their own arbitraries, every next-hop length of
 * attributes/mp/nexthop.ts (RDs random, so nonzero ones too) plus random lengths, random reserved
 * octets, unknown AFI/SAFI pairs with a raw NLRI field, and End-of-RIB (RFC 4724 §2). The NLRI
 * field is encoded once (`nlriBytes`), as the builders do.
 */
import fc from 'fast-check';
import type { MpReach, MpUnreach } from '../../../attributes/mp/model.js';
import { familyText } from '../../../attributes/mp/family.js';
import { nextHopOf } from '../../../attributes/mp/nexthop.js';
import { codecs as unicastCodecs } from '../../../families/unicast/index.js';
import { builtinCodecs } from '../../../src/families.js';
import type { NlriBase } from '../../../src/registry/family.js';
import { encode } from '../../../src/registry/ops.js';
import { Registry } from '../../../src/registry/registry.js';
import { unicastArb } from '../unicast.js';
import { vpnArb } from '../vpn.js';

const registry = new Registry([...builtinCodecs.filter((c) => !unicastCodecs.some((u) => u.name === c.name)), ...unicastCodecs]);

interface Fam {
  afi: number;
  safi: number;
  nlri: fc.Arbitrary<NlriBase> | undefined;
  nhLengths: number[];
}

const fams: Fam[] = [
  { afi: 1, safi: 1, nlri: unicastArb(false), nhLengths: [4, 16, 32] },
  { afi: 2, safi: 1, nlri: unicastArb(true), nhLengths: [16, 32] },
  { afi: 1, safi: 2, nlri: unicastArb(false), nhLengths: [4] },
  { afi: 2, safi: 2, nlri: unicastArb(true), nhLengths: [16, 32] },
  { afi: 1, safi: 128, nlri: vpnArb(false).map((m) => ({ ...m, withdraw: false }) as NlriBase), nhLengths: [12, 24, 48] },
  { afi: 2, safi: 128, nlri: vpnArb(true).map((m) => ({ ...m, withdraw: false }) as NlriBase), nhLengths: [24, 48] },
  { afi: 3, safi: 1, nlri: undefined, nhLengths: [4, 16] },
  { afi: 1, safi: 250, nlri: undefined, nhLengths: [0, 4] },
];

const famArb = fc.constantFrom(...fams);

function field(f: Fam, max: number): fc.Arbitrary<{ nlri: NlriBase[]; bytes: Uint8Array }> {
  if (!f.nlri) return fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ nlri: [], bytes }));
  const codec = registry.byAfiSafi(f.afi, f.safi)!;
  return fc.array(f.nlri, { maxLength: max }).map((nlri) => ({ nlri, bytes: encode(codec, nlri) }));
}

const reachArb: fc.Arbitrary<MpReach> = famArb.chain((f) =>
  fc
    .record({
      nhLen: fc.oneof(fc.constantFrom(...f.nhLengths), fc.integer({ min: 0, max: 60 })),
      reserved: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 255 })),
      field: field(f, 4),
    })
    .chain(({ nhLen, reserved, field }) =>
      fc.uint8Array({ minLength: nhLen, maxLength: nhLen }).map((nh): MpReach => {
        const codec = registry.byAfiSafi(f.afi, f.safi);
        return {
          afi: f.afi,
          safi: f.safi,
          family: familyText(f.afi, f.safi, codec),
          codec,
          nextHop: nextHopOf(nh, f.safi),
          reserved,
          nlri: field.nlri,
          nlriBytes: field.bytes,
          addPath: false,
        };
      }),
    ),
);

const unreachArb: fc.Arbitrary<MpUnreach> = famArb.chain((f) =>
  field(f, 4).map((field): MpUnreach => {
    const codec = registry.byAfiSafi(f.afi, f.safi);
    return { afi: f.afi, safi: f.safi, family: familyText(f.afi, f.safi, codec), codec, nlri: field.nlri, nlriBytes: field.bytes, addPath: false };
  }),
);

export const arbitraries: Record<number, fc.Arbitrary<unknown>> = {
  14: reachArb,
  15: unreachArb,
};

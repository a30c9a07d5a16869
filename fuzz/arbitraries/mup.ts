/**
 * Valid BGP-MUP models (draft-ietf-bess-mup-safi-00 §3.1): the four 3gpp-5g route types in the
 * layouts that decode back to the same model (the draft's, plus Ze's T1ST forms that end after
 * the QFI or the endpoint), and raw data of architectures / route types the draft does not define.
 */
import fc from 'fast-check';
import type { Prefix } from '../../src/core/prefix.js';
import type { MupNlri } from '../../families/mup/model.js';

const rd = fc.uint8Array({ minLength: 8, maxLength: 8 });
const ip = fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 }));
const u32 = fc.integer({ min: 0, max: 0xffffffff });

/** A prefix as the family decodes it: IPv6 under AFI 2, and under AFI 1 when longer than 32 bits. */
const prefix = (v6Family: boolean): fc.Arbitrary<Prefix> =>
  fc.integer({ min: 0, max: 128 }).chain((len) =>
    fc.uint8Array({ minLength: (len + 7) >> 3, maxLength: (len + 7) >> 3 }).map((addr): Prefix => ({ v6: v6Family || len > 32, len, addr })),
  );

function mupArb(v6: boolean): fc.Arbitrary<MupNlri> {
  return fc.oneof(
    fc.record({ kind: fc.constant('isd' as const), archType: fc.constant(1), routeType: fc.constant(1), rd, prefix: prefix(v6) }),
    fc.record({ kind: fc.constant('dsd' as const), archType: fc.constant(1), routeType: fc.constant(2), rd, address: ip }),
    fc
      .record({
        rd,
        prefix: prefix(v6),
        teid: u32,
        qfi: fc.integer({ min: 0, max: 255 }),
        endpoint: fc.option(ip, { nil: undefined }),
        source: fc.option(fc.oneof(ip, fc.constant(new Uint8Array(0))), { nil: undefined }),
      })
      .map(({ endpoint, source, ...rest }): MupNlri => {
        const m: MupNlri = { kind: 't1st', archType: 1, routeType: 3, ...rest };
        if (endpoint !== undefined) {
          m.endpoint = endpoint;
          if (source !== undefined) m.source = source;
        }
        return m;
      }),
    fc
      .record({ rd, endpoint: ip, teidLength: fc.integer({ min: 0, max: 32 }) })
      .chain(({ rd, endpoint, teidLength }) =>
        fc
          .integer({ min: 0, max: teidLength === 0 ? 0 : Math.min(0xffffffff, 2 ** (8 * Math.ceil(teidLength / 8)) - 1) })
          .map((teid): MupNlri => ({ kind: 't2st', archType: 1, routeType: 4, rd, endpoint, teidLength, teid })),
      ),
    fc.record({
      kind: fc.constant('raw' as const),
      archType: fc.integer({ min: 0, max: 255 }),
      routeType: fc.integer({ min: 0, max: 0xffff }),
      raw: fc.uint8Array({ maxLength: 60 }),
    }).filter((m) => m.archType !== 1 || m.routeType < 1 || m.routeType > 4),
  );
}

export const arbitraries = { 'ipv4/mup': mupArb(false), 'ipv6/mup': mupArb(true) };

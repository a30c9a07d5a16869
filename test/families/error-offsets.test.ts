/**
 * Issue 15 §2: an error's offset lies inside the input. For EVERY registered family
 * (`defaultRegistry.list()`), random bytes and damaged sample NLRIs (bytes changed, cut short,
 * extended, lengths bumped) are decoded with every option mix; every thrown NlriError must have
 * 0 <= offset <= input length (-1 is for errors that are not about bytes, which a decode never
 * raises) and a sane message: non-empty, no `undefined` / `NaN`, no negative count. Before the
 * fix EVPN route types 6-8 reported an offset past the end and a negative byte count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry, NlriError, samples } from '../../src/index.js';
import { decodeAll, decodeOne } from '../../src/registry/ops.js';

const OPTIONS = [{}, { strict: true }, { addPath: true }, { lossless: true }, { withdraw: true }, { withdraw: false }, { addPath: true, strict: true }] as const;

const fromHex = (h: string): Uint8Array => Uint8Array.from(Buffer.from(h, 'hex'));

function check(family: string, bytes: Uint8Array): void {
  const codec = defaultRegistry.require(family);
  for (const opts of OPTIONS) {
    for (const run of [() => decodeAll(codec, bytes, opts as never), () => decodeOne(codec, bytes, opts as never)]) {
      try {
        run();
      } catch (e) {
        if (!(e instanceof NlriError)) throw e;
        const where = `${family} ${Buffer.from(bytes).toString('hex')} ${JSON.stringify(opts)}: ${e.code} @${e.offset} ${e.message}`;
        expect(Number.isInteger(e.offset), where).toBe(true);
        expect(e.offset >= 0 && e.offset <= bytes.length, where).toBe(true);
        expect(e.message.length > 0, where).toBe(true);
        expect(/undefined|NaN|Infinity/.test(e.message), where).toBe(false);
        // A negative count or offset ("-3 bytes left", "at -1"): a number after a space, '(' or '=' that starts with '-'.
        expect(/(^|[\s(=:,])-\d/.test(e.message), where).toBe(false);
      }
    }
  }
}

/** A sample's bytes damaged in one of the ways that reach length and bounds checks. */
function mutated(hex: string): fc.Arbitrary<Uint8Array> {
  const base = fromHex(hex);
  return fc.oneof(
    // cut short
    fc.integer({ min: 0, max: base.length }).map((n) => base.slice(0, n)),
    // one to four octets changed (length fields, types, counts)
    fc.array(fc.tuple(fc.nat(Math.max(0, base.length - 1)), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }).map((cs) => {
      const b = base.slice();
      for (const [i, v] of cs) if (i < b.length) b[i] = v;
      return b;
    }),
    // a length-ish octet bumped up or down
    fc.tuple(fc.nat(Math.max(0, base.length - 1)), fc.integer({ min: -3, max: 3 })).map(([i, d]) => {
      const b = base.slice();
      if (i < b.length) b[i] = (b[i]! + d + 256) & 0xff;
      return b;
    }),
    // bytes after it, or two copies with the second damaged
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((t) => Uint8Array.from([...base, ...t])),
    fc.integer({ min: 0, max: base.length }).map((n) => Uint8Array.from([...base, ...base.slice(0, n)])),
  );
}

describe.each(defaultRegistry.list().map((c) => c.name))('%s: error offsets inside the input', (family) => {
  const own = samples.filter((s) => s.family === family);

  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => check(family, b)), { numRuns: 300 });
  });

  it.runIf(own.length > 0)('damaged samples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...own).chain((s) => mutated(s.hex)), (b) => check(family, b)),
      { numRuns: 600 },
    );
  });
});

describe('every sample, every octet nudged (a length field one or two off, the input cut to match)', () => {
  it.each(defaultRegistry.list().map((c) => c.name))('%s', (family) => {
    for (const s of samples.filter((x) => x.family === family)) {
      const base = fromHex(s.hex);
      for (let i = 0; i < base.length; i++) {
        for (const d of [-3, -2, -1, 1, 2, 3]) {
          const b = base.slice();
          b[i] = (b[i]! + d + 256) & 0xff;
          check(family, b);
          // A length made shorter by d, and the input as long as it now says.
          if (d < 0) check(family, b.slice(0, b.length + d));
        }
      }
    }
  });
});

describe('EVPN types 6-8 (issue 15 example)', () => {
  it('a route length one short of the last field reports where the field should be, inside the input', () => {
    // RFC 9251 §9.1 SMET (type 6): RD 8, Ethernet Tag 4, source len 0, group len 0, originator 32 + 4, flags 1.
    const smet = '06' + '14' + '0000000100000001' + '00000000' + '00' + '00' + '20' + '0A000001' + '01';
    check('l2vpn/evpn', fromHex(smet));
    const cut = '06' + '13' + smet.slice(4, -2); // length 19: no flags octet
    check('l2vpn/evpn', fromHex(cut));
    try {
      decodeAll(defaultRegistry.require('l2vpn/evpn'), fromHex(cut));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NlriError);
      // The flags octet would start at 2 + 19 = 21, the end of the input.
      expect([(e as NlriError).code, (e as NlriError).offset]).toEqual(['truncated', 21]);
    }
  });

  it('every cut of every EVPN sample gives an offset inside the input', () => {
    for (const s of samples.filter((x) => x.family === 'l2vpn/evpn')) {
      const b = fromHex(s.hex);
      for (let n = 0; n <= b.length; n++) {
        check('l2vpn/evpn', b.slice(0, n));
        // A route length one above what follows.
        if (b.length > 1) {
          const c = b.slice();
          c[1] = (c[1]! + 1) & 0xff;
          check('l2vpn/evpn', c);
        }
      }
    }
  });
});

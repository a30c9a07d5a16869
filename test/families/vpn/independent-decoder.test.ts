/**
 * A second, independent decoder for the fixed VPN and labeled-unicast layouts, declared with
 * binary-parser straight from the RFC figures, compared with the main decoders on generated
 * inputs. It catches mistakes an encoder and a decoder written by the same hand would share
 * (bit positions of label/TC/S, where the RD starts, the prefix length arithmetic).
 *
 * RFC 8277 §2.3 (Figure 3, labels: 20-bit Label | 3-bit Rsrv | S), RFC 4364 §4.3.4 (RD after
 * the labels, then the prefix), RFC 4760 §5 (length in bits, ceil(bits/8) octets). The reference
 * reads the stack as RFC 8277 §2.3 does (to the first S bit), so the main decoders run with
 * `withdraw: false` (MP_REACH) here; the §2.4 Compatibility field has its own property below.
 */
import { Parser } from 'binary-parser/dist/binary_parser.js'; // the exports map hides its types from NodeNext
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry, NlriError, Reader, toHex } from '../../../src/index.js';
import type { LabeledNlri } from '../../../families/labeled/model.js';
import type { VpnNlri } from '../../../families/vpn/model.js';

// RFC 8277 Figure 3: one label stack entry.
const labelEntry = new Parser().bit20('label').bit3('rsrv').bit1('s');

// RFC 4364 §4.3.4 + RFC 8277 §2.3: length | labels to S | RD (8) | prefix (the rest of the window).
const vpnNlri = new Parser()
  .uint8('bits')
  .array('labels', { type: labelEntry, readUntil: (item: { s: number }) => item.s === 1 })
  .buffer('rd', { length: 8 })
  .buffer('prefix', { readUntil: 'eof' });

// RFC 8277 §2.2/2.3: length | labels to S | prefix.
const labeledNlri = new Parser()
  .uint8('bits')
  .array('labels', { type: labelEntry, readUntil: (item: { s: number }) => item.s === 1 })
  .buffer('prefix', { readUntil: 'eof' });

interface Ref {
  labels: number[];
  rd?: string;
  len: number;
  prefix: string;
  size: number;
}

/** The reference reading: undefined when the RFC rules say the bytes are not one NLRI. */
function reference(input: Uint8Array, withRd: boolean, v6: boolean): Ref | undefined {
  if (input.length < 1) return undefined;
  const size = 1 + ((input[0]! + 7) >> 3);
  if (input.length < size) return undefined;
  let parsed: { bits: number; labels: { label: number; s: number }[]; rd?: Buffer; prefix: Buffer };
  try {
    parsed = (withRd ? vpnNlri : labeledNlri).parse(Buffer.from(input.subarray(0, size)));
  } catch {
    return undefined; // the stack or the RD ran past the NLRI's length
  }
  const len = parsed.bits - 24 * parsed.labels.length - (withRd ? 64 : 0);
  if (len < 0 || len > (v6 ? 128 : 32)) return undefined;
  if (parsed.prefix.length !== (len + 7) >> 3) return undefined;
  return {
    labels: parsed.labels.map((l) => l.label),
    rd: parsed.rd ? parsed.rd.toString('hex') : undefined,
    len,
    prefix: parsed.prefix.toString('hex'),
    size,
  };
}

function main(family: string, input: Uint8Array, withdraw: boolean | undefined): Ref | undefined {
  const codec = defaultRegistry.require(family);
  const r = new Reader(input, family);
  let m: VpnNlri & LabeledNlri;
  try {
    m = codec.decode(r, { withdraw } as never) as VpnNlri & LabeledNlri;
  } catch (e) {
    if (e instanceof NlriError) return undefined;
    throw e;
  }
  return {
    labels: [...m.labels],
    rd: m.rd ? Buffer.from(m.rd).toString('hex') : undefined,
    len: m.prefix.len,
    prefix: Buffer.from(m.prefix.addr).toString('hex'),
    size: r.pos,
  };
}

/** Mostly well-formed NLRIs (random Rsrv bits, RD, host bits), then some mutated: length octet, S bits, truncation. */
function nlriBytes(withRd: boolean, v6: boolean): fc.Arbitrary<Uint8Array> {
  const max = v6 ? 128 : 32;
  return fc
    .record({
      labels: fc.array(fc.record({ label: fc.integer({ min: 0, max: 0xfffff }), rsrv: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 5 }),
      rd: fc.uint8Array({ minLength: 8, maxLength: 8 }),
      len: fc.integer({ min: 0, max: max + 8 }),
      mutate: fc.constantFrom('none', 'none', 'length', 'no-s', 'extra-s', 'cut', 'tail'),
      byte: fc.integer({ min: 0, max: 255 }),
      at: fc.nat(),
    })
    .chain((g) =>
      fc.uint8Array({ minLength: (g.len + 7) >> 3, maxLength: (g.len + 7) >> 3 }).map((addr) => {
        const out: number[] = [(24 * g.labels.length + (withRd ? 64 : 0) + g.len) & 0xff];
        g.labels.forEach((l, i) => {
          const entry = (l.label << 4) | (l.rsrv << 1) | (i === g.labels.length - 1 ? 1 : 0);
          out.push((entry >> 16) & 0xff, (entry >> 8) & 0xff, entry & 0xff);
        });
        if (withRd) out.push(...g.rd);
        out.push(...addr);
        if (g.mutate === 'length') out[0] = g.byte;
        if (g.mutate === 'no-s') out[3 * g.labels.length]! &= 0xfe;
        if (g.mutate === 'extra-s') out[3]! |= 1;
        if (g.mutate === 'cut') out.length = g.at % out.length;
        if (g.mutate === 'tail') out.push(g.byte);
        return Uint8Array.from(out);
      }),
    );
}

const cases = [
  { family: 'ipv4/mpls-vpn', withRd: true, v6: false },
  { family: 'ipv6/mpls-vpn', withRd: true, v6: true },
  { family: 'ipv4/mpls-label', withRd: false, v6: false },
  { family: 'ipv6/mpls-label', withRd: false, v6: true },
];

describe.each(cases)('binary-parser reference vs main decoder: $family', ({ family, withRd, v6 }) => {
  it('agree on every generated input (MP_REACH reading)', () => {
    fc.assert(
      fc.property(nlriBytes(withRd, v6), (input) => {
        const ref = reference(input, withRd, v6);
        const got = main(family, input, false);
        if (ref === undefined) expect(got, `main decoded ${toHex(input)}, the reference refused it`).toBeUndefined();
        else expect(got, toHex(input)).toEqual(ref);
      }),
      { numRuns: 3000 },
    );
  });

  it('agree on the RFC 8277 §2.4 Compatibility field (MP_UNREACH reading)', () => {
    // The reference reads the 3-octet Compatibility field as one entry whatever its S bit says.
    const head = new Parser().uint8('bits').buffer('compatibility', { length: 3 });
    const withdrawal = (withRd ? head.buffer('rd', { length: 8 }) : head).buffer('prefix', { readUntil: 'eof' });
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(0x800000, 0x000000), fc.integer({ min: 0, max: 0xffffff })),
        fc.uint8Array({ minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: v6 ? 128 : 32 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (compat, rd, len, addr) => {
          const bits = 24 + (withRd ? 64 : 0) + len;
          if (bits > 255) return;
          const input = Uint8Array.from([bits, compat >> 16, (compat >> 8) & 0xff, compat & 0xff, ...(withRd ? rd : []), ...addr.subarray(0, (len + 7) >> 3)]);
          const p = withdrawal.parse(Buffer.from(input)) as { compatibility: Buffer; rd?: Buffer; prefix: Buffer };
          // From MP_UNREACH any value is the field; direction unknown, only the two RFC values.
          for (const w of compat === 0x800000 || compat === 0 ? [true, undefined] : [true]) {
            const got = main(family, input, w);
            expect(got, toHex(input)).toEqual({
              labels: [p.compatibility.readUIntBE(0, 3) >> 4],
              rd: p.rd?.toString('hex'),
              len,
              prefix: p.prefix.toString('hex'),
              size: input.length,
            });
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

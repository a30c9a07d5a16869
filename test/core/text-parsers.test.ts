// The shared text parsers after their rewrite for speed (issue 16: read in place, no split,
// regular expression or substring on the success path) against the code they replaced
// (test/support/text-parsers-before.ts), input by input: the same bytes, the same refusals, the
// same error texts. Inputs: every RD and prefix token of Ze's encode vectors, hand-picked edge
// cases, and generated text from the characters these grammars use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { macFromString } from '../../src/core/bgp.js';
import { NlriError } from '../../src/core/errors.js';
import { toHex } from '../../src/core/hex.js';
import { parseAddr, parsePrefix } from '../../src/core/ip.js';
import { parseRd, parseRdZe } from '../../src/core/rd.js';
import {
  macFromStringBefore, parseAddrBefore, parsePrefixBefore, parseRdBefore, parseRdZeBefore, toHexBefore,
} from '../support/text-parsers-before.js';

const VECTORS = join(import.meta.dirname, '../vectors/ze');

/** Every value that follows `key` in the args of Ze's encode vectors. */
function vectorValues(keys: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(VECTORS).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(VECTORS, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const v = JSON.parse(line) as { args?: string[] };
      const args = v.args ?? [];
      for (let i = 0; i + 1 < args.length; i++) if (keys.includes(args[i]!)) out.add(args[i + 1]!);
    }
  }
  return [...out];
}

/** What a throwing parser did: its bytes as hex, or its error's code, text, family and offset. */
function outcome(f: () => Uint8Array | undefined): string {
  try {
    const b = f();
    return b === undefined ? 'undefined' : 'bytes ' + toHexBefore(b) + ' ' + b.length;
  } catch (e) {
    if (!(e instanceof NlriError)) throw e;
    return `error ${e.code} ${e.message} ${e.family} ${e.offset}`;
  }
}

function prefixOutcome(r: ReturnType<typeof parsePrefix>): string {
  return typeof r === 'string' ? 'error ' + r : `${r.v6} ${r.len} ${toHexBefore(r.bytes)} ${r.bytes.length}`;
}

function addrOutcome(r: ReturnType<typeof parseAddr>): string {
  return typeof r === 'string' ? 'error ' + r : `${r.v6} ${toHexBefore(r.bytes)} ${r.bytes.length}`;
}

const piece = (chars: string, max: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength: max });
const number = fc.oneof(
  fc.constantFrom('0', '00', '01', '1', '2', '3', '255', '256', '999', '1000', '65535', '65536', '4294967295', '4294967296', '99999999999999999999', ''),
  fc.nat().map(String),
  piece('0123456789', 12),
);
const ipv4ish = fc.oneof(
  fc.tuple(number, number, number, number).map((p) => p.join('.')),
  fc.array(number, { maxLength: 6 }).map((p) => p.join('.')),
);

describe('parseRd / parseRdZe read in place as they did through split and regular expressions', () => {
  const fixed = [
    ...vectorValues(['rd']),
    '', ':', '::', ':::', '1:', ':1', '0:1', '0:0:0', '0:65535:4294967295', '0:65536:1', '0:1:4294967296',
    '1:1.2.3.4:65535', '1:1.2.3.4:65536', '1:01.2.3.4:1', '1:1.2.3:1', '1:1.2.3.4.5:1', '1:256.1.1.1:1',
    '1:1..3.4:1', '1:1.2.3.4.:1', '1:.1.2.3:1', '1:1.2.3.4:', '1:65000:1', '0:1.2.3.4:1', '2:1.2.3.4:1',
    '2:4294967295:65535', '2:4294967296:1', '2:1:65536', '3:1:1', '00:1:1', '01:1:1', '1.2.3.4:1',
    '1.2.3.4:65536', '65536:65535', '65536:65536', '65535:4294967295', '4294967296:1', 'x:1', '1:x',
    '+1:1', '-1:1', ' 1:1', '1:1 ', '0x1:1', '1e3:1', 'rd-type3:000102030405', 'rd-type65535:ABCDEFabcdef',
    'rd-type65536:000000000000', 'rd-type3:00010203040', 'rd-type3:0001020304050', 'rd-type:000102030405',
    'rd-type3:00010203040g', 'rd-typex:000102030405', 'rd-type3:1:2', 'r:1', 'rd:1:1', '1:1:1:1',
    '1:١:1', '1:1.2.3.٤:1', '999999999999999999999:1',
  ];

  it.each(fixed.map((s) => [s]))('%j', (s) => {
    expect(outcome(() => parseRd(s, 'fam'))).toBe(outcome(() => parseRdBefore(s, 'fam')));
    expect(outcome(() => parseRdZe(s, 'fam'))).toBe(outcome(() => parseRdZeBefore(s, 'fam')));
  });

  it('agrees on generated RD text', () => {
    const rdText = fc.oneof(
      fc.tuple(number, number).map(([a, b]) => `${a}:${b}`),
      fc.tuple(number, number, number).map(([t, a, b]) => `${t}:${a}:${b}`),
      fc.tuple(number, ipv4ish, number).map(([t, a, b]) => `${t}:${a}:${b}`),
      fc.tuple(ipv4ish, number).map(([a, b]) => `${a}:${b}`),
      fc.tuple(number, piece('0123456789abcdefABCDEFg', 14)).map(([t, h]) => `rd-type${t}:${h}`),
      piece('0123456789.:rdtype-x ', 24),
    );
    fc.assert(
      fc.property(rdText, (s) => {
        expect(outcome(() => parseRd(s))).toBe(outcome(() => parseRdBefore(s)));
        expect(outcome(() => parseRdZe(s, 'f'))).toBe(outcome(() => parseRdZeBefore(s, 'f')));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('parsePrefix / parseAddr read the length in place as they did with a regular expression', () => {
  const fixed = [
    ...vectorValues(['prefix', 'source', 'destination', 'ip', 'endpoint', 'pe-address', 'originator', 'source-address']),
    '', '/', '/24', '10.0.0.0', '10.0.0.0/', '10.0.0.0/0', '10.0.0.0/00', '10.0.0.0/01', '10.0.0.0/32', '10.0.0.0/33',
    '10.0.0.0/3a', '10.0.0.0/+1', '10.0.0.0/ 1', '10.0.0.0//24', '10.0.0.0/24/24', '::/0', '::/128', '::/129',
    '::/0128', 'fe80::1%eth0/64', 'fe80::1%/64', '%eth0/64', '::ffff:1.2.3.4/96', '1:2:3:4:5:6:7:8/128',
    '1:2:3:4:5:6:7:8:9/128', '1::2::3/64', '::1.2.3.4/128', '1.2.3.4/99999999999999999999', '01.2.3.4/8',
    '1.2.3/8', '1.2.3.4.5/8', '1.2.3.256/8', 'a.b.c.d/8', '12345::/16', ':/8', ':::/8', '1:/8', 'g::/8',
  ];

  it.each(fixed.map((s) => [s]))('%j', (s) => {
    expect(prefixOutcome(parsePrefix(s))).toBe(prefixOutcome(parsePrefixBefore(s)));
    const slash = s.lastIndexOf('/');
    const addr = slash < 0 ? s : s.slice(0, slash);
    expect(addrOutcome(parseAddr(addr))).toBe(addrOutcome(parseAddrBefore(addr)));
  });

  it('agrees on generated prefix text', () => {
    const v6ish = piece('0123456789abcdefABCDEF:.%', 44);
    const prefixText = fc.oneof(
      fc.tuple(ipv4ish, number).map(([a, l]) => `${a}/${l}`),
      fc.tuple(v6ish, number).map(([a, l]) => `${a}/${l}`),
      piece('0123456789abcdef.:/% ', 30),
    );
    fc.assert(
      fc.property(prefixText, (s) => {
        expect(prefixOutcome(parsePrefix(s))).toBe(prefixOutcome(parsePrefixBefore(s)));
        expect(addrOutcome(parseAddr(s.slice(0, Math.max(0, s.lastIndexOf('/')))))).toBe(
          addrOutcome(parseAddrBefore(s.slice(0, Math.max(0, s.lastIndexOf('/'))))),
        );
      }),
      { numRuns: 4000 },
    );
  });
});

describe('macFromString reads char codes as it did through split and regular expressions', () => {
  const fixed = [
    ...vectorValues(['mac']),
    '', '00:11:22:33:44:55', '00-11-22-33-44-55', '00:11-22:33-44:55', '0:1:2:3:4:5', 'aA:bB:cC:dD:eE:fF',
    '000:11:22:33:44:55', '00:11:22:33:44', '00:11:22:33:44:55:66', '00:11:22:33:44:', ':00:11:22:33:44',
    '00::11:22:33:44', '00:11:22:33:44:5g', '00 11 22 33 44 55', '00:11:22:33:44:55\n', '0x:11:22:33:44:55',
  ];
  it.each(fixed.map((s) => [s]))('%j', (s) => {
    expect(outcome(() => macFromString(s))).toBe(outcome(() => macFromStringBefore(s)));
  });
  it('agrees on generated MAC text', () => {
    fc.assert(
      fc.property(piece('0123456789abcdefABCDEFg:- ', 22), (s) => {
        expect(outcome(() => macFromString(s))).toBe(outcome(() => macFromStringBefore(s)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('toHex through the reused latin1 buffer', () => {
  it('gives the upper-case hex of every byte value', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const want = Array.from(all, (v) => v.toString(16).toUpperCase().padStart(2, '0')).join('');
    expect(toHex(all)).toBe(want);
    expect(toHex(all, 250, 256)).toBe('FAFBFCFDFEFF'); // the short (concatenation) path
    expect(toHex(all, 1, 14)).toBe('0102030405060708090A0B0C0D'); // the buffer path, not from 0
    expect(toHex(new Uint8Array(0))).toBe('');
  });

  it('agrees with the concatenation for every length around its switch points and for long inputs', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 4200 }),
        fc.nat(),
        fc.nat(),
        (b, x, y) => {
          const start = b.length ? x % (b.length + 1) : 0;
          const end = start + (b.length - start ? y % (b.length - start + 1) : 0);
          expect(toHex(b, start, end)).toBe(toHexBefore(b, start, end));
          expect(toHex(b)).toBe(toHexBefore(b));
        },
      ),
      { numRuns: 400 },
    );
    for (const n of [5, 6, 7, 8, 11, 12, 13, 2047, 2048, 2049, 4096, 4097]) {
      const b = new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
      expect(toHex(b)).toBe(toHexBefore(b));
    }
  });

  it('a result does not change when the buffer is reused by the next call', () => {
    const a = toHex(new Uint8Array(20).fill(0xab));
    const b = toHex(new Uint8Array(20).fill(0xcd));
    expect(a).toBe('AB'.repeat(20));
    expect(b).toBe('CD'.repeat(20));
  });
});

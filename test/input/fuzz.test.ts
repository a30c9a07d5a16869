/**
 * Smoke fuzz of the readers: mutated sample files (test/input/samples) and random bytes, pushed
 * in random chunk sizes, never throw (every problem is an error item) and always end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputFormat } from '../../src/input/detect.js';
import { decodeBytes } from './run.js';

const DIR = join(import.meta.dirname, 'samples');
const FILES: [string, InputFormat][] = [
  ['rib.mrt', 'mrt'],
  ['monitor.bmp', 'bmp'],
  ['session.pcap', 'pcap'],
  ['updates.hex', 'hex'],
];

function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s % n;
  };
}

describe('readers never throw on mutated input', () => {
  for (const [name, format] of FILES) {
    it(`${name}: 600 mutations`, () => {
      const base = new Uint8Array(readFileSync(join(DIR, name)));
      const r = rng(name.length * 7919);
      for (let k = 0; k < 600; k++) {
        const b = base.slice(0, base.length - r(8));
        const n = 1 + r(6);
        for (let i = 0; i < n; i++) b[r(b.length)] = r(4) === 0 ? 0xff : r(256);
        expect(() => decodeBytes(format, b, 1 + r(64))).not.toThrow();
      }
    });
  }

  it('random bytes in every format', () => {
    const r = rng(42);
    for (let k = 0; k < 300; k++) {
      const b = Uint8Array.from({ length: r(300) }, () => r(256));
      for (const [, format] of FILES) expect(() => decodeBytes(format, b, 1 + r(50))).not.toThrow();
    }
  });
});

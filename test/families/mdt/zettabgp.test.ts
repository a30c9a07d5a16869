/**
 * A second reading of MDT NLRIs from the Rust crate zettabgp 0.3.9 (its `WithRd<BgpMdtV4>`),
 * recorded once into zettabgp.vectors.json (no Rust code or build is part of this repository).
 *
 * For the RFC 6037 length (128 bits) both readings agree on RD, PE address and group. zettabgp
 * also accepts shorter lengths, reading the PE address as a prefix of (length − 96) bits and the
 * group right after it (so 0x60 gives a /0 source and the PE address as the group); RFC 6037
 * fixes the layout at 16 octets, so ze-nlri refuses those (bad-length): a documented difference,
 * docs/families/mdt.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeOne } from '../../../src/registry/ops.js';
import { ipv4ToString } from '../../../src/core/ip.js';
import { rdToString } from '../../../src/core/rd.js';
import { ipv4Mdt, type MdtNlri } from '../../../families/mdt/index.js';
import { bytes, codecError as error } from '../../support/helpers.js';

interface Vector {
  hex: string;
  status: string;
  rd?: string;
  source?: string;
  group?: string;
  used?: string;
}

const data = JSON.parse(readFileSync(new URL('./zettabgp.vectors.json', import.meta.url), 'utf8')) as { vectors: Vector[] };

describe('zettabgp agrees on every RFC 6037 (128-bit) MDT NLRI', () => {
  const full = data.vectors.filter((v) => v.hex.startsWith('80'));
  it('has vectors', () => expect(full.length).toBeGreaterThanOrEqual(30));
  it.each(full.map((v) => [v.hex, v] as const))('%s', (_, v) => {
    const m = decodeOne(ipv4Mdt, bytes(v.hex)) as MdtNlri;
    expect(v.status).toBe('ok');
    expect(rdToString(m.rd).replace(/^[0-2]:/, '')).toBe(v.rd);
    expect(`${ipv4ToString(m.source)}/32`).toBe(v.source);
    expect(ipv4ToString(m.group)).toBe(v.group);
    expect(Number(v.used)).toBe(16);
  });
});

describe('where zettabgp reads a shorter MDT length as a source prefix, ze-nlri refuses it (RFC 6037 fixed layout)', () => {
  it.each(data.vectors.filter((v) => !v.hex.startsWith('80')).map((v) => [v.hex, v] as const))('%s', (_, v) => {
    expect(v.status).toBe('ok');
    const e = error(() => decodeOne(ipv4Mdt, bytes(v.hex)));
    expect([e.code, e.offset]).toEqual(['bad-length', 0]);
  });
});

/**
 * The examples in docs/families/bgp-ls.md say what the code does: every NLRI block
 * (`<family>  <hex>`, `args: …`, JSON) and every attribute block (hex, JSON) is checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codecs, decodeBgpLsAttributeHex } from '../../../families/bgp-ls/index.js';
import { Registry } from '../../../src/registry/registry.js';

const reg = new Registry([...codecs]);
const doc = readFileSync(join(import.meta.dirname, '../../../docs/families/bgp-ls.md'), 'utf8');
/** Fenced code blocks, each as its lines. */
const blocks: string[][] = [];
let open: string[] | undefined;
for (const line of doc.split('\n')) {
  if (line.startsWith('```')) {
    if (open) blocks.push(open), (open = undefined);
    else open = [];
  } else if (open) open.push(line);
}

const nlri = blocks.filter((b) => /^bgp-ls\/bgp-ls(-vpn|-spf)?\s+[0-9A-F]+$/.test(b[0]!));
const attrs = blocks.filter((b) => b.length === 2 && /^[0-9A-F ]+$/.test(b[0]!) && b[1]!.startsWith('{'));

describe('docs/families/bgp-ls.md NLRI examples', () => {
  it('there are some, the new families among them', () => {
    expect(nlri.some((b) => b[0]!.startsWith('bgp-ls/bgp-ls-spf'))).toBe(true);
    expect(nlri.some((b) => b[0]!.includes(' 0005'))).toBe(true);
  });
  it.each(nlri.map((b) => [b[0]!.slice(0, 60), b] as const))('%s', (_, b) => {
    const [family, hex] = b[0]!.split(/\s+/) as [string, string];
    const json = b.find((l) => l.startsWith('{') || l.startsWith('['))!;
    expect(reg.decodeHex(family, hex)).toBe(json);
    const args = b.find((l) => l.startsWith('args: '));
    if (args) expect(reg.encodeArgs(family, args.slice(6).split(' '))).toBe(hex);
  });
});

describe('docs/families/bgp-ls.md attribute examples', () => {
  it('there are some', () => expect(attrs.length).toBeGreaterThan(5));
  it.each(attrs.map((b) => [b[0]!.slice(0, 60), b] as const))('%s', (_, b) => {
    expect(decodeBgpLsAttributeHex(b[0]!.replace(/ /g, ''))).toBe(b[1]);
  });
});

/**
 * Shape of the whole-UPDATE vectors recorded from Ze (test/vectors/ze-update/{ze-tests,rfc,hand}.jsonl,
 * described in test/vectors/ze-update/README.md): every line is one JSON object, ids are unique over
 * the three files and carry their file's prefix, the hex is an even-length upper-case string, Ze's
 * recorded stdout (`json_text`) parses and agrees with its exit code, and `families`/`attrs` are
 * well-formed. The values themselves are data: other tests compare decoders against them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', 'vectors', 'ze-update');
const FILES: Record<string, string> = { 'ze-tests.jsonl': 'ze-', 'rfc.jsonl': 'rfc-', 'hand.jsonl': 'hand-' };
const KEYS = new Set([
  'id', 'hex', 'json_text', 'exit', 'source', 'note', 'families', 'attrs', 'human', 'human_exit', 'stderr',
  'also_sources', 'ci_expect', 'ci_expected_json_text', 'ci_nlri_expected', 'rfc_nlri_hex',
  // The session the message belongs to, where it is not the default (false: no 4-octet AS, RFC 6793).
  'as4',
]);

interface Row {
  [k: string]: unknown;
  id: string;
  hex: string;
  json_text: string;
  exit: number;
  source: string;
  families: string[];
  attrs: number[];
}

const rows: Array<{ file: string; line: number; row: Row }> = [];
for (const file of Object.keys(FILES)) {
  readFileSync(join(DIR, file), 'utf8').split('\n').forEach((text, i) => {
    if (text === '') return;
    rows.push({ file, line: i + 1, row: JSON.parse(text) as Row });
  });
}

describe('ze-update vectors: shape', () => {
  it('there are 60+ of them, in each file', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const f of Object.keys(FILES)) expect(rows.some((r) => r.file === f)).toBe(true);
  });

  it('ids are unique and carry their file prefix', () => {
    const seen = new Map<string, string>();
    for (const { file, line, row } of rows) {
      const at = `${file}:${line}`;
      expect(typeof row.id, at).toBe('string');
      expect(row.id.startsWith(FILES[file]!), at).toBe(true);
      expect(seen.get(row.id), `${row.id} at ${at}`).toBeUndefined();
      seen.set(row.id, at);
    }
  });

  it('every line has the fields, and only known ones', () => {
    for (const { file, line, row } of rows) {
      const at = `${file}:${line} ${row.id}`;
      for (const k of Object.keys(row)) expect(KEYS.has(k), `${at}: field ${k}`).toBe(true);
      for (const k of ['id', 'hex', 'json_text', 'source', 'note', 'human']) expect(typeof row[k], `${at}: ${k}`).toBe('string');
      for (const k of ['exit', 'human_exit']) expect(Number.isInteger(row[k]), `${at}: ${k}`).toBe(true);
    }
  });

  it('hex is even-length upper-case hex', () => {
    for (const { row } of rows) {
      expect(row.hex, row.id).toMatch(/^(?:[0-9A-F]{2})+$/);
    }
  });

  it('json_text parses; exit 0 is a Ze update envelope, exit 1 a Ze error object', () => {
    for (const { row } of rows) {
      expect(row.json_text, row.id).not.toMatch(/\n/);
      const j = JSON.parse(row.json_text) as Record<string, unknown>;
      if (row.exit === 0) {
        expect(j.type, row.id).toBe('bgp');
        const bgp = j.bgp as Record<string, unknown>;
        expect(bgp.update !== undefined && typeof bgp.update === 'object', row.id).toBe(true);
      } else {
        expect(row.exit, row.id).toBe(1);
        expect(j.parsed, row.id).toBe(false);
        expect(typeof j.error, row.id).toBe('string');
      }
    }
  });

  it('families and attrs are well-formed', () => {
    for (const { row } of rows) {
      expect(Array.isArray(row.families), row.id).toBe(true);
      for (const f of row.families) expect(f, row.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      expect([...row.families].sort(), row.id).toEqual(row.families);
      expect(Array.isArray(row.attrs), row.id).toBe(true);
      for (const a of row.attrs) expect(Number.isInteger(a) && a >= 0 && a <= 255, `${row.id}: ${a}`).toBe(true);
      expect([...new Set(row.attrs)].sort((x, y) => x - y), row.id).toEqual(row.attrs);
    }
  });

  it('sources name where each came from', () => {
    for (const { file, row } of rows) {
      const re = file === 'ze-tests.jsonl' ? /^ze:[\w./-]+:\d+$/ : file === 'rfc.jsonl' ? /^rfc:RFC \d+:\d+$/ : /^hand$/;
      expect(row.source, row.id).toMatch(re);
      for (const s of (row.also_sources as string[] | undefined) ?? []) expect(s, row.id).toMatch(/^ze:[\w./-]+:\d+$/);
    }
  });

  it('Ze decode tests with an expected JSON record whether the binary matched it', () => {
    for (const { row } of rows) {
      if (row.ci_expect === undefined) continue;
      expect(['identical', 'equal-as-json', 'differs'], row.id).toContain(row.ci_expect);
      if (row.ci_expect === 'differs') expect(typeof row.ci_expected_json_text, row.id).toBe('string');
      else JSON.parse(row.json_text);
    }
  });

  it('RFC rows carry the NLRI bytes as printed in the RFC, found inside the UPDATE', () => {
    for (const { file, row } of rows) {
      if (file !== 'rfc.jsonl') continue;
      expect(row.rfc_nlri_hex, row.id).toMatch(/^(?:[0-9A-F]{2})+$/);
      expect(row.hex.endsWith(row.rfc_nlri_hex as string), row.id).toBe(true);
    }
  });
});

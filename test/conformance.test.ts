/**
 * Every Ze vector, through the default registry, exactly as decode-nlri / encode-nlri answer:
 * decode → byte-equal JSON text, encode → equal hex (case-insensitive), reject → an error that
 * carries Ze's phrase. A vector listed in docs/ze-compat.md must give the ze-nlri output written
 * there instead, and must really differ from Ze's (a stale row fails).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRegistry, NlriError, Registry } from '../src/index.js';
import { claimable } from '../src/plugin/nlri/engine-families.js';

// Ze's plugins answer decode-nlri / encode-nlri for the families they claim: the engine's own
// unicast/multicast families are not among them (their codecs serve whole UPDATEs only).
const pluginRegistry = new Registry(claimable(defaultRegistry.list()));
import { loadDeviations, loadVectors, VECTOR_DIR, type Vector } from './support/vectors.js';

const vectors = loadVectors().filter((v) => v.kind === 'decode' || v.kind === 'encode' || v.kind === 'reject');
const deviations = new Map(loadDeviations().map((d) => [d.id, d]));
const counts = new Map<string, { exact: number; documented: number; reject: number }>();

function count(v: Vector, what: 'exact' | 'documented' | 'reject'): void {
  const c = counts.get(v.family) ?? { exact: 0, documented: 0, reject: 0 };
  c[what]++;
  counts.set(v.family, c);
}

type Outcome = { ok: true; text: string } | { ok: false; message: string };

function run(v: Vector): Outcome {
  const op = v.kind === 'reject' ? v.op : v.kind;
  try {
    if (op === 'decode') return { ok: true, text: pluginRegistry.decodeHex(v.family, v.hex ?? '') };
    return { ok: true, text: pluginRegistry.encodeArgs(v.family, v.args ?? []) };
  } catch (e) {
    if (!(e instanceof NlriError)) throw e; // anything but the codec error is a bug
    return { ok: false, message: e.message };
  }
}

function zeExpectation(v: Vector): string {
  if (v.kind === 'decode') return v.json_text!;
  if (v.kind === 'encode') return v.hex!;
  return `error: ${v.error}`;
}

function check(outcome: Outcome, expected: string, isHex: boolean): void {
  if (expected.startsWith('error: ')) {
    expect(outcome.ok, outcome.ok ? `expected an error, got ${outcome.text}` : '').toBe(false);
    if (!outcome.ok) expect(outcome.message).toContain(expected.slice(7));
  } else {
    expect(outcome.ok, outcome.ok ? '' : `unexpected error: ${outcome.message}`).toBe(true);
    if (outcome.ok) {
      if (isHex) expect(outcome.text.toUpperCase()).toBe(expected.toUpperCase());
      else expect(outcome.text).toBe(expected);
    }
  }
}

describe.each([...new Set(vectors.map((v) => v.file))])('Ze vectors: %s', (file) => {
  for (const v of vectors.filter((x) => x.file === file)) {
    const dev = deviations.get(v.id);
    const isHex = v.kind === 'encode' || (v.kind === 'reject' && v.op === 'encode');
    it(`${v.id} ${v.kind}${v.op ? '/' + v.op : ''} ${v.family}${dev ? ' (documented deviation)' : ''}`, () => {
      const outcome = run(v);
      if (dev) {
        expect(dev.kind, `docs/ze-compat.md kind for ${v.id}`).toBe(v.kind === 'reject' ? `reject/${v.op}` : v.kind);
        check(outcome, dev.ours, isHex && !dev.ours.startsWith('{') && !dev.ours.startsWith('['));
        // The row must describe a real difference from Ze's recorded output.
        expect(dev.ours, `docs/ze-compat.md row ${v.id} no longer differs from Ze`).not.toBe(zeExpectation(v));
        count(v, 'documented');
      } else {
        check(outcome, zeExpectation(v), isHex);
        count(v, v.kind === 'reject' ? 'reject' : 'exact');
      }
    });
  }
});

describe('docs/ze-compat.md', () => {
  it('names only vectors that exist', () => {
    const ids = new Set(vectors.map((v) => v.id));
    // A row of kind `update` names a whole-UPDATE vector (updates-*.jsonl), read by test/updates.test.ts.
    const updateIds = new Set(
      readdirSync(VECTOR_DIR)
        .filter((f) => f.startsWith('updates-') && f.endsWith('.jsonl'))
        .flatMap((f) => readFileSync(join(VECTOR_DIR, f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { id: string }).id)),
    );
    const unknown = [...deviations.keys()].filter((id) => !ids.has(id) && !(deviations.get(id)!.kind === 'update' && updateIds.has(id)));
    expect(unknown).toEqual([]);
  });
});

afterAll(() => {
  const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
  const lines = rows.map(([f, c]) => `  ${f.padEnd(20)} exact ${String(c.exact).padStart(4)}  rejected-as-Ze ${String(c.reject).padStart(3)}  documented ${String(c.documented).padStart(3)}`);
  console.log(`Ze vectors per family:\n${lines.join('\n')}`);
});

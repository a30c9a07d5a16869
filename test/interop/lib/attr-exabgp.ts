/**
 * ExaBGP 4.2.21 as a path-attribute decoder: `exabgp --decode <hex> … <config>` logs, per
 * UPDATE, its API JSON (`update json {…}`); its `attribute` object is what is compared. ExaBGP
 * stops at the first UPDATE it cannot parse, so the batch is run again from the one after it
 * (one run per refused UPDATE, not a bisection), and the refused one alone; each JSON message is paired with its input by
 * the input's own IPv4 prefix (lib/attr-inputs.ts), never by position.
 *
 * Extended community `value`s are 64-bit integers in ExaBGP's JSON: they are read as decimal
 * strings (JSON.parse would round them above 2^53).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXABGP, run, tempDir } from './tools.js';

const CONFIG = `neighbor 127.0.0.1 {
    router-id 192.0.2.2;
    local-address 127.0.0.1;
    local-as 65000;
    peer-as 65000;
    family {
        ipv4 unicast;
    }
}
`;

export interface ExaAttrResult {
  /** ExaBGP's `attribute` object for the UPDATE. */
  attribute?: Record<string, any>;
  error?: string;
}

interface Item {
  update: Uint8Array;
  prefix: string;
}

/** Big integers after `"value":` kept as strings. */
const bigSafe = (line: string): string => line.replace(/("value"\s*:\s*)(\d{16,})/g, '$1"$2"');

function once(dir: string, items: readonly Item[], timeoutMs: number): { byPrefix: Map<string, Record<string, any>>; errors: string[] } {
  const args = items.flatMap((u) => ['--decode', Buffer.from(u.update).toString('hex')]);
  const r = run(EXABGP!, [...args, join(dir, 'exabgp.conf')], {
    timeoutMs,
    cwd: dir,
    env: { ...process.env, 'exabgp.log.destination': 'stdout', 'exabgp.log.all': 'false', HOME: dir, PYTHONUNBUFFERED: '1' },
  });
  const byPrefix = new Map<string, Record<string, any>>();
  const errors: string[] = [];
  for (const l of (r.stdout + r.stderr).split('\n')) {
    const i = l.indexOf('update json ');
    if (i >= 0) {
      const u = JSON.parse(bigSafe(l.slice(i + 12))).neighbor.message.update as Record<string, any>;
      const nh = (u.announce?.['ipv4 unicast'] ?? {}) as Record<string, { nlri: string }[]>;
      for (const list of Object.values(nh)) for (const n of list) byPrefix.set(n.nlri, u.attribute ?? {});
    } else if (/error|notify|exception|traceback|invalid|Error:/i.test(l) && !/named pipes|cli/.test(l)) errors.push(l.replace(/^.*\|\s+/, '').trim());
  }
  return { byPrefix, errors };
}

/** Decode every UPDATE; one result per input, same order. */
export function exabgpAttrs(items: readonly Item[], timeoutMs = 30_000): ExaAttrResult[] {
  if (!EXABGP) throw new Error('exabgp not installed');
  const out: ExaAttrResult[] = items.map(() => ({}));
  const t = tempDir('ze-nlri-exabgp-attr-');
  try {
    writeFileSync(join(t.dir, 'exabgp.conf'), CONFIG);
    let from = 0;
    for (let rounds = 0; from < items.length && rounds < items.length; rounds++) {
      const part = items.slice(from);
      const got = once(t.dir, part, timeoutMs);
      let k = 0;
      while (k < part.length && got.byPrefix.has(part[k]!.prefix)) {
        out[from + k] = { attribute: got.byPrefix.get(part[k]!.prefix) };
        k++;
      }
      if (k < part.length) {
        // what ExaBGP does with an UPDATE can depend on the one decoded before it (a long
        // attribute after some others fails with "negative count", alone it decodes): a refused UPDATE
        // is decoded again alone, and only a refusal there counts
        const alone = once(t.dir, [part[k]!], timeoutMs);
        const at = alone.byPrefix.get(part[k]!.prefix);
        out[from + k] = at ? { attribute: at } : { error: alone.errors.slice(-3).join(' | ') || 'no update json logged' };
      }
      from += k + 1;
    }
    return out;
  } finally {
    t.remove();
  }
}

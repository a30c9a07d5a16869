/**
 * tshark 4.0.17 as a path-attribute decoder (RFC 4271 §4.3): the UPDATEs go into one pcap
 * (lib/pcap.ts), one `tshark -T pdml` run dissects them, and each path attribute is read back as
 * its type code and the flat list of fields dissected inside it (offsets relative to the first
 * value octet), with the packet's dissector problems (exception, error/warning expert infos).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pcap } from './pcap.js';
import { descendants, parseXml, type XmlNode } from './pdml.js';
import { run, tempDir, TSHARK } from './tools.js';
import type { TsField } from './tshark.js';

export interface TsAttr {
  code: number;
  /** Fields inside the attribute after its header (flags, type code, length), document order. */
  fields: TsField[];
  /** Expert infos (any severity) attached inside this attribute. */
  expert: string[];
}

export interface TsUpdate {
  problems: string[];
  attrs: TsAttr[];
}

const HEADER = new Set(['bgp.update.path_attribute.flags', 'bgp.update.path_attribute.type_code', 'bgp.update.path_attribute.length']);

function flatten(n: XmlNode, base: number, depth: number, out: TsField[], expert: string[]): void {
  for (const c of n.children) {
    const name = c.attrs.name ?? '';
    if (c.tag !== 'field') continue;
    if (name === '_ws.expert') {
      expert.push(c.children.find((x) => x.attrs.name === '_ws.expert.message')?.attrs.show ?? c.attrs.showname ?? '');
      continue;
    }
    if (name.startsWith('_ws.expert')) continue;
    if (depth === 0 && HEADER.has(name)) continue;
    out.push({ depth, name, show: c.attrs.show ?? '', showname: c.attrs.showname ?? c.attrs.show ?? '', off: Number(c.attrs.pos ?? 0) - base, len: Number(c.attrs.size ?? 0) });
    flatten(c, base, depth + 1, out, expert);
  }
}

function analyse(pkt: XmlNode): TsUpdate {
  const problems: string[] = [];
  const protos = pkt.children.filter((c) => c.tag === 'proto');
  if (protos.some((p) => p.attrs.name === '_ws.malformed')) problems.push('_ws.malformed');
  for (const f of descendants(pkt)) {
    if (f.attrs.name !== '_ws.expert') continue;
    const sev = f.children.find((c) => c.attrs.name === '_ws.expert.severity')?.attrs.showname ?? '';
    const msg = f.children.find((c) => c.attrs.name === '_ws.expert.message')?.attrs.show ?? f.attrs.showname ?? '';
    if (/Error|Warn/.test(sev)) problems.push(`expert: ${msg}`);
  }
  const bgp = protos.find((p) => p.attrs.name === 'bgp');
  const attrs: TsAttr[] = [];
  for (const a of bgp ? descendants(bgp) : []) {
    if (a.attrs.name !== 'bgp.update.path_attribute') continue;
    const tc = a.children.find((c) => c.attrs.name === 'bgp.update.path_attribute.type_code');
    const len = a.children.find((c) => c.attrs.name === 'bgp.update.path_attribute.length');
    if (!tc || !len) continue;
    const base = Number(len.attrs.pos) + Number(len.attrs.size);
    const fields: TsField[] = [];
    const expert: string[] = [];
    flatten(a, base, 0, fields, expert);
    attrs.push({ code: Number(tc.attrs.show), fields, expert });
  }
  return { problems, attrs };
}

/** Dissect every UPDATE with one tshark run (4-octet AS numbers). */
export function tsharkAttrs(updates: readonly Uint8Array[], timeoutMs = 60_000): TsUpdate[] {
  if (!TSHARK) throw new Error('tshark not installed');
  if (updates.length === 0) return [];
  const t = tempDir('ze-nlri-tshark-attr-');
  try {
    const file = join(t.dir, 'in.pcap');
    writeFileSync(file, pcap(updates));
    const r = run(TSHARK, ['-n', '-r', file, '-T', 'pdml', '-o', 'bgp.asn_len:4', '-d', 'tcp.port==179,bgp'], {
      timeoutMs,
      env: { ...process.env, HOME: t.dir, XDG_CONFIG_HOME: t.dir },
    });
    if (r.status !== 0) throw new Error(`tshark exited ${r.status}: ${r.stderr.slice(-1000)}`);
    const pkts = parseXml(r.stdout).children.find((c) => c.tag === 'pdml')?.children.filter((c) => c.tag === 'packet') ?? [];
    if (pkts.length !== updates.length) throw new Error(`tshark gave ${pkts.length} packets for ${updates.length} UPDATEs`);
    return pkts.map(analyse);
  } finally {
    t.remove();
  }
}

/**
 * Wireshark's BGP dissector (tshark 4.0.17) as a decoder: the UPDATEs go into one pcap, one
 * `tshark -T pdml` run dissects them all, and each MP_REACH/MP_UNREACH is read back as a list of
 * NLRIs, each a flat list of dissected fields with offsets relative to the NLRI bytes.
 *
 * tshark flags malformed input with `_ws.malformed` (a dissector exception) and expert infos of
 * severity Error/Warning; it stays silent on some RFC violations (see docs/INTEROP.md).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { descendants, parseXml, type XmlNode } from './pdml.js';
import { pcap } from './pcap.js';
import { run, tempDir, TSHARK } from './tools.js';

export interface TsField {
  depth: number;
  name: string;
  show: string;
  showname: string;
  /** Offset and length relative to the first NLRI byte (fields outside the NLRI: negative). */
  off: number;
  len: number;
}

export interface TsNlri {
  off: number;
  len: number;
  fields: TsField[];
}

export interface TsResult {
  /** `ok`, or `malformed` (exception, error/warning expert info, bytes left undissected). */
  status: 'ok' | 'malformed';
  problems: string[];
  nlri: TsNlri[];
}

/** MVPN and VPLS are dissected as flat sibling fields: a new NLRI starts at these. */
const GROUP_START = new Set(['bgp.mcast_vpn_nlri_route_type', 'bgp.vplsad.length']);

function flatten(n: XmlNode, base: number, depth: number, out: TsField[]): void {
  for (const c of n.children) {
    if (c.tag !== 'field' || (c.attrs.name ?? '').startsWith('_ws.expert')) continue;
    out.push({
      depth,
      name: c.attrs.name ?? '',
      show: c.attrs.show ?? '',
      showname: c.attrs.showname ?? c.attrs.show ?? '',
      off: Number(c.attrs.pos ?? 0) - base,
      len: Number(c.attrs.size ?? 0),
    });
    flatten(c, base, depth + 1, out);
  }
}

function analyse(pkt: XmlNode, withdraw: boolean, nlriLen: number): TsResult {
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
  const code = withdraw ? '15' : '14';
  const attr = bgp
    ? [...descendants(bgp)].find(
        (f) => f.attrs.name === 'bgp.update.path_attribute' && f.children.some((c) => c.attrs.name === 'bgp.update.path_attribute.type_code' && c.attrs.show === code),
      )
    : undefined;
  const contName = withdraw ? 'bgp.update.path_attribute.mp_unreach_nlri' : 'bgp.update.path_attribute.mp_reach_nlri';
  const cont = attr?.children.find((c) => c.attrs.name === contName);
  if (!cont) return { status: 'malformed', problems: [...problems, `no ${contName}`], nlri: [] };
  const base = Number(cont.attrs.pos);
  const groups: { flat: boolean; items: XmlNode[] }[] = [];
  for (const item of cont.children) {
    const name = item.attrs.name ?? '';
    if (item.tag !== 'field' || name.startsWith('_ws.expert')) continue;
    const last = groups[groups.length - 1];
    if (!last || GROUP_START.has(name) || !last.flat) groups.push({ flat: GROUP_START.has(name), items: [] });
    groups[groups.length - 1]!.items.push(item);
  }
  let end = 0;
  const nlri = groups.map((g) => {
    const fields: TsField[] = [];
    for (const i of g.items) {
      fields.push({ depth: 0, name: i.attrs.name ?? '', show: i.attrs.show ?? '', showname: i.attrs.showname ?? i.attrs.show ?? '', off: Number(i.attrs.pos) - base, len: Number(i.attrs.size) });
      flatten(i, base, 1, fields);
    }
    const offs = g.items.map((i) => Number(i.attrs.pos) - base);
    const ends = g.items.map((i) => Number(i.attrs.pos) - base + Number(i.attrs.size));
    end = Math.max(end, ...ends);
    return { off: Math.min(...offs), len: Math.max(...ends) - Math.min(...offs), fields };
  });
  if (end < nlriLen) problems.push(`dissector stopped ${nlriLen - end} bytes before the end`);
  return { status: problems.length ? 'malformed' : 'ok', problems, nlri };
}

export interface TsJob {
  update: Uint8Array;
  withdraw: boolean;
  nlriLen: number;
}

/** Dissect every UPDATE with one tshark run. */
export function tsharkDecode(jobs: readonly TsJob[], timeoutMs = 30_000): TsResult[] {
  if (!TSHARK) throw new Error('tshark not installed');
  if (jobs.length === 0) return [];
  const t = tempDir('ze-nlri-tshark-');
  try {
    const file = join(t.dir, 'in.pcap');
    writeFileSync(file, pcap(jobs.map((j) => j.update)));
    // HOME in the temp dir: no user preference can change the dissection; 4-octet AS paths.
    const r = run(TSHARK, ['-n', '-r', file, '-T', 'pdml', '-o', 'bgp.asn_len:4', '-d', 'tcp.port==179,bgp'], {
      timeoutMs,
      env: { ...process.env, HOME: t.dir, XDG_CONFIG_HOME: t.dir },
    });
    if (r.status !== 0) throw new Error(`tshark exited ${r.status}: ${r.stderr.slice(-1000)}`);
    const pkts = parseXml(r.stdout).children.find((c) => c.tag === 'pdml')?.children.filter((c) => c.tag === 'packet') ?? [];
    if (pkts.length !== jobs.length) throw new Error(`tshark gave ${pkts.length} packets for ${jobs.length} UPDATEs`);
    return pkts.map((p, i) => analyse(p, jobs[i]!.withdraw, jobs[i]!.nlriLen));
  } finally {
    t.remove();
  }
}

/** The version line, e.g. `TShark (Wireshark) 4.0.17 …`. */
export function tsharkVersion(): string {
  return TSHARK ? run(TSHARK, ['--version'], { timeoutMs: 10_000 }).stdout.split('\n')[0]!.trim() : 'not installed';
}

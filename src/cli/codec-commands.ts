/**
 * The codec commands: `decode`, `encode`, `families`, `samples` and `--decode` (Ze's line
 * protocol, ze-plugin-protocol.md §5), each loading only the family groups it names.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NlriError } from '../core/errors.js';
import { fromHex, toHex } from '../core/hex.js';
import type { DecodeOptions, FamilyCodec, NlriBase } from '../registry/family.js';
import { decodeAll, encode, toJson } from '../registry/ops.js';
import { intOption, list, parse, UsageError } from './args.js';
import { commandHelp, familyGrammar } from './help.js';
import { LazyFamilies } from './load.js';
import { textOf } from './text.js';

function out(s: string): void {
  process.stdout.write(s + '\n');
}

const FAMILY_MODULE = { 'family-module': { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } as const;

async function families(modules: string[]): Promise<LazyFamilies> {
  const f = new LazyFamilies();
  for (const m of modules) await f.loadModule(m);
  return f;
}

async function readStdin(): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of process.stdin as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts).toString('utf8');
}

/** Hex as users paste it: spaces, colons, `0x` prefixes, newlines. */
function cleanHex(s: string): string {
  return s
    .split(/[\s:,]+/)
    .map((t) => t.replace(/^0x/i, ''))
    .join('');
}

/** What Registry.decodeHex does for errors: the family's Ze error text in front. */
function zeError(codec: FamilyCodec<any>, e: unknown): unknown {
  if (e instanceof NlriError && codec.zeDecodeError && !e.message.startsWith(codec.zeDecodeError)) {
    return new NlriError(e.code, `${codec.zeDecodeError}: ${e.message}`, e.family || codec.name, e.offset);
  }
  return e;
}

export async function cmdDecode(argv: string[]): Promise<number> {
  const { values: v, positionals: p } = parse(argv, {
    ...FAMILY_MODULE,
    'add-path': { type: 'boolean' },
    withdraw: { type: 'boolean' },
    'max-labels': { type: 'string' },
    strict: { type: 'boolean' },
    lossless: { type: 'boolean' },
    pretty: { type: 'boolean' },
    ndjson: { type: 'boolean' },
    text: { type: 'boolean' },
  });
  if (v.help) {
    process.stdout.write(commandHelp('decode'));
    return 0;
  }
  if (p.length !== 2) throw new UsageError('decode takes <family> <hex>');
  const formats = (['pretty', 'ndjson', 'text'] as const).filter((k) => v[k]);
  if (formats.length > 1) throw new UsageError(`--${formats.join(' and --')}: choose one output form`);
  const maxLabels = intOption('max-labels', v['max-labels'] as string | undefined, 1, 255);
  const f = await families(list(v['family-module']));
  const codec = await f.require(p[0]!);
  const opts: DecodeOptions = { addPath: v['add-path'] === true, strict: v.strict === true, lossless: v.lossless === true };
  if (v.withdraw) opts.withdraw = true;
  if (maxLabels !== undefined) opts.maxLabels = maxLabels;
  const hex = cleanHex(p[1] === '-' ? await readStdin() : p[1]!);
  const bytes = fromHex(hex, codec.name);
  let models: NlriBase[];
  try {
    models = decodeAll<NlriBase, NlriBase>(codec, bytes, opts);
    if (models.length === 0) throw new NlriError('truncated', 'empty NLRI', codec.name, 0);
  } catch (e) {
    throw zeError(codec, e);
  }
  const format = formats[0];
  if (format === undefined) out(toJson(codec, models));
  else if (format === 'pretty') out(JSON.stringify(JSON.parse(toJson(codec, models)), null, 2));
  else if (format === 'ndjson') for (const m of models) out(oneJson(codec, m));
  else for (const m of models) out(textOf(codec, m, oneJson(codec, m)));
  return 0;
}

/** One NLRI's JSON value (an array-rendering family's single element unwrapped). */
function oneJson(codec: FamilyCodec<any>, m: NlriBase): string {
  const s = toJson(codec, [m]);
  if (codec.jsonMany !== 'array') return s;
  const v = JSON.parse(s) as unknown;
  return Array.isArray(v) && v.length === 1 ? JSON.stringify(v[0]) : s;
}

export async function cmdEncode(argv: string[]): Promise<number> {
  const { values: v, positionals: p } = parse(argv, { ...FAMILY_MODULE, 'path-id': { type: 'string' } });
  if (v.help && p.length === 0) {
    process.stdout.write(commandHelp('encode'));
    return 0;
  }
  if (p.length < 1) throw new UsageError('encode takes <family> <args...>');
  const f = await families(list(v['family-module']));
  const codec = await f.require(p[0]!);
  if (v.help) {
    process.stdout.write(encodeFamilyHelp(codec, f));
    return 0;
  }
  const pathId = intOption('path-id', v['path-id'] as string | undefined, 0, 0xffffffff);
  const args = p.slice(1);
  let model: NlriBase;
  try {
    model = codec.fromArgs(args);
  } catch (e) {
    throw e instanceof NlriError ? e.withFamily(codec.name) : e;
  }
  if (pathId === undefined) out(toHex(encode(codec, model)));
  else {
    model.pathId = pathId;
    out(toHex(encode(codec, model, { addPath: true })));
  }
  return 0;
}

function encodeFamilyHelp(codec: FamilyCodec<any>, f: LazyFamilies): string {
  const grammar = familyGrammar(codec.group);
  const examples = f.samples.filter((s) => s.family === codec.name && s.args).slice(0, 6);
  let s = `usage: ze-nlri encode [--path-id <n>] ${codec.name} <args...>\n\n`;
  s += `${codec.name}: AFI ${codec.afi}, SAFI ${codec.safi} (${codec.rfcs.join(', ') || 'no RFC listed'}), group ${codec.group}\n\n`;
  s += grammar ?? `The argument grammar of ${codec.name} is in the module that defines it.\n`;
  if (examples.length) {
    s += `\nExamples (the family's samples):\n`;
    for (const e of examples) s += `  ze-nlri encode ${codec.name} ${e.args!.join(' ')}\n      → ${e.hex}\n`;
  }
  return s;
}

export async function cmdFamilies(argv: string[]): Promise<number> {
  const { values: v, positionals: p } = parse(argv, { ...FAMILY_MODULE, json: { type: 'boolean' } });
  if (v.help) {
    process.stdout.write(commandHelp('families'));
    return 0;
  }
  if (p.length) throw new UsageError('families takes no arguments');
  const f = await families(list(v['family-module']));
  await f.loadAll();
  const rows = f.registry.list().map((c) => ({ name: c.name, afi: c.afi, safi: c.safi, group: c.group, modes: ['decode', 'encode'], rfcs: [...c.rfcs] }));
  if (v.json) out(JSON.stringify(rows));
  else for (const r of rows) out(`${r.name.padEnd(22)} afi ${String(r.afi).padEnd(6)} safi ${String(r.safi).padEnd(4)} ${r.modes.join('+').padEnd(14)} ${r.rfcs.join(' ')}`);
  return 0;
}

export async function cmdSamples(argv: string[]): Promise<number> {
  const { values: v, positionals: p } = parse(argv, FAMILY_MODULE);
  if (v.help) {
    process.stdout.write(commandHelp('samples'));
    return 0;
  }
  const modules = list(v['family-module']);
  const f = await families(modules);
  const wanted = new Set<string>();
  for (const name of p) {
    const group = f.groupFamilies(name);
    if (group) {
      for (const n of group) (await f.require(n), wanted.add(n));
    } else wanted.add((await f.require(name)).name);
  }
  if (wanted.size === 0) await f.loadAll();
  for (const m of modules) {
    const mod = (await import(pathToFileURL(resolve(m)).href)) as { samples?: unknown };
    if (Array.isArray(mod.samples)) f.samples.push(...(mod.samples as typeof f.samples));
  }
  let n = 0;
  const shown = new Set<string>();
  for (const s of f.samples) {
    if (wanted.size && !wanted.has(s.family)) continue;
    shown.add(s.family);
    out(`${s.family}  ${s.hex}`);
    out(`  ${s.note}`);
    out(`  ${f.registry.decodeHex(s.family, s.hex)}`);
    if (s.args) out(`  args: ${s.args.join(' ')}`);
    n++;
  }
  process.stderr.write(`${n} sample NLRIs decoded from ${shown.size} families\n`);
  return 0;
}

/** The line protocol (line-server.ts): bounded memory whatever the input, batched answers. */
export async function cmdLines(argv: string[]): Promise<number> {
  const { values: v, positionals: p } = parse(argv, FAMILY_MODULE);
  if (v.help) {
    process.stdout.write(commandHelp('--decode'));
    return 0;
  }
  if (p.length) throw new UsageError('--decode takes no arguments (requests come on stdin)');
  const f = await families(list(v['family-module']));
  const { serveLineProtocol } = await import('./line-server.js');
  // Each family group is loaded when a request first names one of its families.
  await serveLineProtocol(f.registry, process.stdin, process.stdout, { load: (name) => f.loadFamily(name) });
  return 0;
}

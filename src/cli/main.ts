#!/usr/bin/env node
/**
 * The `ze-nlri` command.
 *
 *   ze-nlri decode [--add-path] [--strict] <family> <hex>   Ze's compact JSON on stdout
 *   ze-nlri encode [--path-id <n>] <family> <args…>         UPPER-case hex on stdout
 *   ze-nlri families [--json]                                every family: AFI, SAFI, modes
 *   ze-nlri samples [<family>…]                              decode the built-in sample NLRIs
 *   ze-nlri --decode                                         Ze's `--decode` line protocol on stdin/stdout
 *
 * Errors: exit 1 with `error: <message>` on stderr. Usage errors: exit 2 with the help text.
 */
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { createDefaultRegistry, samples } from '../index.js';
import { encode } from '../registry/ops.js';
import type { Registry } from '../registry/registry.js';
import { serveLineProtocol } from './line-server.js';
import { extraCommands } from './extra-commands.js';

const VERSION = '0.1.0';

const HELP = `ze-nlri ${VERSION}: BGP NLRI codecs for Ze's custom address families

Usage:
  ze-nlri decode [--add-path] [--strict] <family> <hex>
        Decode one or more NLRIs (hex, either case) to Ze's JSON text.
        --add-path  each NLRI starts with a 4-octet ADD-PATH path id (RFC 7911)
        --strict    reject what the RFC calls malformed even where Ze tolerates it
  ze-nlri encode [--path-id <n>] <family> <args...>
        Encode one NLRI from Ze's encode-nlri argument tokens; prints UPPER-case hex.
        --path-id <n>  put an ADD-PATH path id in front of the NLRI
  ze-nlri families [--json]
        List every family with its AFI, SAFI and modes.
  ze-nlri samples [<family>...]
        Decode the built-in sample NLRIs of every family (or the given ones) and print the JSON.
  ze-nlri --decode
        Serve Ze's plugin line protocol on stdin/stdout:
        "decode [json|text] nlri <family> <hex>", "encode [text|json] nlri <family> <tokens...>".
${extraCommands.map((c) => c.help).join('')}  ze-nlri --help | --version
`;

class UsageError extends Error {}

function usage(message: string): never {
  throw new UsageError(message);
}

function out(s: string): void {
  process.stdout.write(s + '\n');
}

/** Pull `--flag` and `--opt value` options out of argv (options come before positionals). */
function takeOptions(argv: string[], flags: string[], valued: string[]): { opts: Map<string, string>; rest: string[] } {
  const opts = new Map<string, string>();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (flags.includes(a)) opts.set(a, '');
    else if (valued.includes(a)) {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      opts.set(a, argv[++i]!);
    } else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else break;
  }
  return { opts, rest: argv.slice(i) };
}

function cmdDecode(reg: Registry, argv: string[]): number {
  const { opts, rest } = takeOptions(argv, ['--add-path', '--strict'], []);
  if (rest.length !== 2) usage('decode takes <family> <hex>');
  out(reg.decodeHex(rest[0]!, rest[1]!, { addPath: opts.has('--add-path'), strict: opts.has('--strict') }));
  return 0;
}

function cmdEncode(reg: Registry, argv: string[]): number {
  const { opts, rest } = takeOptions(argv, [], ['--path-id']);
  if (rest.length < 1) usage('encode takes <family> <args...>');
  const [family, ...args] = rest as [string, ...string[]];
  if (!opts.has('--path-id')) {
    out(reg.encodeArgs(family, args));
    return 0;
  }
  const text = opts.get('--path-id')!;
  if (!/^[0-9]+$/.test(text) || Number(text) > 0xffffffff) usage(`--path-id takes a number 0..4294967295, not ${text}`);
  const codec = reg.require(family);
  const model = codec.fromArgs(args);
  model.pathId = Number(text);
  out(toHex(encode(codec, model, { addPath: true })));
  return 0;
}

function cmdFamilies(reg: Registry, argv: string[]): number {
  const { opts, rest } = takeOptions(argv, ['--json'], []);
  if (rest.length) usage('families takes no arguments');
  const list = reg.list().map((c) => ({ name: c.name, afi: c.afi, safi: c.safi, group: c.group, modes: ['decode', 'encode'], rfcs: [...c.rfcs] }));
  if (opts.has('--json')) out(JSON.stringify(list));
  else for (const f of list) out(`${f.name.padEnd(22)} afi ${String(f.afi).padEnd(6)} safi ${String(f.safi).padEnd(4)} ${f.modes.join('+').padEnd(14)} ${f.rfcs.join(' ')}`);
  return 0;
}

function cmdSamples(reg: Registry, argv: string[]): number {
  const wanted = new Set(argv);
  for (const name of wanted) reg.require(name);
  let n = 0;
  const shown = new Set<string>();
  for (const s of samples) {
    if (wanted.size && !wanted.has(s.family)) continue;
    shown.add(s.family);
    out(`${s.family}  ${s.hex}`);
    out(`  ${s.note}`);
    out(`  ${reg.decodeHex(s.family, s.hex)}`);
    if (s.args) out(`  args: ${s.args.join(' ')}`);
    n++;
  }
  process.stderr.write(`${n} sample NLRIs decoded from ${shown.size} families\n`);
  return 0;
}

/** The line protocol (line-server.ts): bounded memory whatever the input, batched answers. */
async function serveLines(reg: Registry): Promise<number> {
  await serveLineProtocol(reg, process.stdin, process.stdout);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const reg = createDefaultRegistry();
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'decode': return cmdDecode(reg, rest);
      case 'encode': return cmdEncode(reg, rest);
      case 'families': return cmdFamilies(reg, rest);
      case 'samples': return cmdSamples(reg, rest);
      case '--decode': return await serveLines(reg);
      case '--version': out(VERSION); return 0;
      case '--help': case '-h': case 'help': process.stdout.write(HELP); return 0;
      case undefined: usage('no command');
    }
    const extra = extraCommands.find((c) => c.name === cmd);
    if (extra) return await extra.run(rest, reg);
    usage(`unknown command ${cmd}`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\n${HELP}`);
      return 2;
    }
    if (e instanceof NlriError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`ze-nlri samples | head`) ends the command quietly.
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);

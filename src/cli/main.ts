#!/usr/bin/env node
/**
 * The `ze-nlri` command (`ze-nlri --help`; `ze-nlri <command> --help` for one command).
 *
 *   ze-nlri decode [options] <family> <hex|->       Ze's JSON (or --pretty, --ndjson, --text)
 *   ze-nlri encode [--path-id <n>] <family> <args…> UPPER-case hex
 *   ze-nlri families [--json]                       every family: AFI, SAFI, modes
 *   ze-nlri samples [<family|group>…]               decode the built-in sample NLRIs
 *   ze-nlri --decode                                Ze's line protocol on stdin/stdout
 *   ze-nlri <extra command> …                       extra-commands.ts (decode-update, decode-file, plugin, …)
 *
 * Only this file, the argument parser and the family-name table load at start-up; a command
 * imports its code and the family groups it names when it runs (load.ts), so one decode costs
 * node + one group. Errors: exit 1 with `error: <message> (code <code>, offset <n>)`; usage
 * errors exit 2 with the command's usage line.
 */
import { errorText, UsageError } from './args.js';
import { VERSION } from './version.js';

const CORE: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  decode: async () => (await import('./codec-commands.js')).cmdDecode,
  encode: async () => (await import('./codec-commands.js')).cmdEncode,
  families: async () => (await import('./codec-commands.js')).cmdFamilies,
  samples: async () => (await import('./codec-commands.js')).cmdSamples,
  '--decode': async () => (await import('./codec-commands.js')).cmdLines,
};

/** `--family-module <file>` / `--family-module=<file>` taken out of an extra command's argv. */
function takeModules(argv: string[]): { modules: string[]; rest: string[] } {
  const modules: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--family-module' && i + 1 < argv.length) modules.push(argv[++i]!);
    else if (a.startsWith('--family-module=')) modules.push(a.slice('--family-module='.length));
    else rest.push(a);
  }
  return { modules, rest };
}

/** The values of `--family` / `--add-path` in any spelling (family-names.ts) → Ze's names. */
async function canonicalFamilies(argv: string[], known: readonly { name: string; afi: number; safi: number }[]): Promise<string[]> {
  const { resolveFamily } = await import('./family-names.js');
  const canon = (v: string) => (v === 'all' ? v : (resolveFamily(v, known) ?? v));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const eq = /^(--family|--add-path)=(.*)$/.exec(a);
    if (eq) out.push(`${eq[1]}=${canon(eq[2]!)}`);
    else if ((a === '--family' || a === '--add-path') && i + 1 < argv.length) out.push(a, canon(argv[++i]!));
    else out.push(a);
  }
  return out;
}

async function runExtra(cmd: string, argv: string[]): Promise<number | undefined> {
  const { extraCommands } = await import('./extra-commands.js');
  const extra = extraCommands.find((c) => c.name === cmd);
  if (!extra) return undefined;
  const { defaultRegistry } = await import('../index.js');
  // The plugin reads --family-module itself; the others get the module's families registered.
  if (cmd !== 'plugin') {
    const { modules, rest } = takeModules(argv);
    if (modules.length) {
      const { loadFamilyModule } = await import('../plugin/nlri/modules.js');
      for (const m of modules) await loadFamilyModule(defaultRegistry, m);
    }
    argv = cmd === 'decode-file' || cmd === 'decode-update' || cmd === 'encode-update' ? await canonicalFamilies(rest, defaultRegistry.list()) : rest;
  }
  return await extra.run(argv, defaultRegistry);
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === undefined) throw new UsageError('no command');
    if (cmd === '--version' || cmd === '-V' || cmd === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (cmd === '--help' || cmd === '-h' || cmd === 'help') {
      const [{ globalHelp, commandHelp, COMMANDS }, { extraCommands }] = await Promise.all([import('./help.js'), import('./extra-commands.js')]);
      const topic = rest[0];
      if (topic && COMMANDS[topic]) process.stdout.write(commandHelp(topic));
      else if (topic && extraCommands.some((c) => c.name === topic)) return (await runExtra(topic, ['--help']))!;
      else process.stdout.write(globalHelp(extraCommands));
      return 0;
    }
    const core = CORE[cmd];
    if (core) return await (await core())(rest);
    const r = await runExtra(cmd, rest);
    if (r !== undefined) return r;
    const { extraCommands } = await import('./extra-commands.js');
    throw new UsageError(`unknown command ${cmd} (commands: ${[...Object.keys(CORE), ...extraCommands.map((c) => c.name)].join(', ')})`);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.exit === 1) {
        process.stderr.write(`error: ${e.message}\n`);
        return 1;
      }
      const { usageHint } = await import('./help.js');
      process.stderr.write(`error: ${e.message}\n${usageHint(cmd ?? '')}`);
      return 2;
    }
    process.stderr.write(`error: ${errorText(e)}\n`);
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
    process.stderr.write(`error: ${errorText(e)}\n`);
    process.exitCode = 1;
  },
);

/**
 * Argument parsing for the `ze-nlri` commands, on `node:util.parseArgs`, and the two error forms:
 *
 *   usage errors  exit 2: `error: <message>`, then the command's usage and a pointer to --help
 *   data errors   exit 1: `error: <message> (code <code>, offset <n>)` (offset only when known)
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isNlriError } from '../core/errors.js';

/** A command-line mistake; `exit` 2 unless the command says otherwise (an unknown family: 1). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exit: 1 | 2 = 2,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** parseArgs with positionals allowed and its errors turned into UsageErrors. */
export function parse(argv: readonly string[], options: Options): Parsed {
  try {
    const r = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // Node's texts end with advice on `--` that only confuses here; keep the first sentence.
    throw new UsageError(msg.replace(/\. To specify a positional argument.*$/s, '').replace(/^Unknown option/, 'unknown option'));
  }
}

/** A non-negative integer option value, or a usage error naming the option. */
export function intOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`--${name} takes a number ${min}..${max}, not ${text}`);
  return Number(text);
}

/** The strings of a `multiple: true` option. */
export function list(v: string | boolean | string[] | undefined): string[] {
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** `<message> (code <code>, offset <n>)` for an NlriError (of any copy of the library), else the message. */
export function errorText(e: unknown): string {
  if (isNlriError(e)) return `${e.message} (code ${e.code}${e.offset >= 0 ? `, offset ${e.offset}` : ''})`;
  return e instanceof Error ? e.message : String(e);
}

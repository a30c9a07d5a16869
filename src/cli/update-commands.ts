/**
 * `ze-nlri decode-update` and `ze-nlri encode-update`: whole BGP UPDATE messages.
 *
 *   decode-update [--add-path <family>|all]... [--as2] [--extended-message] [--strict] [--body] <hex|->
 *   encode-update [--add-path <family>|all]... [--as2] [--extended-message] [--body] <json|->
 *
 * `-` reads stdin: one hex message (or JSON document) per line, one answer line per input line.
 * Lines longer than MAX_LINE are answered with an error and skipped without being kept whole.
 */
import { parseArgs } from 'node:util';
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import { createSession, decodeUpdate, encodeUpdate, normalizeHex, type Session } from '../index.js';
import { fromHex } from '../core/hex.js';
import { updateToJson } from '../update/json.js';
import { updateFromJson } from '../update/from-json.js';
import type { ExtraCommand } from './extra-commands.js';
import { forEachLine } from './lines.js';

/** The longest stdin line these commands read: a 65535-octet message as hex with separators, and room to spare. */
export const MAX_LINE = 1 << 20;

const OPTIONS = {
  'add-path': { type: 'string', multiple: true },
  as2: { type: 'boolean' },
  'extended-message': { type: 'boolean' },
  strict: { type: 'boolean' },
  body: { type: 'boolean' },
  'nlri-hex': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

class Usage extends Error {}

function session(values: { 'add-path'?: string[]; as2?: boolean; 'extended-message'?: boolean; strict?: boolean }): Session {
  const ap = values['add-path'] ?? [];
  return createSession({
    addPath: ap.includes('all') ? true : ap,
    as4: !values.as2,
    extendedMessage: values['extended-message'] ?? false,
    strict: values.strict ?? false,
  });
}

function parse(argv: string[], what: string): { values: Record<string, unknown>; input: string | undefined } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new Usage(e instanceof Error ? e.message : String(e));
  }
  if (parsed.values.help) return { values: parsed.values, input: undefined };
  if (parsed.positionals.length !== 1) throw new Usage(`${what} takes one ${what === 'decode-update' ? '<hex>' : '<json>'} or -`);
  return { values: parsed.values, input: parsed.positionals[0] };
}

function errorText(e: unknown): string {
  if (e instanceof NlriError) return `${e.message} (code ${e.code}${e.offset >= 0 ? `, offset ${e.offset}` : ''})`;
  return e instanceof Error ? e.message : String(e);
}

let nlriHex = false;

function decodeOne(line: string, s: Session, body: boolean): { text: string; ok: boolean } {
  const u = decodeUpdate(fromHex(normalizeHex(line), 'update'), s);
  return { text: updateToJson(u, { envelope: !body, nlriHex }), ok: u.action !== 'session-reset' && u.action !== 'afi-safi-disable' };
}

function encodeOne(line: string, s: Session, body: boolean): string {
  const u = updateFromJson(JSON.parse(line) as unknown, s.ctx, s.attributes);
  return toHex(encodeUpdate(u, s, { header: !body }));
}

async function run(argv: string[], name: string, help: string, one: (line: string, s: Session, body: boolean) => { text: string; ok: boolean }): Promise<number> {
  let values: Record<string, unknown>;
  let input: string | undefined;
  try {
    ({ values, input } = parse(argv, name));
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  if (input === undefined) {
    process.stdout.write(help);
    return 0;
  }
  const s = session(values as never);
  const body = values.body === true;
  nlriHex = values['nlri-hex'] === true;
  if (input !== '-') {
    try {
      const r = one(input, s, body);
      process.stdout.write(r.text + '\n');
      return r.ok ? 0 : 1;
    } catch (e) {
      process.stderr.write(`error: ${errorText(e)}\n`);
      return 1;
    }
  }
  let failed = 0;
  await forEachLine(process.stdin, MAX_LINE, (line, tooLong) => {
    if (tooLong) {
      failed++;
      return JSON.stringify({ error: `line longer than ${MAX_LINE} octets`, parsed: false });
    }
    const t = line.trim();
    if (t === '') return '';
    try {
      const r = one(t, s, body);
      if (!r.ok) failed++;
      return r.text;
    } catch (e) {
      failed++;
      return JSON.stringify({ error: errorText(e), parsed: false });
    }
  }, process.stdout);
  return failed ? 1 : 0;
}

const DECODE_HELP = `  ze-nlri decode-update [--add-path <family>|all]... [--as2] [--extended-message] [--strict] [--body] [--nlri-hex] <hex|->
        Decode a whole BGP UPDATE (with or without the 16-octet marker and header; hex may have
        spaces, colons, 0x) to Ze's JSON (ze bgp decode --update --json), attributes typed, RFC 7606
        problems under "errors". "-": one message per stdin line, one JSON line each.
        --add-path <f>  NLRIs of family f carry ADD-PATH path ids (RFC 7911); "all" for every family
        --as2           the peer has no 4-octet AS capability (RFC 6793): 2-octet AS_PATH/AGGREGATOR
        --extended-message  messages up to 65535 octets (RFC 8654)
        --body          print {"update":…} without Ze's envelope
        --nlri-hex      add "hex":[…] (each NLRI's bytes) to every operation, so that
                        encode-update rebuilds the NLRIs of every family exactly
        Exit 1 when the UPDATE calls for a session reset (RFC 7606) or the hex is invalid.
`;

const ENCODE_HELP = `  ze-nlri encode-update [--add-path <family>|all]... [--as2] [--extended-message] [--body] <json|->
        Encode the JSON decode-update prints (envelope optional) back to the UPDATE message hex
        (--body: without the header). See docs/attributes.md for the forms it takes.
`;

export const decodeUpdateCommand: ExtraCommand = {
  name: 'decode-update',
  help: DECODE_HELP,
  run: (argv) => run(argv, 'decode-update', DECODE_HELP, decodeOne),
};

export const encodeUpdateCommand: ExtraCommand = {
  name: 'encode-update',
  help: ENCODE_HELP,
  run: (argv) => run(argv, 'encode-update', ENCODE_HELP, (line, s, body) => ({ text: encodeOne(line, s, body), ok: true })),
};

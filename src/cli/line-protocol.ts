/**
 * The line protocol of `ze plugin <x> --decode` (Ze's NLRI plugins' stdin/stdout mode), served
 * by `ze-nlri --decode`: one answer line per request line, so tools that drive Ze's binary can
 * drive ze-nlri the same way and compare.
 *
 *   decode [json|text] nlri <family> <hex>      → decoded json <json> | decoded text <text> | decoded unknown
 *   encode [text|json] nlri <family> <tokens…>  → encoded hex <HEX> | encoded error <message>
 *
 * As in Ze: words are split on white space, the family is lower-cased, empty lines get no answer,
 * anything unparsable gets `decoded unknown` (decode) or `encoded error …` (encode).
 */
import { NlriError } from '../core/errors.js';
import { toHex } from '../core/hex.js';
import type { Registry } from '../registry/registry.js';
import { decodeAll, encode } from '../registry/ops.js';

const UNKNOWN = 'decoded unknown';

/** The answer to one request line, or undefined for a line that gets none (empty). */
export function answerLine(registry: Registry, line: string): string | undefined {
  if (line === '') return undefined;
  let parts = line.split(/[ \t\r\n\v\f]+/).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  if (parts.length < 3) return UNKNOWN;
  const cmd = parts[0]!;
  let format = cmd === 'encode' ? 'text' : 'json';
  if (parts[1] === 'json' || parts[1] === 'text') {
    format = parts[1];
    if (parts.length < 4) return cmd === 'decode' ? UNKNOWN : 'encoded error missing arguments';
    parts = [cmd, ...parts.slice(2)];
  }
  const obj = parts[1];
  if (cmd === 'decode' && obj === 'nlri') return decodeRequest(registry, parts, format);
  if (cmd === 'encode' && obj === 'nlri') return encodeRequest(registry, parts, format);
  if (cmd === 'decode') return UNKNOWN;
  if (cmd === 'encode') return 'encoded error unsupported object type';
  return undefined;
}

function decodeRequest(registry: Registry, parts: string[], format: string): string {
  if (parts.length < 4) return UNKNOWN;
  const family = parts[2]!.toLowerCase();
  const codec = registry.get(family);
  if (!codec) return UNKNOWN;
  try {
    if (format === 'text') {
      if (!codec.text) return UNKNOWN;
      const models = decodeAll(codec, hexBytes(parts[3]!), { lossless: true });
      if (models.length === 0) return UNKNOWN;
      return 'decoded text ' + models.map((m) => codec.text!(m)).join('; ');
    }
    return 'decoded json ' + registry.decodeHex(family, parts[3]!);
  } catch (e) {
    if (e instanceof NlriError) return UNKNOWN;
    throw e;
  }
}

function hexBytes(hex: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw new NlriError('invalid-hex', 'invalid hex');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

function encodeRequest(registry: Registry, parts: string[], format: string): string {
  if (parts.length < 4) return 'encoded error missing family or components';
  const family = parts[2]!.toLowerCase();
  const codec = registry.get(family);
  if (!codec) return `encoded error unsupported family: ${family}`;
  try {
    if (format === 'json') {
      if (!codec.fromZeJson) return `encoded error json input not supported for ${family}`;
      let value: unknown;
      try {
        value = JSON.parse(parts.slice(3).join(' '));
      } catch (e) {
        return `encoded error invalid JSON: ${e instanceof Error ? e.message : String(e)}`;
      }
      return 'encoded hex ' + toHex(encode(codec, codec.fromZeJson(value)));
    }
    return 'encoded hex ' + registry.encodeArgs(family, parts.slice(3));
  } catch (e) {
    if (e instanceof NlriError) return 'encoded error ' + e.message.replace(/[\r\n]+/g, ' ');
    throw e;
  }
}

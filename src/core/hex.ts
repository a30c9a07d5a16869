/**
 * Hex text <-> bytes.
 *
 * `toHex` produces UPPER case (Ze's encoders do). `fromHex` accepts either case, nothing else
 * (no `0x`, spaces or colons: the engine never sends them), and fails the way Go's
 * `encoding/hex.DecodeString` fails, so the messages match Ze's `invalid hex: <go error>`.
 */
import { NlriError } from './errors.js';

const UPPER: string[] = [];
for (let i = 0; i < 256; i++) UPPER.push(i.toString(16).toUpperCase().padStart(2, '0'));

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[65 + i] = 10 + i;
  NIBBLE[97 + i] = 10 + i;
}

/**
 * The two ASCII digits of each byte as one 16-bit unit in this machine's byte order, so one
 * store writes both into `scratch` (whose bytes then read in order as latin1 text).
 */
const PAIR = new Uint16Array(256);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
for (let i = 0; i < 256; i++) {
  const hi = UPPER[i]!.charCodeAt(0);
  const lo = UPPER[i]!.charCodeAt(1);
  PAIR[i] = LITTLE_ENDIAN ? hi | (lo << 8) : (hi << 8) | lo;
}

/** Bytes up to which `toHex` goes through `scratch`; longer inputs are done in pieces of this size. */
const SCRATCH_BYTES = 2048;
const scratch = Buffer.allocUnsafeSlow(2 * SCRATCH_BYTES);
const scratch16 = new Uint16Array(scratch.buffer, scratch.byteOffset, SCRATCH_BYTES);
/**
 * Node's native latin1 reader behind `Buffer#toString('latin1', …)`, called directly: the public
 * method's argument checks cost about as much as reading 20 octets. Not part of Node's documented
 * API, so `toString` is used where it is missing.
 */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice?: (this: Buffer, start: number, end: number) => string }).latin1Slice;

/**
 * Upper-case hex of `b[start, end)`. Below 12 bytes by concatenation, which is faster there
 * (measured: 7 bytes 56 against 74 ns); longer ones are written as ASCII into one reused buffer
 * and read back as one latin1 string, because concatenating 2-character pieces builds a chain of
 * cons strings that costs more from about 13 bytes on (33 bytes: 182 against 150 ns).
 */
export function toHex(b: Uint8Array, start = 0, end = b.length): string {
  const n = end - start;
  if (n < 12) {
    let s = '';
    for (let i = start; i < end; i++) s += UPPER[b[i]!];
    return s;
  }
  if (n <= SCRATCH_BYTES) return hexPiece(b, start, end);
  let s = '';
  for (let i = start; i < end; i += SCRATCH_BYTES) s += hexPiece(b, i, Math.min(end, i + SCRATCH_BYTES));
  return s;
}

function hexPiece(b: Uint8Array, start: number, end: number): string {
  for (let i = start, j = 0; i < end; i++, j++) scratch16[j] = PAIR[b[i]!]!;
  const n = 2 * (end - start);
  return latin1Slice !== undefined ? latin1Slice.call(scratch, 0, n) : scratch.toString('latin1', 0, n);
}

/** One byte as two upper-case hex digits. */
export function hexByte(v: number): string {
  return UPPER[v & 0xff]!;
}

function nibble(code: number): number {
  return code < 128 ? NIBBLE[code]! : -1;
}

/** Go's `%#U` of the first byte of the offending character (Go decodes hex byte by byte). */
function goInvalidByte(s: string, i: number): string {
  const bytes = new TextEncoder().encode(s.slice(i, i + 2));
  const byte = bytes[0] ?? 0;
  const u = 'U+' + byte.toString(16).toUpperCase().padStart(4, '0');
  // Go's %#U appends the quoted character when it is printable (strconv.IsPrint).
  const printable = (byte >= 0x20 && byte < 0x7f) || (byte >= 0xa1 && byte !== 0xad);
  return printable ? `${u} '${String.fromCharCode(byte)}'` : u;
}

/** Decode hex text; throws `NlriError('invalid-hex')` with Go's wording. */
export function fromHex(s: string, family = ''): Uint8Array {
  const n = s.length >>> 1;
  const out = new Uint8Array(n);
  let j = 1;
  for (; j < s.length; j += 2) {
    const a = nibble(s.charCodeAt(j - 1));
    if (a < 0) throw invalid(s, j - 1, family);
    const b = nibble(s.charCodeAt(j));
    if (b < 0) throw invalid(s, j, family);
    out[j >>> 1] = (a << 4) | b;
  }
  if (s.length % 2 === 1) {
    if (nibble(s.charCodeAt(j - 1)) < 0) throw invalid(s, j - 1, family);
    throw new NlriError('invalid-hex', 'invalid hex: encoding/hex: odd length hex string', family, s.length - 1);
  }
  return out;
}

function invalid(s: string, i: number, family: string): NlriError {
  return new NlriError('invalid-hex', `invalid hex: encoding/hex: invalid byte: ${goInvalidByte(s, i)}`, family, i >>> 1);
}

/** The value of a hex digit by its byte (either case), -1 for any other byte (256 entries). */
export const NIBBLE_BYTE = new Int8Array(256).fill(-1);
NIBBLE_BYTE.set(NIBBLE);

/** The value of the 4 hex digits at `i` in `b` (a JSON `\uXXXX`), or -1 when they are not 4 hex digits. */
export function hex4At(b: Uint8Array, i: number): number {
  if (i + 4 > b.length) return -1;
  const v = (NIBBLE_BYTE[b[i]!]! << 12) | (NIBBLE_BYTE[b[i + 1]!]! << 8) | (NIBBLE_BYTE[b[i + 2]!]! << 4) | NIBBLE_BYTE[b[i + 3]!]!;
  return v < 0 ? -1 : v; // a -1 digit makes v negative
}

/**
 * Decode hex written as bytes (ASCII digits in `src` from `start` to `end`, either case) into
 * `out` from index 0. False when they are not an even number of hex digits (`fromHex` on their
 * text then gives the exact error) or `out` is too short.
 */
export function hexBytesInto(src: Uint8Array, start: number, end: number, out: Uint8Array): boolean {
  const len = end - start;
  if (len & 1 || len >>> 1 > out.length) return false;
  for (let i = start, j = 0; i < end; i += 2, j++) {
    const a = NIBBLE_BYTE[src[i]!]!;
    const b = NIBBLE_BYTE[src[i + 1]!]!;
    if ((a | b) < 0) return false;
    out[j] = (a << 4) | b;
  }
  return true;
}

/**
 * IPv4 and IPv6 addresses as text, by Go's `net/netip` rules (which is what Ze prints and parses).
 *
 * Format (`netip.Addr.String`): IPv4 dotted decimal; IPv6 lower-case hex without leading zeros,
 * the longest run of two or more zero groups replaced by `::` (the first such run on a tie), a
 * single zero group printed as `0`, and an IPv4-mapped address as `::ffff:a.b.c.d`.
 *
 * Parse (`netip.ParseAddr` / `ParsePrefix`): IPv4 exactly four decimal fields without leading
 * zeros; IPv6 standard text with an optional dotted IPv4 tail; no zones in prefixes; prefix
 * length decimal without leading zeros. Error texts follow Go's shape:
 * `netip.ParsePrefix("<text>"): <reason>`.
 */
import { digitsIn } from './digits.js';

/** Dotted decimal of 4 bytes at `off` (missing bytes read as 0). */
export function ipv4ToString(b: Uint8Array, off = 0, len = 4): string {
  const a = len > 0 ? b[off]! : 0;
  const c = len > 1 ? b[off + 1]! : 0;
  const d = len > 2 ? b[off + 2]! : 0;
  const e = len > 3 ? b[off + 3]! : 0;
  return a + '.' + c + '.' + d + '.' + e;
}

/**
 * Go-style IPv6 text of 16 bytes at `off`. Only the first `len` bytes are read; the rest count
 * as zero (so a prefix's significant bytes can be printed without padding them first).
 */
export function ipv6ToString(b: Uint8Array, off = 0, len = 16): string {
  const g = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 16 && i < len; i++) {
    g[i >> 1]! |= b[off + i]! << (i & 1 ? 0 : 8);
  }
  // IPv4-mapped: ::ffff:a.b.c.d
  if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff) {
    return '::ffff:' + (g[6]! >> 8) + '.' + (g[6]! & 0xff) + '.' + (g[7]! >> 8) + '.' + (g[7]! & 0xff);
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      s += '::';
      i += bestLen - 1;
      continue;
    }
    if (s !== '' && !s.endsWith(':')) s += ':';
    s += g[i]!.toString(16);
  }
  return s;
}

/** Address text of an IPv4 (4) or IPv6 (16) address, possibly given by fewer leading bytes. */
export function ipToString(v6: boolean, b: Uint8Array, off = 0, len = v6 ? 16 : 4): string {
  return v6 ? ipv6ToString(b, off, len) : ipv4ToString(b, off, len);
}

/**
 * Strict dotted decimal in `s[start, end)` (four fields of 1-3 digits, no leading zero, each
 * ≤ 255) as a 32-bit number, in one pass over the char codes; -1 for anything else.
 */
export function ipv4StrictIn(s: string, start: number, end: number): number {
  let v = 0;
  let field = 0;
  let n = 0; // digits in this field
  let dots = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (n === 0 || dots === 3) return -1;
      v = v * 256 + field;
      field = 0;
      n = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (n === 3 || (n === 1 && field === 0)) return -1;
      field = field * 10 + (c - 48);
      if (field > 255) return -1;
      n++;
    } else return -1;
  }
  if (n === 0 || dots !== 3) return -1;
  return v * 256 + field;
}

/** Go's parse failure, carried as a message without the `ParseAddr("…"): ` wrapper. */
class AddrSyntax extends Error {}

function parseV4Into(s: string, out: Uint8Array, off: number): void {
  let field = 0;
  let digits = 0;
  let fields = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && field === 0) throw new AddrSyntax('IPv4 field has octet with leading zero');
      field = field * 10 + (c - 48);
      digits++;
      if (field > 255) throw new AddrSyntax('IPv4 field has value >255');
    } else if (c === 46) {
      if (digits === 0) throw new AddrSyntax('IPv4 field must have at least one digit');
      if (fields === 3) throw new AddrSyntax('IPv4 address too long');
      out[off + fields++] = field;
      field = 0;
      digits = 0;
    } else {
      throw new AddrSyntax('unexpected character');
    }
  }
  if (digits === 0) throw new AddrSyntax('IPv4 field must have at least one digit');
  if (fields < 3) throw new AddrSyntax('IPv4 address too short');
  out[off + 3] = field;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function parseV6(s: string): Uint8Array {
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  let i = 0;
  if (s.length >= 2 && s.charCodeAt(0) === 58 && s.charCodeAt(1) === 58) {
    ellipsis = 0;
    i = 2;
    if (i === s.length) return ip;
  }
  let n = 0; // bytes written
  while (n < 16) {
    let acc = 0;
    let off = 0;
    while (off < s.length - i) {
      const v = hexVal(s.charCodeAt(i + off));
      if (v < 0) break;
      if (off > 3) throw new AddrSyntax('each colon-separated field must have at most 4 hex digits');
      acc = (acc << 4) | v;
      off++;
    }
    if (off === 0) throw new AddrSyntax('each colon-separated field must have at least one digit');
    if (i + off < s.length && s.charCodeAt(i + off) === 46) {
      if (ellipsis < 0 && n !== 12) throw new AddrSyntax('embedded IPv4 address must replace the final 2 fields of the address');
      if (n + 4 > 16) throw new AddrSyntax('too many hex fields to fit an embedded IPv4 at the end of the address');
      try {
        parseV4Into(s.slice(i), ip, n);
      } catch (e) {
        throw new AddrSyntax(e instanceof Error ? e.message : String(e));
      }
      n += 4;
      i = s.length;
      break;
    }
    ip[n] = acc >> 8;
    ip[n + 1] = acc & 0xff;
    n += 2;
    i += off;
    if (i === s.length) break;
    if (s.charCodeAt(i) !== 58) throw new AddrSyntax('unexpected character, want colon');
    if (i + 1 === s.length) throw new AddrSyntax('colon must be followed by more characters');
    i++;
    if (s.charCodeAt(i) === 58) {
      if (ellipsis >= 0) throw new AddrSyntax('multiple :: in address');
      ellipsis = n;
      i++;
      if (i === s.length) break;
    }
  }
  if (i !== s.length) throw new AddrSyntax('trailing garbage after address');
  if (n < 16) {
    if (ellipsis < 0) throw new AddrSyntax('address string too short');
    const move = n - ellipsis;
    for (let j = move - 1; j >= 0; j--) ip[16 - move + j] = ip[ellipsis + j]!;
    for (let j = ellipsis; j < 16 - move; j++) ip[j] = 0; // (a loop: fill is a builtin call)
  } else if (ellipsis >= 0) {
    throw new AddrSyntax('the :: must expand to at least one field of zeros');
  }
  return ip;
}

export interface ParsedAddr {
  v6: boolean;
  /** 4 or 16 bytes. */
  bytes: Uint8Array;
}

/** Parse an address like `netip.ParseAddr`; returns an error message string on failure. */
export function parseAddr(s: string): ParsedAddr | string {
  if (s === '') return 'ParseAddr(""): unable to parse IP';
  try {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 46 /* . */) {
        const b = new Uint8Array(4);
        parseV4Into(s, b, 0);
        return { v6: false, bytes: b };
      }
      if (c === 58 /* : */) {
        const zone = s.indexOf('%');
        if (zone >= 0) {
          if (zone === s.length - 1) throw new AddrSyntax('zone must be a non-empty string');
          return { v6: true, bytes: parseV6(s.slice(0, zone)) };
        }
        return { v6: true, bytes: parseV6(s) };
      }
      if (c === 37 /* % */) throw new AddrSyntax('missing IPv6 address');
    }
    throw new AddrSyntax('unable to parse IP');
  } catch (e) {
    if (e instanceof AddrSyntax) return `ParseAddr(${JSON.stringify(s)}): ${e.message}`;
    throw e;
  }
}

export interface ParsedPrefix {
  v6: boolean;
  /** The full address, 4 or 16 bytes, host bits as given (not masked). */
  bytes: Uint8Array;
  len: number;
}

function prefixSyntax(s: string, m: string): string {
  return `netip.ParsePrefix(${JSON.stringify(s)}): ${m}`;
}

/**
 * Parse `addr/len` like `netip.ParsePrefix`; returns the Go-style error text on failure. The
 * length is read in place (no substring, no regular expression).
 */
export function parsePrefix(s: string): ParsedPrefix | string {
  const slash = s.lastIndexOf('/');
  if (slash < 0) return prefixSyntax(s, "no '/'");
  // The common case, a valid IPv4 prefix, in place; anything else (IPv6, or text to word an
  // error about) goes through parseAddr. ipv4StrictIn accepts exactly what netip accepts for IPv4.
  const v4 = ipv4StrictIn(s, 0, slash);
  if (v4 >= 0) {
    const len = digitsIn(s, slash + 1, s.length);
    if (len >= 0 && len <= 32 && !(s.length - slash > 2 && s.charCodeAt(slash + 1) === 48)) {
      const bytes = new Uint8Array(4);
      bytes[0] = v4 >>> 24;
      bytes[1] = (v4 >>> 16) & 0xff;
      bytes[2] = (v4 >>> 8) & 0xff;
      bytes[3] = v4 & 0xff;
      return { v6: false, bytes, len };
    }
  }
  const addr = parseAddr(s.slice(0, slash));
  if (typeof addr === 'string') return prefixSyntax(s, addr);
  if (addr.v6) {
    const zone = s.indexOf('%');
    if (zone >= 0 && zone < slash) return prefixSyntax(s, 'IPv6 zones cannot be present in a prefix');
  }
  const len = digitsIn(s, slash + 1, s.length);
  if (len < 0 || (s.length - slash > 2 && s.charCodeAt(slash + 1) === 48 /* 0 */)) {
    return prefixSyntax(s, `bad bits after slash: ${JSON.stringify(s.slice(slash + 1))}`);
  }
  if (len > (addr.v6 ? 128 : 32)) return prefixSyntax(s, 'prefix length out of range');
  return { v6: addr.v6, bytes: addr.bytes, len };
}

/** True when a 16-byte IPv6 address is IPv4-mapped (::ffff:a.b.c.d). */
export function isV4Mapped(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

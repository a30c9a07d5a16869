/**
 * The text parsers of src/core as they were before they were rewritten to read in place
 * (issue 16: RDs, addresses, prefixes, MACs and hex without split, regular expressions or
 * substrings). Test-only: test/core/text-parsers.test.ts holds the new ones to these, input by
 * input, results and error texts alike.
 */
import { digits } from '../../src/core/digits.js';
import { NlriError } from '../../src/core/errors.js';

function rdError(message: string, family: string): never {
  throw new NlriError('invalid-args', message, family, -1);
}

/** Decimal as Go's `strconv.ParseUint(s, 10, bits)` accepts it (digits only). */
function decimal(s: string, max: number): number | undefined {
  const v = digits(s);
  return v >= 0 && v <= max ? v : undefined;
}

function parseIpv4Strict(s: string): Uint8Array | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out[i] = v;
  }
  return out;
}

/**
 * The 8 RD octets (RFC 4364 §4.2), written byte by byte: a `DataView` over a fresh small array
 * reads its `.buffer`, which moves the bytes off the heap and costs more than the whole parse.
 */
function build(type: number, admin: Uint8Array | number, assigned: number): Uint8Array {
  const b = new Uint8Array(8);
  b[1] = type; // types 0-2 here: the high octet stays 0
  if (type === 1) {
    const ip = admin as Uint8Array;
    b[2] = ip[0]!;
    b[3] = ip[1]!;
    b[4] = ip[2]!;
    b[5] = ip[3]!;
  } else if (type === 0) {
    const a = admin as number;
    b[2] = a >>> 8;
    b[3] = a & 0xff;
    b[4] = assigned >>> 24;
    b[5] = (assigned >>> 16) & 0xff;
  } else {
    const a = admin as number;
    b[2] = a >>> 24;
    b[3] = (a >>> 16) & 0xff;
    b[4] = (a >>> 8) & 0xff;
    b[5] = a & 0xff;
  }
  b[6] = (assigned >>> 8) & 0xff;
  b[7] = assigned & 0xff;
  return b;
}

/** Build an RD from admin/assigned parts whose type follows from the admin field (Ze's rule). */
function derive(admin: string, assigned: string, family: string): Uint8Array {
  if (admin.includes('.')) {
    const ip = parseIpv4Strict(admin);
    if (!ip) rdError(`invalid IP in RD: ${admin}`, family);
    const n = decimal(assigned, 0xffff);
    if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
    return build(1, ip, n);
  }
  const asn = decimal(admin, 0xffffffff);
  if (asn === undefined) rdError(`invalid ASN in RD: ${admin}`, family);
  if (asn <= 0xffff) {
    const n = decimal(assigned, 0xffffffff);
    if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
    return build(0, asn, n);
  }
  const n = decimal(assigned, 0xffff);
  if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
  return build(2, asn, n);
}

function split(s: string, family: string): string[] {
  const parts = s.split(':');
  if (parts.length !== 2 && parts.length !== 3) rdError(`invalid RD format: ${s} (expected ASN:value or IP:value)`, family);
  return parts;
}

/** Ze's consistency check of an explicit type against the administrator field. */
function typeMatchesAdmin(t: number, admin: string, family: string): void {
  const hasDot = admin.includes('.');
  if (t === 1 && !hasDot) rdError(`invalid RD format: type 1 requires IP address, got ${admin}`, family);
  if (t !== 1 && hasDot) rdError(`invalid RD format: type ${t} requires ASN, got IP ${admin}`, family);
}

/**
 * Ze's `ParseRDString`: `A:B` or `T:A:B`; the type is always derived from A (IPv4 → 1,
 * ASN ≤ 65535 → 0, larger ASN → 2); an explicit T is only checked for consistency.
 */
export function parseRdZeBefore(s: string, family = ''): Uint8Array {
  const parts = split(s, family);
  if (parts.length === 3) {
    const t = decimal(parts[0]!, 2);
    if (t === undefined) rdError(`invalid RD type: ${parts[0]}`, family);
    typeMatchesAdmin(t, parts[1]!, family);
    return derive(parts[1]!, parts[2]!, family);
  }
  return derive(parts[0]!, parts[1]!, family);
}

/**
 * RD text with the explicit type honoured: `T:A:B` gives type T exactly (type 0 needs A ≤ 65535
 * and B < 2^32; type 1 an IPv4 A and B ≤ 65535; type 2 A < 2^32 and B ≤ 65535), `A:B` derives
 * the type like Ze, and `rd-typeN:<12 hex>` gives any other type.
 */
export function parseRdBefore(s: string, family = ''): Uint8Array {
  const raw = /^rd-type([0-9]+):([0-9a-fA-F]{12})$/.exec(s);
  if (raw) {
    const t = decimal(raw[1]!, 0xffff);
    if (t === undefined) rdError(`invalid RD type: ${raw[1]}`, family);
    const b = new Uint8Array(8);
    b[0] = t >> 8;
    b[1] = t & 0xff;
    for (let i = 0; i < 6; i++) b[2 + i] = parseInt(raw[2]!.slice(i * 2, i * 2 + 2), 16);
    return b;
  }
  const parts = split(s, family);
  if (parts.length === 2) return derive(parts[0]!, parts[1]!, family);
  const [ts, admin, assigned] = parts as [string, string, string];
  const t = decimal(ts, 2);
  if (t === undefined) rdError(`invalid RD type: ${ts}`, family);
  typeMatchesAdmin(t, admin, family);
  if (t === 1) {
    const ip = parseIpv4Strict(admin);
    if (!ip) rdError(`invalid IP in RD: ${admin}`, family);
    const n = decimal(assigned, 0xffff);
    if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
    return build(1, ip, n);
  }
  const asn = decimal(admin, t === 0 ? 0xffff : 0xffffffff);
  if (asn === undefined) rdError(`invalid ASN in RD: ${admin}`, family);
  const n = decimal(assigned, t === 0 ? 0xffffffff : 0xffff);
  if (n === undefined) rdError(`invalid RD value: ${assigned}`, family);
  return build(t, asn, n);
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
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
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
    if (i + off < s.length && s[i + off] === '.') {
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
    if (s[i] !== ':') throw new AddrSyntax('unexpected character, want colon');
    if (i + 1 === s.length) throw new AddrSyntax('colon must be followed by more characters');
    i++;
    if (s[i] === ':') {
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
    ip.fill(0, ellipsis, 16 - move);
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
export function parseAddrBefore(s: string): ParsedAddr | string {
  if (s === '') return 'ParseAddr(""): unable to parse IP';
  try {
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === '.') {
        const b = new Uint8Array(4);
        parseV4Into(s, b, 0);
        return { v6: false, bytes: b };
      }
      if (c === ':') {
        const zone = s.indexOf('%');
        if (zone >= 0) {
          if (zone === s.length - 1) throw new AddrSyntax('zone must be a non-empty string');
          return { v6: true, bytes: parseV6(s.slice(0, zone)) };
        }
        return { v6: true, bytes: parseV6(s) };
      }
      if (c === '%') throw new AddrSyntax('missing IPv6 address');
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

/** Parse `addr/len` like `netip.ParsePrefix`; returns the Go-style error text on failure. */
export function parsePrefixBefore(s: string): ParsedPrefix | string {
  const wrap = (m: string): string => `netip.ParsePrefix(${JSON.stringify(s)}): ${m}`;
  const slash = s.lastIndexOf('/');
  if (slash < 0) return wrap("no '/'");
  const addrText = s.slice(0, slash);
  const bitsText = s.slice(slash + 1);
  const addr = parseAddrBefore(addrText);
  if (typeof addr === 'string') return wrap(addr);
  if (addr.v6 && addrText.includes('%')) return wrap('IPv6 zones cannot be present in a prefix');
  if (!/^[0-9]+$/.test(bitsText) || (bitsText.length > 1 && bitsText[0] === '0')) {
    return wrap(`bad bits after slash: ${JSON.stringify(bitsText)}`);
  }
  const len = Number(bitsText);
  if (len > (addr.v6 ? 128 : 32)) return wrap('prefix length out of range');
  return { v6: addr.v6, bytes: addr.bytes, len };
}


/** `aa:bb:cc:dd:ee:ff` (or `-` separated) to 6 bytes; undefined when malformed. */
export function macFromStringBefore(s: string): Uint8Array | undefined {
  const parts = s.split(/[:-]/);
  if (parts.length !== 6) return undefined;
  const out = new Uint8Array(6);
  for (let i = 0; i < 6; i++) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(parts[i]!)) return undefined;
    out[i] = parseInt(parts[i]!, 16);
  }
  return out;
}

const UPPER: string[] = [];
for (let i = 0; i < 256; i++) UPPER.push(i.toString(16).toUpperCase().padStart(2, '0'));

export function toHexBefore(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += UPPER[b[i]!];
  return s;
}

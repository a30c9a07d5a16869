/**
 * MCAST-VPN NLRI wire format.
 *
 * RFC 6514 §4: route type (1) | length (1) | route-type-specific (length octets), with the
 * payloads of §4.1-§4.6. RFC 6515 §2: address sizes follow from the lengths (an originating
 * router's address is 4 or 16 octets whatever the AFI). RFC 6625 §4: a source or group length
 * of 0 is a wildcard. RFC 6514 §4.4 / RFC 7524 §4: a Leaf A-D route key is a whole MCAST-VPN
 * NLRI, decoded here with the same code.
 *
 * Ze accepts any route type and any payload; by default so does this codec, keeping a payload
 * it cannot read by its type's layout as `raw`. With `strict`, such a payload is an error.
 */
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import { modelError } from '../../src/core/errors.js';
import { RD_LENGTH } from '../../src/core/rd.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import type { MvpnNlri, MvpnRoute } from './model.js';
import { MVPN_TYPE_NAMES } from './model.js';

export const TRUNCATED = 'mvpn: truncated data';

/** Decode one NLRI at `r.pos`. */
export function decodeMvpn(r: Reader, opts: DecodeOptions): MvpnNlri {
  if (r.remaining < 2) r.fail('truncated', TRUNCATED);
  const start = r.pos;
  const type = r.u8();
  const len = r.u8();
  if (len > r.remaining) r.fail('truncated', TRUNCATED, start);
  const old = r.limit(len);
  const payload = r.pos;
  const m = decodePayload(r, type, opts.strict === true);
  if (m === undefined) {
    if (opts.strict) {
      const name = MVPN_TYPE_NAMES[type];
      if (name === undefined) r.fail('unknown-type', `mvpn: unknown route type ${type}`, start);
      r.fail('malformed', `mvpn: ${name} route of ${len} bytes does not follow RFC 6514 §4`, start);
    }
    r.pos = payload;
    const raw: MvpnNlri = { kind: 'raw', type, raw: r.bytes(len) };
    r.restore(old);
    return raw;
  }
  r.restore(old);
  return m;
}

/** An address of `bits` (0, 32 or 128) as a view, or undefined for any other length. */
function sizedAddr(r: Reader): Uint8Array | undefined {
  if (r.remaining < 1) return undefined;
  const bits = r.u8();
  if (bits !== 0 && bits !== 32 && bits !== 128) return undefined;
  if (r.remaining < bits >>> 3) return undefined;
  return r.bytes(bits >>> 3);
}

/** The rest of the payload as a 4- or 16-byte originator address, or undefined. */
function originator(r: Reader): Uint8Array | undefined {
  const n = r.remaining;
  return n === 4 || n === 16 ? r.bytes(n) : undefined;
}

/**
 * The payload (r limited to it) in its type's layout, or undefined when it does not follow it.
 * Never throws for a payload that is merely not in layout: `r` stays inside the limit.
 */
function decodePayload(r: Reader, type: number, strict: boolean): MvpnNlri | undefined {
  if (type === 4) {
    // Leaf A-D: the route key is a complete NLRI with its own type and length.
    if (r.remaining < 2) return undefined;
    const keyLen = r.buf[r.pos + 1]!;
    if (keyLen + 2 > r.remaining) return undefined;
    const routeKey = decodeMvpn(r, { strict });
    const o = originator(r);
    return o === undefined ? undefined : { kind: 'leaf-ad', type: 4, routeKey, originator: o };
  }
  if (type < 1 || type > 7 || r.remaining < RD_LENGTH) return undefined;
  const rd = r.bytes(RD_LENGTH);
  switch (type) {
    case 1: {
      const o = originator(r);
      return o && { kind: 'intra-as-i-pmsi-ad', type: 1, rd, originator: o };
    }
    case 2:
      if (r.remaining !== 4) return undefined;
      return { kind: 'inter-as-i-pmsi-ad', type: 2, rd, sourceAs: r.u32() };
    case 3: {
      const source = sizedAddr(r);
      const group = source && sizedAddr(r);
      const o = group && originator(r);
      return o && { kind: 's-pmsi-ad', type: 3, rd, source: source!, group: group!, originator: o };
    }
    case 5: {
      const source = sizedAddr(r);
      const group = source && sizedAddr(r);
      if (!group || r.remaining !== 0) return undefined;
      return { kind: 'source-active', type: 5, rd, source: source!, group };
    }
    default: {
      if (r.remaining < 4) return undefined;
      const sourceAs = r.u32();
      const source = sizedAddr(r);
      const group = source && sizedAddr(r);
      if (!group || r.remaining !== 0) return undefined;
      return type === 6
        ? { kind: 'shared-tree-join', type: 6, rd, sourceAs, source: source!, group }
        : { kind: 'source-tree-join', type: 7, rd, sourceAs, source: source!, group };
    }
  }
}

const ADDR_SIZES = new Set([0, 4, 16]);

function checkRd(rd: Uint8Array | undefined): void {
  if (!(rd instanceof Uint8Array) || rd.length !== RD_LENGTH) modelError('mvpn: rd must be 8 bytes');
}

function checkAddr(a: Uint8Array | undefined, what: string, wildcard: boolean): number {
  if (!(a instanceof Uint8Array) || !ADDR_SIZES.has(a.length) || (!wildcard && a.length === 0)) {
    modelError(`mvpn: ${what} must be ${wildcard ? '0 (wildcard), ' : ''}4 or 16 bytes`);
  }
  return a.length;
}

function checkU32(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) modelError(`mvpn: ${what} must be an integer 0..4294967295`);
}

/** Bytes of the route-type-specific field (checks the model). */
function payloadLength(m: MvpnRoute): number {
  switch (m.kind) {
    case 'intra-as-i-pmsi-ad':
      checkRd(m.rd);
      return RD_LENGTH + checkAddr(m.originator, 'originator', false);
    case 'inter-as-i-pmsi-ad':
      checkRd(m.rd);
      checkU32(m.sourceAs, 'source-as');
      return RD_LENGTH + 4;
    case 's-pmsi-ad':
      checkRd(m.rd);
      return RD_LENGTH + 2 + checkAddr(m.source, 'source', true) + checkAddr(m.group, 'group', true) + checkAddr(m.originator, 'originator', false);
    case 'leaf-ad':
      if (m.routeKey === null || typeof m.routeKey !== 'object') modelError('mvpn: leaf-ad needs a route key');
      return mvpnEncodingLength(m.routeKey) + checkAddr(m.originator, 'originator', false);
    case 'source-active':
      checkRd(m.rd);
      return RD_LENGTH + 2 + checkAddr(m.source, 'source', true) + checkAddr(m.group, 'group', true);
    case 'shared-tree-join':
    case 'source-tree-join':
      checkRd(m.rd);
      checkU32(m.sourceAs, 'source-as');
      return RD_LENGTH + 4 + 2 + checkAddr(m.source, 'source', true) + checkAddr(m.group, 'group', true);
    case 'raw':
      if (!(m.raw instanceof Uint8Array)) modelError('mvpn: raw must be bytes');
      return m.raw.length;
    default:
      return modelError(`mvpn: unknown route kind ${String((m as { kind: unknown }).kind)}`);
  }
}

const TYPE_OF_KIND: Record<string, number> = {
  'intra-as-i-pmsi-ad': 1,
  'inter-as-i-pmsi-ad': 2,
  's-pmsi-ad': 3,
  'leaf-ad': 4,
  'source-active': 5,
  'shared-tree-join': 6,
  'source-tree-join': 7,
};

function typeOf(m: MvpnRoute): number {
  if (m.kind === 'raw') {
    if (!Number.isInteger(m.type) || m.type < 0 || m.type > 255) modelError('mvpn: route type must be 0..255');
    return m.type;
  }
  return TYPE_OF_KIND[m.kind]!;
}

/** Exact bytes of the NLRI (type, length, payload); checks the model. */
export function mvpnEncodingLength(m: MvpnRoute): number {
  typeOf(m);
  const n = payloadLength(m);
  if (n > 255) modelError(`mvpn: route-type-specific field of ${n} bytes exceeds 255`);
  return 2 + n;
}

function writeAddr(w: Writer, a: Uint8Array): void {
  w.u8(a.length * 8);
  w.bytes(a);
}

/**
 * Write the NLRI; `mvpnEncodingLength` must have accepted it. The length octet is written after
 * the payload, from the octets written, so the model is not measured a second time.
 */
export function encodeMvpn(m: MvpnRoute, w: Writer): void {
  w.u8(typeOf(m));
  const lenAt = w.pos;
  w.u8(0);
  writePayload(m, w);
  w.buf[lenAt] = w.pos - lenAt - 1;
}

function writePayload(m: MvpnRoute, w: Writer): void {
  switch (m.kind) {
    case 'intra-as-i-pmsi-ad':
      w.bytes(m.rd);
      w.bytes(m.originator);
      return;
    case 'inter-as-i-pmsi-ad':
      w.bytes(m.rd);
      w.u32(m.sourceAs);
      return;
    case 's-pmsi-ad':
      w.bytes(m.rd);
      writeAddr(w, m.source);
      writeAddr(w, m.group);
      w.bytes(m.originator);
      return;
    case 'leaf-ad':
      encodeMvpn(m.routeKey, w);
      w.bytes(m.originator);
      return;
    case 'source-active':
      w.bytes(m.rd);
      writeAddr(w, m.source);
      writeAddr(w, m.group);
      return;
    case 'shared-tree-join':
    case 'source-tree-join':
      w.bytes(m.rd);
      w.u32(m.sourceAs);
      writeAddr(w, m.source);
      writeAddr(w, m.group);
      return;
    case 'raw':
      w.bytes(m.raw);
      return;
  }
}

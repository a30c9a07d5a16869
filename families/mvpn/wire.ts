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
import { modelError, safeString } from '../../src/core/errors.js';
import { RD_LENGTH } from '../../src/core/rd.js';
import type { DecodeOptions, WireSpan } from '../../src/registry/family.js';
import type { MvpnNlri, MvpnRoute } from './model.js';
import { MvpnView, VIEW_RAW, asNlri, routeInLayout } from './view.js';

export const TRUNCATED = 'mvpn: truncated data';

/**
 * Decode one NLRI at `r.pos` into a view of the input (view.ts): the frame and the payload's
 * layout are checked here, every field is read from the bytes when asked. A payload that does
 * not follow its type's layout (or a type not 1-7) is a `raw` route, or with `strict` an error.
 */
export function decodeMvpn(r: Reader, opts: DecodeOptions): MvpnNlri {
  const b = r.buf;
  const s = r.pos;
  if (r.end - s < 2) r.fail('truncated', TRUNCATED);
  const e = s + 2 + b[s + 1]!;
  if (e > r.end) r.fail('truncated', TRUNCATED, s);
  const f = routeInLayout(r, b, s, e, opts.strict === true) ? 0 : VIEW_RAW;
  r.pos = e;
  return asNlri(new MvpnView(b, s, e, f));
}

/** The window of an unchanged decoded view: its encoding as it lies in the input (`FamilyCodec.verbatim`). */
export function mvpnVerbatim(m: MvpnRoute, span: WireSpan): boolean {
  if (!(m instanceof MvpnView) || !m._copiable()) return false;
  span.buf = m._b;
  span.start = m._s;
  span.end = m._e;
  return true;
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
      return modelError(`mvpn: unknown route kind ${safeString((m as { kind: unknown }).kind)}`);
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
  if (m instanceof MvpnView && m._copiable()) return m._e - m._s;
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
  if (m instanceof MvpnView && m._copiable()) {
    w.range(m._b, m._s, m._e); // type, length and payload, as decoded
    return;
  }
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

/**
 * The MCAST-VPN NLRI decoder as it was before the lazy view (families/mvpn/view.ts): every route
 * turned into a plain object at decode, byte fields as views of the input. Frozen here, reachable
 * only from tests, so the view's fields, errors and raw fallbacks can be compared with it on the
 * same bytes.
 */
import type { Reader } from '../../src/core/reader.js';
import { RD_LENGTH } from '../../src/core/rd.js';
import type { DecodeOptions, FamilyCodec } from '../../src/registry/family.js';
import type { MvpnNlri } from '../../families/mvpn/model.js';
import { MVPN_TYPE_NAMES } from '../../families/mvpn/model.js';

export const TRUNCATED = 'mvpn: truncated data';

/** Decode one NLRI at `r.pos`. */
export function decodeMvpnEager(r: Reader, opts: DecodeOptions): MvpnNlri {
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
    const routeKey = decodeMvpnEager(r, { strict });
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

/** `codec` with the eager decoder in place of the view's (and no copy path: its models are plain). */
export function eagerCodec(codec: FamilyCodec<MvpnNlri>): FamilyCodec<MvpnNlri> {
  const { verbatim: _unused, ...rest } = codec;
  return { ...rest, decode: (r, opts) => decodeMvpnEager(r, opts) };
}

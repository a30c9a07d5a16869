/**
 * SR Policy NLRI bytes ↔ model. RFC 9830 §2.1 (SR Policy SAFI 73 and NLRI):
 *
 *   NLRI Length (1 octet, in bits) | Distinguisher (4) | Policy Color (4) | Endpoint (4 or 16)
 *
 * - The NLRI Length counts bits (RFC 4760 §5 style): 96 for an IPv4 endpoint, 192 for IPv6.
 *   Any other value is `bad-length` at the length octet in every mode (the NLRI cannot be
 *   delimited otherwise: RFC 9830 §4.2.1 / RFC 7606 §5.3).
 * - RFC 9830 §2.1: the endpoint's size follows the AFI. Default: the other AFI's size is read as
 *   what it says (GoBGP and Wireshark pick the endpoint by the length octet); `strict`: `malformed`.
 * - RFC 4760 §5: several NLRIs follow each other; the core loops (and reads the RFC 7911 path
 *   id); this reads one.
 */
import { modelError, safeString } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { DecodeOptions } from '../../src/registry/family.js';
import type { SrPolicyNlri } from './model.js';

/** NLRI Length values of RFC 9830 §2.1, in bits. */
export const SR_POLICY_BITS_V4 = 96;
export const SR_POLICY_BITS_V6 = 192;

/** Decode one SR Policy NLRI at `r.pos`; `v6` is the AFI (2) of the family. */
export function decodeSrPolicy(r: Reader, opts: DecodeOptions, v6: boolean): SrPolicyNlri {
  const start = r.pos;
  const bits = r.u8('SR Policy NLRI length');
  if (bits !== SR_POLICY_BITS_V4 && bits !== SR_POLICY_BITS_V6) {
    r.fail('bad-length', `SR Policy NLRI length ${bits} bits: must be ${SR_POLICY_BITS_V4} (IPv4 endpoint) or ${SR_POLICY_BITS_V6} (IPv6 endpoint) (RFC 9830 §2.1)`, start);
  }
  const n = bits >>> 3;
  if (n > r.end - r.pos) r.fail('truncated', `SR Policy NLRI length ${bits} bits needs ${n} bytes, ${r.end - r.pos} left`, start);
  if (opts.strict && (bits === SR_POLICY_BITS_V6) !== v6) {
    r.fail('malformed', `SR Policy NLRI length ${bits} bits: AFI ${v6 ? 2 : 1} needs ${v6 ? SR_POLICY_BITS_V6 : SR_POLICY_BITS_V4} (endpoint of the NLRI's address family, RFC 9830 §2.1)`, start);
  }
  const distinguisher = r.u32();
  const color = r.u32();
  const endpoint = r.bytes(n - 8);
  return { distinguisher, color, endpoint };
}

function checkU32(v: unknown, what: string, family: string): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffffff) modelError(`${what} must be an integer 0..4294967295, got ${safeString(v)}`, family);
}

/** Exact encoded size (no path id); checks the model. */
export function srPolicyEncodingLength(m: SrPolicyNlri, family: string): number {
  checkU32(m.distinguisher, 'distinguisher', family);
  checkU32(m.color, 'color', family);
  const e = m.endpoint;
  if (!(e instanceof Uint8Array) || (e.length !== 4 && e.length !== 16)) {
    modelError(`endpoint must be 4 (IPv4) or 16 (IPv6) octets, got ${e instanceof Uint8Array ? e.length : typeof e}`, family);
  }
  return 9 + e.length;
}

export function encodeSrPolicy(m: SrPolicyNlri, w: Writer): void {
  w.u8((8 + m.endpoint.length) * 8);
  w.u32(m.distinguisher);
  w.u32(m.color);
  w.bytes(m.endpoint);
}

/**
 * Value bytes <-> models of the fixed-size attributes:
 * RFC 4271 §4.3 (ORIGIN 1 octet, NEXT_HOP 4, MULTI_EXIT_DISC 4, LOCAL_PREF 4, ATOMIC_AGGREGATE 0,
 * AGGREGATOR 6), RFC 6793 §3 (AGGREGATOR 8 octets between 4-octet speakers, AS4_AGGREGATOR 8),
 * RFC 4456 §8 (ORIGINATOR_ID 4, CLUSTER_LIST a non-zero multiple of 4), RFC 9234 §5 (OTC 4).
 * Length checks per RFC 7606 §7.1-§7.10 and RFC 9234 §5: a wrong length is `bad-length` at the
 * first octet of the value.
 */
import { modelError } from '../../src/core/errors.js';
import type { Reader } from '../../src/core/reader.js';
import type { Writer } from '../../src/core/writer.js';
import type { Aggregator, ClusterList, Origin } from './model.js';

/** Fail unless the value is exactly `n` octets (RFC 7606: "malformed if its length is not n"). */
export function fixedLength(r: Reader, n: number, what: string): void {
  if (r.remaining !== n) r.fail('bad-length', `${what} length ${r.remaining}, must be ${n}`);
}

/** ORIGIN: one octet. Values 3..255 are undefined (RFC 7606 §7.1): kept, or `bad-value` when strict. */
export function decodeOrigin(r: Reader, strict: boolean): Origin {
  fixedLength(r, 1, 'ORIGIN');
  const v = r.peek();
  if (v > 2 && strict) r.fail('bad-value', `ORIGIN ${v} is undefined (RFC 4271 §4.3: 0 IGP, 1 EGP, 2 INCOMPLETE)`);
  r.pos++;
  return { value: v };
}

/** A 4-octet value (NEXT_HOP, ORIGINATOR_ID) as a view. */
export function decodeAddress(r: Reader, what: string): Uint8Array {
  fixedLength(r, 4, what);
  return r.bytes(4, what);
}

/** A 4-octet unsigned value (MED, LOCAL_PREF, OTC). */
export function decodeU32(r: Reader, what: string): number {
  fixedLength(r, 4, what);
  return r.u32(what);
}

/** AGGREGATOR / AS4_AGGREGATOR: AS (2 or 4 octets) then the IPv4 address. */
export function decodeAggregator(r: Reader, as4: boolean, what: string): Aggregator {
  fixedLength(r, as4 ? 8 : 6, `${what}${as4 ? '' : ' (2-octet AS session)'}`);
  const asn = as4 ? r.u32('AS') : r.u16('AS');
  return { asn, address: r.bytes(4, 'address') };
}

export function encodeAggregator(m: Aggregator, w: Writer, as4: boolean, what: string): void {
  checkAsn(m.asn, as4, what);
  checkAddress(m.address, what);
  if (as4) w.u32(m.asn);
  else w.u16(m.asn);
  w.bytes(m.address);
}

/** CLUSTER_LIST: a non-zero multiple of 4 octets (RFC 7606 §7.10). */
export function decodeClusterList(r: Reader): ClusterList {
  const n = r.remaining;
  if (n === 0 || n % 4 !== 0) r.fail('bad-length', `CLUSTER_LIST length ${n}, must be a non-zero multiple of 4`);
  const ids: Uint8Array[] = [];
  while (r.remaining > 0) ids.push(r.bytes(4, 'CLUSTER_ID'));
  return { ids };
}

export function checkAsn(asn: number, as4: boolean, what: string): void {
  const max = as4 ? 0xffffffff : 0xffff;
  if (!Number.isInteger(asn) || asn < 0 || asn > max) {
    modelError(`${what}: AS ${asn} does not fit ${as4 ? '4' : '2'} octets${as4 ? '' : ' (2-octet AS session: use AS_TRANS 23456 and the AS4_ attribute, RFC 6793 §4.2.2)'}`);
  }
}

export function checkU32(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) modelError(`${what}: ${v} is not an unsigned 32-bit integer`);
}

export function checkAddress(b: Uint8Array, what: string): void {
  if (!(b instanceof Uint8Array) || b.length !== 4) modelError(`${what}: an IPv4 address must be 4 octets`);
}

export function checkOrigin(m: Origin): void {
  if (!Number.isInteger(m.value) || m.value < 0 || m.value > 255) modelError(`ORIGIN: ${m.value} is not an octet`);
}

/**
 * EVPN routes → Ze's JSON object (evpn.md §6), written straight from the bytes.
 *
 * Keys are Go-map sorted. Types 1-5 print exactly Ze's keys and values: `code`, `name`,
 * `parsed:true`, `raw` (upper-case hex of the whole route), `rd`, `esi` (`-` when zero, else
 * lower-case colon bytes), `ethernet-tag`, `mac` (upper case), `ip`, `originator`, `prefix`
 * (masked to its length), `gateway` (absent when all zero), `label` (`[[L1],[L2]]`, the 20-bit MPLS
 * reading; `[[0]]` with no label octets).
 *
 * Types 6-11: Ze keeps them raw (`{"code","parsed":false,"raw"}`). ze-nlri keeps those three keys
 * and values (COMPAT.md §2: a superset) and adds the typed fields of RFC 9251 §9 / RFC 9572 §3:
 * `name`, `rd`, `esi`, `ethernet-tag`, `source` (absent for (*,G)), `group`, `originator`, `flags`,
 * `leave-group-sync`, `max-response-time`, `region-id` (16 upper-case hex digits) and
 * `route-key` (the embedded route's own JSON object).
 */
import { esiToString } from '../../src/core/bgp.js';
import { toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { maskedPrefixText } from '../../src/core/prefix-text.js';
import { Reader } from '../../src/core/reader.js';
import { rdToString } from '../../src/core/rd.js';
import { labelsOf } from './labels.js';
import { ROUTE_NAMES, type EvpnRoute } from './model.js';
import { decodeRoute, recoverRoute } from './wire.js';

function labelJson(labels: number[]): string {
  let s = '[';
  for (let i = 0; i < labels.length; i++) s += (i ? ',[' : '[') + labels[i] + ']';
  return s + ']';
}

function addr(b: Uint8Array, lenOff: number): string | undefined {
  const bits = b[lenOff];
  if (bits === 32) return ipv4ToString(b, lenOff + 1);
  if (bits === 128) return ipv6ToString(b, lenOff + 1);
  return undefined;
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
}

function allZero(b: Uint8Array, off: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (b[off + i] !== 0) return false;
  return true;
}

/** Write Ze's JSON object for one route. */
export function writeRouteJson(m: EvpnRoute, j: JsonWriter): void {
  const b = m.buf;
  const p = m.start + 2;
  const code = b[m.start]!;
  j.beginObject();
  j.keyRaw('code').number(code);
  switch (m.kind) {
    case 'ethernet-ad':
      j.keyRaw('esi').stringRaw(esiToString(b, p + 8, true));
      j.keyRaw('ethernet-tag').number(u32(b, p + 18));
      j.keyRaw('label').raw(labelJson(labelsOf(b, p + 22, m.end, m.labelMode)));
      typed(j, code, m.rawHex, p, b);
      break;
    case 'mac-ip': {
      j.keyRaw('esi').stringRaw(esiToString(b, p + 8, true));
      j.keyRaw('ethernet-tag').number(u32(b, p + 18));
      const ip = addr(b, p + 29);
      if (ip !== undefined) j.keyRaw('ip').stringRaw(ip);
      j.keyRaw('label').raw(labelJson(labelsOf(b, m.labelStart, m.end, m.labelMode)));
      j.keyRaw('mac').stringRaw(m.macText);
      typed(j, code, m.rawHex, p, b);
      break;
    }
    case 'inclusive-multicast':
      j.keyRaw('ethernet-tag').number(u32(b, p + 8));
      j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
      j.keyRaw('originator').stringRaw(addr(b, p + 12)!);
      tail(j, true, m.rawHex, p, b);
      break;
    case 'ethernet-segment':
      j.keyRaw('esi').stringRaw(esiToString(b, p + 8, true));
      j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
      j.keyRaw('originator').stringRaw(addr(b, p + 18)!);
      tail(j, true, m.rawHex, p, b);
      break;
    case 'ip-prefix': {
      const v6 = m.end - p === 58;
      const n = v6 ? 16 : 4;
      j.keyRaw('esi').stringRaw(esiToString(b, p + 8, true));
      j.keyRaw('ethernet-tag').number(u32(b, p + 18));
      const gw = p + 23 + n;
      if (!allZero(b, gw, n)) j.keyRaw('gateway').stringRaw(v6 ? ipv6ToString(b, gw) : ipv4ToString(b, gw));
      j.keyRaw('label').raw(labelJson(labelsOf(b, m.end - 3, m.end, 'fields')));
      j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
      j.keyRaw('parsed').bool(true);
      j.keyRaw('prefix').stringRaw(maskedPrefixText(v6, b, p + 23, b[p + 22]!));
      j.keyRaw('raw').stringRaw(m.rawHex);
      j.keyRaw('rd').stringRaw(rdToString(b, p));
      break;
    }
    case 'smet':
    case 'join-synch':
    case 'leave-synch':
    case 'spmsi': {
      if (m.kind === 'join-synch' || m.kind === 'leave-synch') j.keyRaw('esi').stringRaw(esiToString(b, p + 8, true));
      j.keyRaw('ethernet-tag').number(m.ethernetTag);
      if (m.kind !== 'spmsi') j.keyRaw('flags').number(b[m.end - 1]!);
      const group = addr(b, m.groupOff);
      if (group !== undefined) j.keyRaw('group').stringRaw(group);
      if (m.kind === 'leave-synch') {
        j.keyRaw('leave-group-sync').number(m.leaveGroupSync);
        j.keyRaw('max-response-time').number(m.maxResponseTime);
      }
      j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
      j.keyRaw('originator').stringRaw(addr(b, m.originatorOff)!);
      tail(j, false, m.rawHex, p, b);
      const source = addr(b, m.tagOff + 4);
      if (source !== undefined) j.keyRaw('source').stringRaw(source);
      break;
    }
    case 'per-region-ipmsi':
      j.keyRaw('ethernet-tag').number(u32(b, p + 8));
      j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
      tail(j, false, m.rawHex, p, b);
      j.keyRaw('region-id').stringRaw(toHex(b, p + 12, p + 20));
      break;
    case 'leaf-ad': {
      j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
      j.keyRaw('originator').stringRaw(addr(b, m.routeKeyEnd)!);
      j.keyRaw('parsed').bool(false);
      j.keyRaw('raw').stringRaw(m.rawHex);
      j.keyRaw('route-key');
      writeRouteJson(embedded(b, p, m.routeKeyEnd), j);
      break;
    }
    case 'raw':
      j.keyRaw('parsed').bool(false);
      j.keyRaw('raw').stringRaw(m.rawHex);
      break;
  }
  j.endObject();
}

/** The last keys of types 1 and 2: name, parsed, raw, rd. */
function typed(j: JsonWriter, code: number, raw: string, p: number, b: Uint8Array): void {
  j.keyRaw('name').stringRaw(ROUTE_NAMES[code]!);
  tail(j, true, raw, p, b);
}

/** The keys after `originator`: parsed, raw, rd. */
function tail(j: JsonWriter, parsed: boolean, raw: string, p: number, b: Uint8Array): void {
  j.keyRaw('parsed').bool(parsed);
  j.keyRaw('raw').stringRaw(raw);
  j.keyRaw('rd').stringRaw(rdToString(b, p));
}

/** The Leaf A-D route key as a route of its own (a raw record when it does not decode). */
function embedded(b: Uint8Array, start: number, end: number): EvpnRoute {
  const r = new Reader(b, 'l2vpn/evpn', start, end);
  try {
    const m = decodeRoute(r, {});
    if (r.pos === end) return m;
  } catch {
    // a route key that is not a valid route is shown as a raw record
  }
  r.pos = start;
  r.end = end;
  return recoverRoute(r, start) ?? (undefined as never);
}

/**
 * One route as one line of JSON (NDJSON), keys sorted byte-wise like every ze-nlri JSON:
 * `action` (add / del), `attr` (the path attributes in the `update.attr` form of the whole-UPDATE
 * JSON: each codec's JSON under its name, unknown ones as `attr-<code>` {code, flags, raw};
 * NEXT_HOP, MP_REACH_NLRI and MP_UNREACH_NLRI are not repeated there), `errors` (the UPDATE's
 * RFC 7606 problems, when any), `family`, `next-hop` (+ `next-hop-link-local`), `nlri` (the
 * family's JSON), `source` (format, file offset, record, peer, timestamp) and
 * `treat-as-withdraw` when RFC 7606 turned an announcement into a withdrawal.
 * The attribute text is made once per UPDATE and shared by its routes.
 */
import { JsonWriter, goQuote } from '../core/json.js';
import { writeJson } from '../registry/ops.js';
import type { BgpUpdate } from '../update/model.js';
import { attributesJson, problemsJson } from '../update/json.js';
import { nextHopText } from '../../attributes/mp/nexthop.js';
import type { FileBadUpdate, FileRoute, RouteSource, SourcePeer } from './routes.js';

const PEER_TYPES = ['global', 'rd', 'local', 'loc-rib'];

/** Seconds with up to 6 decimals, no float noise. */
export function timestampText(t: number): string {
  if (Number.isInteger(t)) return String(t);
  return t.toFixed(6).replace(/0+$/, '');
}

/** The `peer` object's text, made once per peer object (readers reuse one per peer). */
const PEER_JSON = new WeakMap<SourcePeer, string>();

function peerJson(p: SourcePeer): string {
  let o = PEER_JSON.get(p);
  if (o === undefined) {
    o = peerText(p);
    PEER_JSON.set(p, o);
  }
  return o;
}

export function sourceJson(s: RouteSource): string {
  let o = '{"format":"' + s.format + '"';
  if (s.line !== undefined) o += ',"line":' + s.line;
  o += ',"offset":' + s.offset;
  if (s.peer) o += ',"peer":' + peerJson(s.peer);
  o += ',"record":"' + s.record + '"';
  if (s.timestamp !== undefined) o += ',"timestamp":' + timestampText(s.timestamp);
  if (s.to) o += ',"to":{"address":' + goQuote(s.to.address) + ',"port":' + s.to.port + '}';
  return o + '}';
}

function peerText(p: SourcePeer): string {
  let o = '';
  {
    o += '{"address":' + goQuote(p.address);
    const b = p.bmp;
    if (b && b.adjRibOut) o += ',"adj-rib-out":true';
    if (p.as !== undefined) o += ',"as":' + p.as;
    if (p.bgpId !== undefined) o += ',"bgp-id":"' + p.bgpId + '"';
    if (b && b.distinguisher !== '0000000000000000' && b.distinguisher !== '0:0:0') o += ',"distinguisher":"' + b.distinguisher + '"';
    if (b && b.filtered) o += ',"filtered":true';
    if (p.port !== undefined) o += ',"port":' + p.port;
    if (b && b.type !== 3) o += ',"post-policy":' + b.postPolicy;
    if (b) o += ',"type":"' + (PEER_TYPES[b.type] ?? String(b.type)) + '"';
    o += '}';
  }
  return o;
}

/** Formats routes, keeping the last UPDATE's attribute and error text for its next routes. */
export class RouteJson {
  private readonly j = new JsonWriter();
  private lastUpdate: BgpUpdate | undefined;
  private attr = '';
  private errors = '';
  private lastSource: RouteSource | undefined;
  private readonly families = new Map<string, string>();
  private source = '';

  route(item: FileRoute): string {
    const { route, update } = item;
    const j = this.j;
    if (update !== this.lastUpdate) {
      this.lastUpdate = update;
      this.attr = attributesJson(update.attributes, j);
      this.errors = problemsJson(update, j);
    }
    if (item.source !== this.lastSource) {
      this.lastSource = item.source;
      this.source = sourceJson(item.source);
    }
    let o = '{"action":"' + (route.withdraw ? 'del' : 'add') + '"';
    if (this.attr && !(route.withdraw && !route.treatedAsWithdraw)) o += ',"attr":' + this.attr;
    if (this.errors) o += ',"errors":' + this.errors;
    let fam = this.families.get(route.family);
    if (fam === undefined) this.families.set(route.family, (fam = ',"family":' + goQuote(route.family)));
    o += fam;
    const nh = route.nextHop;
    if (nh) {
      o += ',"next-hop":' + goQuote(nextHopText(nh));
      if (nh.linkLocal !== undefined) o += ',"next-hop-link-local":' + goQuote(nh.linkLocal);
    }
    if (route.codec) {
      writeJson(route.codec, route.nlri, j);
      o += ',"nlri":' + j.take();
    }
    o += ',"source":' + this.source;
    if (route.treatedAsWithdraw) o += ',"treat-as-withdraw":true';
    return o + '}';
  }

  /** An UPDATE that gave no routes (RFC 7606 session reset / AFI-SAFI disable): its errors and source. */
  badUpdate(item: FileBadUpdate): string {
    return '{"errors":' + problemsJson(item.update, this.j) + ',"source":' + sourceJson(item.source) + '}';
  }
}

/**
 * PMSI_TUNNEL model <-> JSON (Ze has no PMSI parser at f09f9ac2: Ze's style, keys byte-wise
 * sorted, compact, addresses as Go netip text). RFC 6514 §5 fields:
 *
 *   {"endpoint":"192.0.2.1","flags":0,"label":100,"label-field":1600,
 *    "leaf-information-required":false,"tunnel-type":6,"tunnel-type-name":"ingress-replication"}
 *
 * - `label-field`: the whole 24-bit field (the VNI for VXLAN, RFC 8365 §5.1.3); `label` its
 *   high-order 20 bits (RFC 6514 §5). `fromJson` takes `label-field` when present, else
 *   `label << 4`.
 * - RSVP-TE P2MP: `p2mp-id`, `tunnel-id`, `extended-tunnel-id`, `reserved` (only when not 0).
 * - mLDP: `fec-type`, `address-family`, `root` (address text when family 1 / 4 octets or
 *   family 2 / 16 octets, else `root-raw` hex), `opaque`: `[{"lsp-id":N,"type":1}]` for the
 *   Generic LSP Identifier (RFC 6388 §2.3.1), `{"raw":"<HEX>","type":N}` for the others.
 * - PIM: `group` and `sender` (PIM-SM, BIDIR-PIM) or `root` (PIM-SSM: "P-Root Node Address",
 *   RFC 6514 §5). Ingress replication: `endpoint`.
 * - Type 0, unknown types, and (outside strict mode) a known type whose identifier does not
 *   have its layout: `tunnel-identifier` hex (left out for an empty one of type 0 / unknown).
 * - `tunnel-type-name` only for types 0-7.
 */
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipToString, parseAddr } from '../../src/core/ip.js';
import type { JsonWriter } from '../../src/core/json.js';
import { modelError } from '../../src/core/errors.js';
import {
  FLAG_LEAF_INFO_REQUIRED,
  kindOfType,
  type MldpOpaque,
  type PmsiTunnel,
  type PmsiTunnelId,
  TUNNEL_PIM_SSM,
  TUNNEL_TYPE_NAMES,
} from './model.js';

function ip(b: Uint8Array): string {
  return ipToString(b.length === 16, b);
}

function rootIsAddress(af: number, root: Uint8Array): boolean {
  return (af === 1 && root.length === 4) || (af === 2 && root.length === 16);
}

export function pmsiJson(m: PmsiTunnel, j: JsonWriter): void {
  const t = m.tunnel;
  j.beginObject();
  if (t.kind === 'mldp') j.keyRaw('address-family').number(t.addressFamily);
  if (t.kind === 'ingress-replication') j.keyRaw('endpoint').stringRaw(ip(t.endpoint));
  if (t.kind === 'rsvp-te-p2mp') j.keyRaw('extended-tunnel-id').stringRaw(ip(t.extendedTunnelId));
  if (t.kind === 'mldp') j.keyRaw('fec-type').number(t.fecType);
  j.keyRaw('flags').number(m.flags);
  if (t.kind === 'pim') j.keyRaw('group').stringRaw(ip(t.group));
  j.keyRaw('label').number(m.labelField >>> 4);
  j.keyRaw('label-field').number(m.labelField);
  j.keyRaw('leaf-information-required').bool((m.flags & FLAG_LEAF_INFO_REQUIRED) !== 0);
  if (t.kind === 'mldp') {
    j.keyRaw('opaque').beginArray();
    for (const e of t.opaque) {
      j.beginObject();
      if (e.type === 1 && e.value.length === 4) {
        j.keyRaw('lsp-id').number(e.value[0]! * 0x1000000 + ((e.value[1]! << 16) | (e.value[2]! << 8) | e.value[3]!));
      } else {
        j.keyRaw('raw').stringRaw(toHex(e.value));
      }
      j.keyRaw('type').number(e.type);
      j.endObject();
    }
    j.endArray();
  }
  if (t.kind === 'rsvp-te-p2mp') {
    j.keyRaw('p2mp-id').number(t.p2mpId);
    if (t.reserved !== 0) j.keyRaw('reserved').number(t.reserved);
  }
  if (t.kind === 'mldp') {
    if (rootIsAddress(t.addressFamily, t.root)) j.keyRaw('root').stringRaw(ip(t.root));
    else j.keyRaw('root-raw').stringRaw(toHex(t.root));
  }
  // RFC 6514 §5: PIM-SSM carries <P-Root Node Address, P-Multicast Group>, the others <Sender Address, ...>.
  if (t.kind === 'pim') j.keyRaw(m.tunnelType === TUNNEL_PIM_SSM ? 'root' : 'sender').stringRaw(ip(t.sender));
  if (t.kind === 'rsvp-te-p2mp') j.keyRaw('tunnel-id').number(t.tunnelId);
  // Always for a type with a layout (even empty: it tells fromJson the identifier is bytes).
  if (t.kind === 'raw' && (t.bytes.length > 0 || kindOfType(m.tunnelType) !== 'raw')) j.keyRaw('tunnel-identifier').stringRaw(toHex(t.bytes));
  j.keyRaw('tunnel-type').number(m.tunnelType);
  const name = TUNNEL_TYPE_NAMES[m.tunnelType];
  if (name !== undefined) j.keyRaw('tunnel-type-name').stringRaw(name);
  j.endObject();
}

// ---- fromJson ----

type Obj = Record<string, unknown>;

function obj(v: unknown, what: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) modelError(`${what}: expected an object`);
  return v as Obj;
}

function num(o: Obj, k: string, max: number, dflt?: number): number {
  let v = o[k];
  if (v === undefined) {
    if (dflt !== undefined) return dflt;
    modelError(`pmsi-tunnel: missing "${k}"`);
  }
  if (typeof v === 'bigint') v = Number(v);
  if (typeof v === 'string' && /^[0-9]+$/.test(v)) v = Number(v);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) modelError(`pmsi-tunnel: "${k}" must be an integer 0..${max}`);
  return v;
}

function addr(o: Obj, k: string): Uint8Array {
  const v = o[k];
  if (typeof v !== 'string') modelError(`pmsi-tunnel: "${k}" must be an IP address`);
  const a = parseAddr(v);
  if (typeof a === 'string') modelError(`pmsi-tunnel: "${k}": ${a}`);
  return a.bytes;
}

function hex(o: Obj, k: string): Uint8Array {
  const v = o[k];
  if (typeof v !== 'string') modelError(`pmsi-tunnel: "${k}" must be hex text`);
  try {
    return fromHex(v);
  } catch {
    return modelError(`pmsi-tunnel: "${k}" is not hex`);
  }
}

function opaqueFromJson(v: unknown): MldpOpaque[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) modelError('pmsi-tunnel: "opaque" must be an array');
  return v.map((x) => {
    const e = obj(x, 'pmsi-tunnel opaque value');
    const type = num(e, 'type', 0xff);
    if (e['lsp-id'] !== undefined) {
      const id = num(e, 'lsp-id', 0xffffffff);
      const value = new Uint8Array([id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff]);
      return { type, value };
    }
    return { type, value: hex(e, 'raw') };
  });
}

export function pmsiFromJson(value: unknown): PmsiTunnel {
  const o = obj(value, 'pmsi-tunnel');
  const tunnelType = num(o, 'tunnel-type', 0xff);
  let flags = num(o, 'flags', 0xff, -1);
  if (flags < 0) flags = o['leaf-information-required'] === true ? FLAG_LEAF_INFO_REQUIRED : 0;
  const labelField = o['label-field'] !== undefined ? num(o, 'label-field', 0xffffff) : num(o, 'label', 0xfffff, 0) << 4;
  let tunnel: PmsiTunnelId;
  const kind = o['tunnel-identifier'] !== undefined ? 'raw' : kindOfType(tunnelType);
  switch (kind) {
    case 'rsvp-te-p2mp':
      tunnel = {
        kind,
        p2mpId: num(o, 'p2mp-id', 0xffffffff),
        reserved: num(o, 'reserved', 0xffff, 0),
        tunnelId: num(o, 'tunnel-id', 0xffff),
        extendedTunnelId: addr(o, 'extended-tunnel-id'),
      };
      break;
    case 'mldp':
      tunnel = {
        kind,
        fecType: num(o, 'fec-type', 0xff),
        addressFamily: num(o, 'address-family', 0xffff),
        root: o['root-raw'] !== undefined ? hex(o, 'root-raw') : addr(o, 'root'),
        opaque: opaqueFromJson(o['opaque']),
      };
      break;
    case 'pim':
      tunnel = { kind, sender: addr(o, tunnelType === TUNNEL_PIM_SSM ? 'root' : 'sender'), group: addr(o, 'group') };
      break;
    case 'ingress-replication':
      tunnel = { kind, endpoint: addr(o, 'endpoint') };
      break;
    default:
      tunnel = { kind: 'raw', bytes: o['tunnel-identifier'] === undefined ? new Uint8Array(0) : hex(o, 'tunnel-identifier') };
  }
  return { flags, tunnelType, labelField, tunnel };
}

/**
 * The FlowSpec decoder as it was before decoding made lazy views (families/flowspec/view.ts): it
 * builds every component at once. Kept as the reference the view is tested against: same
 * accepted inputs, same errors (code, message, offset), same fields.
 */
import type { Reader } from '../../../src/core/reader.js';
import { COMPONENTS } from '../../../families/flowspec/components.js';
import {
  FLOW_FLOW_LABEL,
  FlowOps,
  OP_AND,
  OP_BITMASK_RESERVED,
  OP_END,
  OP_NUMERIC_RESERVED,
  type FlowComponent,
  type FlowOpComponent,
  type FlowSpecNlri,
} from '../../../families/flowspec/model.js';
import { RD_OCTETS } from '../../../families/flowspec/wire.js';
import { WirePrefix, patternOctets, type FlowShape } from '../../../families/flowspec/wire-prefix.js';

function readPrefix(r: Reader, type: 1 | 2, v6: boolean, strict: boolean, at: number): WirePrefix {
  const len = r.u8('prefix length');
  const offset = v6 ? r.u8('prefix offset') : 0;
  if (offset > len) r.fail('malformed', `IPv6 prefix offset ${offset} exceeds its length ${len}`, at);
  if (strict) {
    if (len > (v6 ? 128 : 32)) r.fail('bad-length', `prefix length ${len} exceeds ${v6 ? 128 : 32}`, at);
    if (offset !== 0 && offset === len) r.fail('malformed', `IPv6 prefix offset ${offset} equals its length`, at);
  }
  const size = patternOctets(len, offset);
  if (size > r.end - r.pos) r.need(size, 'prefix pattern');
  const p = new WirePrefix(type, len, offset, r.buf, r.pos, size);
  r.pos += size;
  return p;
}

function readValue(r: Reader, op: number): number | bigint {
  switch ((op >> 4) & 3) {
    case 0: return r.u8('operator value');
    case 1: return r.u16('operator value');
    case 2: return r.u32('operator value');
    default: return r.u64('operator value');
  }
}

function readOps(r: Reader, type: number, bitmask: boolean, strict: boolean): FlowOpComponent {
  if (r.pos >= r.end) r.need(1, 'operator');
  let at = r.pos;
  let op = r.buf[r.pos++]!;
  const first = readValue(r, op);
  if (strict) strictOp(r, type, bitmask, op, true, at);
  // The common single-pair component: exact-size arrays, no growth.
  if (op & OP_END) return new FlowOps(type, [op], [first]) as FlowOpComponent;
  const ops: number[] = [op];
  const values: (number | bigint)[] = [first];
  while (r.pos < r.end) {
    at = r.pos;
    op = r.buf[r.pos++]!;
    values.push(readValue(r, op));
    ops.push(op);
    if (strict) strictOp(r, type, bitmask, op, false, at);
    if (op & OP_END) return new FlowOps(type, ops, values) as FlowOpComponent;
  }
  if (strict) r.fail('malformed', `component ${type}: operator list ends without the end-of-list bit`, at);
  return new FlowOps(type, ops, values) as FlowOpComponent;
}

function strictOp(r: Reader, type: number, bitmask: boolean, op: number, first: boolean, at: number): void {
  const lenBits = (op >> 4) & 3;
  if (op & (bitmask ? OP_BITMASK_RESERVED : OP_NUMERIC_RESERVED)) {
    r.fail('malformed', `component ${type}: reserved operator bits set (0x${op.toString(16)})`, at);
  }
  if (first && op & OP_AND) r.fail('malformed', `component ${type}: AND bit on the first operator`, at);
  // RFC 8955 §4.2.2.9: TCP flags 1 or 2 octets; §4.2.2.11-12: DSCP and fragment 1 octet.
  const ok = type === 9 ? lenBits <= 1 : type === 11 || type === 12 ? lenBits === 0 : true;
  if (!ok) r.fail('malformed', `component ${type}: ${1 << lenBits}-octet value not allowed`, at);
}

/** Decode one FlowSpec NLRI (length, optional RD, components) at `r.pos`. */
export function eagerDecodeFlowSpec(r: Reader, shape: FlowShape, strict: boolean): FlowSpecNlri {
  const start = r.pos;
  const b0 = r.u8('FlowSpec NLRI length');
  let len = b0;
  let longLength = false;
  if (b0 >= 0xf0) {
    len = ((b0 & 0x0f) << 8) | r.u8('FlowSpec NLRI length');
    longLength = len < 240;
  }
  const old = r.limit(len, 'FlowSpec NLRI length');
  let rd: Uint8Array | undefined;
  if (shape.vpn) {
    if (len < RD_OCTETS) r.fail('bad-length', `FlowSpec-VPN NLRI length ${len} is shorter than its route distinguisher`, start);
    rd = r.bytes(RD_OCTETS, 'route distinguisher');
  }
  const components: FlowComponent[] = [];
  let last = 0;
  while (r.pos < r.end) {
    const at = r.pos;
    const type = r.buf[r.pos++]!;
    const info = COMPONENTS[type];
    if (info === undefined) r.fail('unknown-type', `unknown FlowSpec component type ${type}`, at);
    if (strict) {
      if (type === FLOW_FLOW_LABEL && !shape.v6) r.fail('unknown-type', 'component type 13 (flow label) is IPv6 only', at);
      if (type <= last) r.fail('malformed', `component type ${type} after type ${last}: types must strictly increase`, at);
    }
    last = type;
    if (info.kind === 'prefix') components.push(readPrefix(r, type as 1 | 2, shape.v6, strict, at));
    else components.push(readOps(r, type, info.kind === 'bitmask', strict));
  }
  r.restore(old);
  const m: FlowSpecNlri = { components };
  if (rd !== undefined) m.rd = rd;
  if (longLength) m.longLength = true;
  return m;
}


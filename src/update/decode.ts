/**
 * Bytes → BgpUpdate: RFC 4271 §4.1 (message header) and §4.3 (UPDATE), RFC 4760 (MP_REACH /
 * MP_UNREACH through their codecs), RFC 8654 (Extended Message length), and the error handling
 * of RFC 7606 §3-§5: every malformed attribute is classified (attribute discard,
 * treat-as-withdraw, AFI/SAFI disable, session reset), reported with its offset, and the rest of
 * the UPDATE is still decoded where the RFC allows it. Decoding never throws for bad bytes: the
 * verdict is `update.action` and the list `update.problems`.
 */
import { NlriError, type NlriErrorCode } from '../core/errors.js';
import { Reader } from '../core/reader.js';
import type { AttrContext, AttributeCodec, MalformedAction } from '../attributes/attribute.js';
import { ATTR_EXTENDED_LENGTH, ATTR_OPTIONAL, ATTR_TRANSITIVE } from '../attributes/attribute.js';
import type { AttributeRegistry } from '../attributes/registry.js';
import type { NlriBase } from '../registry/family.js';
import { decodeAll } from '../registry/ops.js';
import { ACTION_STRENGTH, PathAttributes, type BgpUpdate, type PathAttribute, type UpdateProblem } from './model.js';

/** RFC 4271 §4.1 header: marker, length, type. */
export const HEADER_LENGTH = 19;
/** RFC 4271 §4.1 maximum message size, and RFC 8654's with the Extended Message capability. */
export const MAX_MESSAGE = 4096;
export const MAX_EXTENDED_MESSAGE = 65535;
const UPDATE_TYPE = 2;
const NONE = Object.freeze([]) as unknown as NlriBase[];
const NO_ATTRIBUTES = new PathAttributes(Object.freeze([]) as unknown as PathAttribute[]);

const ORIGIN = 1;
const AS_PATH = 2;
const NEXT_HOP = 3;
const ATOMIC_AGGREGATE = 6;
const MP_REACH = 14;
const MP_UNREACH = 15;

/** True when `b` starts with the 16-octet all-ones marker (RFC 4271 §4.1) and is long enough for a header. */
export function hasMarker(b: Uint8Array): boolean {
  if (b.length < HEADER_LENGTH) return false;
  for (let i = 0; i < 16; i++) if (b[i] !== 0xff) return false;
  return true;
}

export interface UpdateDecodeExtras {
  /** RFC 8654: the Extended Message capability was negotiated (messages up to 65535 octets). */
  extendedMessage?: boolean;
}

/** Records problems into the update and keeps its strongest action (RFC 7606 §3 h). */
function addProblem(u: BgpUpdate, action: MalformedAction, attribute: string, typeCode: number, error: NlriError, raw?: Uint8Array): void {
  u.problems.push({ action, attribute, typeCode, error: error.attribute || !attribute ? error : error.inAttribute(attribute), raw });
  if (ACTION_STRENGTH[action] > ACTION_STRENGTH[u.action]) u.action = action;
}

function failProblem(u: BgpUpdate, action: MalformedAction, attribute: string, typeCode: number, code: NlriErrorCode, message: string, offset: number, raw?: Uint8Array): void {
  addProblem(u, action, attribute, typeCode, new NlriError(code, message, '', offset, attribute), raw);
}

/** Type codes seen in the UPDATE being decoded: SEEN[code] === generation (no clearing per message). */
const SEEN = new Uint32Array(256);
let generation = 0;

/** The legacy IPv4 prefix fields (Withdrawn Routes, NLRI). */
function prefixField(u: BgpUpdate, bytes: Uint8Array, ctx: AttrContext, start: number, stop: number, withdraw: boolean, what: string): NlriBase[] {
  if (start === stop) return [];
  const unicast = u.unicast;
  if (!unicast) {
    failProblem(u, 'session-reset', '', 0, 'unsupported-family', `no ipv4/unicast codec registered to read the ${what} field`, start);
    return [];
  }
  try {
    // RFC 7606 §5.3: a prefix longer than 32 is syntactically incorrect: strict for these fields.
    return decodeAll(unicast, bytes.subarray(start, stop), { addPath: ctx.addPath('ipv4/unicast'), withdraw, strict: true });
  } catch (e) {
    const err = asNlriError(e, 'ipv4/unicast');
    // RFC 7606 §3 i-j, §5.3: an NLRI field that cannot be parsed leaves only a session reset.
    addProblem(u, 'session-reset', '', 0, new NlriError(err.code, `${what}: ${err.message}`, 'ipv4/unicast', err.offset < 0 ? start : start + err.offset));
    return [];
  }
}

function asNlriError(e: unknown, family = ''): NlriError {
  if (e instanceof NlriError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new NlriError('malformed', `internal error: ${msg}`, family, -1);
}

function attrName(codec: AttributeCodec<any> | undefined, code: number): string {
  return codec ? codec.name : `attr-${code}`;
}

/**
 * Decode one UPDATE: either a whole BGP message (16-octet marker, length, type 2) or the UPDATE
 * body alone (from the Withdrawn Routes Length on), as Ze's `ze bgp decode --update` accepts.
 */
export function decodeUpdateWith(
  bytes: Uint8Array,
  ctx: AttrContext,
  attributes: AttributeRegistry,
  extras: UpdateDecodeExtras = {},
): BgpUpdate {
  const update: BgpUpdate = { withdrawn: NONE, attributes: NO_ATTRIBUTES, nlri: NONE, problems: [], action: 'none', unicast: ctx.families.get('ipv4/unicast') };
  let pos = 0;
  let end = bytes.length;

  // RFC 4271 §4.1: the header. Errors here are Message Header Errors: the session is reset.
  if (hasMarker(bytes)) {
    const len = (bytes[16]! << 8) | bytes[17]!;
    const type = bytes[18]!;
    update.messageLength = len;
    const max = extras.extendedMessage ? MAX_EXTENDED_MESSAGE : MAX_MESSAGE;
    if (type !== UPDATE_TYPE) {
      failProblem(update, 'session-reset', '', 0, 'bad-value', `BGP message type ${type} is not UPDATE (2)`, 18);
      return update;
    }
    if (len < HEADER_LENGTH + 4 || len > max) {
      failProblem(update, 'session-reset', '', 0, 'bad-length', `message length ${len} outside ${HEADER_LENGTH + 4}..${max} (RFC 4271 §4.1${extras.extendedMessage ? ', RFC 8654' : ''})`, 16);
      return update;
    }
    if (len > bytes.length) {
      failProblem(update, 'session-reset', '', 0, 'truncated', `message length ${len} exceeds the ${bytes.length} octets given`, 16);
      return update;
    }
    if (len < bytes.length) {
      failProblem(update, 'session-reset', '', 0, 'trailing-bytes', `${bytes.length - len} octets after the message of length ${len}`, len);
      return update;
    }
    pos = HEADER_LENGTH;
  } else if (bytes.length > (extras.extendedMessage ? MAX_EXTENDED_MESSAGE : MAX_MESSAGE) - HEADER_LENGTH) {
    failProblem(update, 'session-reset', '', 0, 'bad-length', `UPDATE body of ${bytes.length} octets exceeds the maximum message size`, 0);
    return update;
  }

  // RFC 4271 §4.3 / RFC 7606 §3 b: the two length fields must fit the message.
  if (end - pos < 2) {
    failProblem(update, 'session-reset', '', 0, 'truncated', 'Withdrawn Routes Length needs 2 octets', pos);
    return update;
  }
  const wLen = (bytes[pos]! << 8) | bytes[pos + 1]!;
  const wStart = pos + 2;
  if (wLen + 2 > end - wStart) {
    failProblem(update, 'session-reset', '', 0, 'bad-length', `Withdrawn Routes Length ${wLen} leaves no room for Total Path Attribute Length (malformed attribute list)`, pos);
    return update;
  }
  const aLenAt = wStart + wLen;
  const aLen = (bytes[aLenAt]! << 8) | bytes[aLenAt + 1]!;
  const aStart = aLenAt + 2;
  if (aLen > end - aStart) {
    failProblem(update, 'session-reset', '', 0, 'bad-length', `Total Path Attribute Length ${aLen} exceeds the ${end - aStart} octets left (malformed attribute list)`, aLenAt);
    return update;
  }
  const aEnd = aStart + aLen;

  update.withdrawn = prefixField(update, bytes, ctx, wStart, aLenAt, true, 'Withdrawn Routes');

  // Path attributes (RFC 4271 §4.3, RFC 7606 §3-§4).
  const list: PathAttribute[] = [];
  const gen = (generation = (generation + 1) >>> 0) || (SEEN.fill(0), (generation = 1));
  const r = new Reader(bytes, '', 0, bytes.length);
  let at = aStart;
  while (at < aEnd) {
    const left = aEnd - at;
    const flags = bytes[at]!;
    const ext = (flags & ATTR_EXTENDED_LENGTH) !== 0;
    const hdr = ext ? 4 : 3;
    if (left < hdr) {
      // RFC 7606 §4: not even a minimum-sized attribute left: treat-as-withdraw.
      failProblem(update, 'treat-as-withdraw', '', 0, 'truncated', `${left} octet${left === 1 ? '' : 's'} left in the path attributes, too few for an attribute header`, at);
      break;
    }
    const code = bytes[at + 1]!;
    const len = ext ? (bytes[at + 2]! << 8) | bytes[at + 3]! : bytes[at + 2]!;
    const vStart = at + hdr;
    const codec = attributes.get(code);
    const name = attrName(codec, code);
    if (len > aEnd - vStart) {
      // RFC 7606 §4: the attribute overruns the Total Path Attribute Length: treat-as-withdraw,
      // and the total length locates the NLRI field.
      const mp = code === MP_REACH || code === MP_UNREACH;
      failProblem(update, mp ? 'session-reset' : 'treat-as-withdraw', name, code, 'bad-length', `attribute length ${len} exceeds the ${aEnd - vStart} octets left in the path attributes`, at + 2);
      break;
    }
    const vEnd = vStart + len;
    const raw = bytes.subarray(vStart, vEnd);
    const offset = at;
    at = vEnd;

    if (SEEN[code] === gen) {
      // RFC 7606 §3 g: MP_REACH / MP_UNREACH twice is a Malformed Attribute List; any other
      // repeated attribute: keep the first, discard the rest.
      if (code === MP_REACH || code === MP_UNREACH) {
        failProblem(update, 'session-reset', name, code, 'malformed', `${name} appears more than once (RFC 7606 §3 g)`, offset, raw);
      } else {
        failProblem(update, 'attribute-discard', name, code, 'malformed', `${name} appears more than once: discarded (RFC 7606 §3 g)`, offset, raw);
      }
      continue;
    }
    SEEN[code] = gen;

    if (!codec) {
      // RFC 4271 §6.3: an unrecognized well-known attribute resets the session; an optional one
      // is kept (and passed on if transitive, with the Partial bit set).
      if ((flags & ATTR_OPTIONAL) === 0) {
        failProblem(update, 'session-reset', name, code, 'unknown-type', `unrecognized well-known attribute ${code} (RFC 4271 §6.3)`, offset, raw);
      }
      list.push({ flags, code, value: undefined, codec: undefined, raw, offset });
      continue;
    }

    const malformed: MalformedAction = codec.onMalformed;
    // RFC 7606 §3 c: Optional / Transitive bits that conflict with the attribute's definition.
    const want = codec.flags & (ATTR_OPTIONAL | ATTR_TRANSITIVE);
    const got = flags & (ATTR_OPTIONAL | ATTR_TRANSITIVE);
    if (want !== got) {
      const act: MalformedAction = code === MP_REACH || code === MP_UNREACH ? malformed : malformed === 'attribute-discard' ? 'attribute-discard' : 'treat-as-withdraw';
      failProblem(update, act, name, code, 'bad-value', `attribute flags 0x${flags.toString(16).padStart(2, '0')} conflict with ${name}'s (optional/transitive 0x${want.toString(16).padStart(2, '0')}, RFC 7606 §3 c)`, offset, raw);
      continue;
    }
    // RFC 7606 §4: only AS_PATH and ATOMIC_AGGREGATE may be empty.
    if (len === 0 && code !== AS_PATH && code !== ATOMIC_AGGREGATE) {
      failProblem(update, malformed, name, code, 'bad-length', `${name} has length 0 (RFC 7606 §4)`, offset, raw);
      continue;
    }
    if (ctx.external && codec.internalOnly) {
      // RFC 7606 §7.5, §7.9, §7.10: from an external peer, discarded whatever it holds.
      failProblem(update, 'attribute-discard', name, code, 'malformed', `${name} from an external peer: discarded (RFC 7606 §7)`, offset, raw);
      continue;
    }
    r.pos = vStart;
    r.end = vEnd;
    let value: unknown;
    try {
      value = codec.decode(r, ctx, flags);
      if (r.pos !== vEnd) r.fail('trailing-bytes', `${vEnd - r.pos} octets after the ${name} value`);
    } catch (e) {
      const err = asNlriError(e);
      const act = codec.malformedAction ? codec.malformedAction(raw, { code: err.code, offset: err.offset < 0 ? -1 : err.offset - vStart }) : malformed;
      addProblem(update, act, name, code, err, raw);
      continue;
    }
    const bad = codec.check?.(value, ctx);
    if (bad !== undefined) {
      // Decoded, shown, and still malformed by its RFC: the action applies, the value stays visible.
      failProblem(update, malformed, name, code, 'bad-value', bad, vStart);
    }
    list.push({ flags, code, value, codec, raw, offset });
  }
  update.attributes = new PathAttributes(list);

  update.nlri = prefixField(update, bytes, ctx, aEnd, end, false, 'NLRI');

  // RFC 7606 §3 d: well-known mandatory attributes of an UPDATE that announces routes.
  const mpReach = update.attributes.get(MP_REACH);
  const reach = update.nlri.length > 0 || (mpReach !== undefined && ((mpReach.value as { nlri?: readonly unknown[] } | undefined)?.nlri?.length ?? 0) > 0);
  if (reach) {
    const missing: string[] = [];
    if (SEEN[ORIGIN] !== gen) missing.push('ORIGIN');
    if (SEEN[AS_PATH] !== gen) missing.push('AS_PATH');
    if (update.nlri.length > 0 && SEEN[NEXT_HOP] !== gen) missing.push('NEXT_HOP');
    if (missing.length > 0) {
      failProblem(update, 'treat-as-withdraw', '', 0, 'malformed', `missing well-known mandatory attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (RFC 7606 §3 d)`, aLenAt);
    }
  } else if (update.problems.length > 0) {
    // RFC 7606 §5.2: no reachable NLRI but other attributes: only attribute discard is safe.
    const others = list.some((a) => a.code !== MP_UNREACH) || update.problems.some((q) => q.typeCode !== MP_UNREACH && q.typeCode !== 0);
    if (others && update.problems.some((q) => q.action !== 'attribute-discard') && ACTION_STRENGTH[update.action] < ACTION_STRENGTH['session-reset']) {
      const first = update.problems.find((q) => q.action !== 'attribute-discard')!;
      failProblem(update, 'session-reset', first.attribute, first.typeCode, 'malformed', `UPDATE with path attributes but no reachable NLRI has a malformed attribute (RFC 7606 §5.2): ${first.error.message}`, first.error.offset);
    }
  }
  return update;
}

/**
 * JSON → BgpUpdate, for `encode-update`: the JSON `updateToJson` writes (with or without Ze's
 * envelope) back to a model. Attribute values go through each codec's `fromJson`; an attribute
 * may also be given as `{"raw":"<hex>"}` (any codec) or, under `attr-<code>`, as
 * `{"code":N,"flags":F,"raw":"<hex>"}`. Each family's operations become MP_REACH_NLRI /
 * MP_UNREACH_NLRI through that attribute's codec (`fromJson` of `{"action","family","next-hop",
 * "nlri"}`); `ipv4/unicast` goes into the RFC 4271 Withdrawn Routes / NLRI fields with a NEXT_HOP
 * attribute unless its next hop is IPv6 (RFC 8950: then MP_REACH). Attribute order on the wire:
 * MP_REACH_NLRI / MP_UNREACH_NLRI first (RFC 7606 §5.1), then by type code.
 */
import { modelError } from '../core/errors.js';
import { fromHex } from '../core/hex.js';
import type { AttrContext, AttributeCodec } from '../attributes/attribute.js';
import { ATTR_OPTIONAL, ATTR_TRANSITIVE } from '../attributes/attribute.js';
import type { AttributeRegistry } from '../attributes/registry.js';
import type { NlriBase } from '../registry/family.js';
import type { MpReach, MpUnreach } from '../../attributes/mp/model.js';
import { PathAttributes, type BgpUpdate, type PathAttribute } from './model.js';

const NEXT_HOP = 3;
const MP_REACH = 14;
const MP_UNREACH = 15;
const EMPTY = new Uint8Array(0);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(message: string): never {
  return modelError(`encode-update: ${message}`, '');
}

function unwrap(doc: unknown): Record<string, unknown> {
  if (!isObject(doc)) fail('the input must be a JSON object');
  const bgp = doc.bgp;
  if (isObject(bgp) && isObject(bgp.update)) return bgp.update;
  if (isObject(doc.update)) return doc.update;
  return doc;
}

function built(code: number, flags: number, value: unknown, codec: AttributeCodec<any> | undefined, raw: Uint8Array = EMPTY): PathAttribute {
  return { code, flags, value, codec, raw, offset: -1 };
}

function attribute(name: string, v: unknown, ctx: AttrContext, attributes: AttributeRegistry): PathAttribute {
  const m = /^attr-(\d{1,3})$/.exec(name);
  if (m) {
    const code = Number(m[1]);
    if (!isObject(v) || typeof v.raw !== 'string') fail(`${name}: expected {"code":${code},"flags":F,"raw":"<hex>"}`);
    const flags = typeof v.flags === 'number' ? v.flags : ATTR_OPTIONAL | ATTR_TRANSITIVE;
    // Flags as given: the encoder also sets Extended Length where the value needs it (RFC 4271 §4.3).
    return built(code, flags & 0xff, undefined, undefined, fromHex(v.raw, name));
  }
  const codec = attributes.byJsonName(name);
  if (!codec) fail(`unknown attribute "${name}" (known: ${attributes.list().map((c) => c.name).join(', ')})`);
  if (isObject(v) && typeof v.raw === 'string' && Object.keys(v).length === 1) {
    return built(codec.code, codec.flags, undefined, undefined, fromHex(v.raw, name));
  }
  return built(codec.code, codec.flags, codec.fromJson(v, ctx), codec);
}

function opsOf(family: string, v: unknown): Record<string, unknown>[] {
  if (!Array.isArray(v) || !v.every(isObject)) fail(`"${family}" must be a list of {"action":"add"|"del",…} operations`);
  return (v as Record<string, unknown>[]).map((op) => withHex(family, op));
}

/**
 * An operation with `"hex":[…]` (decode-update --nlri-hex): the NLRIs are those bytes, each with
 * the path id its JSON element carries; the family JSON in `nlri` is then only read for path ids.
 */
function withHex(family: string, op: Record<string, unknown>): Record<string, unknown> {
  const hex = op.hex;
  if (hex === undefined) return op;
  if (!Array.isArray(hex) || !hex.every((h) => typeof h === 'string')) fail(`${family}: "hex" must be a list of NLRI hex strings`);
  const nlri = Array.isArray(op.nlri) ? op.nlri : [];
  if (nlri.length !== 0 && nlri.length !== hex.length) fail(`${family}: "hex" has ${hex.length} NLRIs, "nlri" ${nlri.length}`);
  const rest = { ...op };
  delete rest.hex;
  return {
    ...rest,
    nlri: (hex as string[]).map((h, i) => {
      const el = nlri[i];
      const id = isObject(el) ? el['path-id'] : undefined;
      return id === undefined ? { hex: h } : { hex: h, 'path-id': id };
    }),
  };
}

export function updateFromJson(doc: unknown, ctx: AttrContext, attributes: AttributeRegistry): BgpUpdate {
  const body = unwrap(doc);
  const attrs: PathAttribute[] = [];
  const update: BgpUpdate = { withdrawn: [], attributes: new PathAttributes(), nlri: [], problems: [], action: 'none', unicast: ctx.families.get('ipv4/unicast') };
  const attrObj = body.attr;
  if (attrObj !== undefined) {
    if (!isObject(attrObj)) fail('"attr" must be an object');
    for (const [k, v] of Object.entries(attrObj)) {
      // "<name>-hex" beside a lossy JSON form (decode-update --nlri-hex) gives the value bytes.
      if (k.endsWith('-hex') && attributes.byJsonName(k.slice(0, -4))) continue;
      const hexOfValue = attrObj[k + '-hex'];
      attrs.push(attribute(k, typeof hexOfValue === 'string' ? { raw: hexOfValue } : v, ctx, attributes));
    }
  }
  let reach: PathAttribute | undefined;
  let unreach: PathAttribute | undefined;
  const mpCodec = (code: number): AttributeCodec<any> => attributes.get(code) ?? fail(`no codec for attribute ${code}`);
  for (const [key, v] of Object.entries(body)) {
    if (!key.includes('/')) {
      if (key === 'attr' || key === 'errors' || key === 'end-of-rib') continue;
      fail(`unknown key "${key}" (expected "attr" or a family name)`);
    }
    const ops = opsOf(key, v);
    const count = { add: 0, del: 0 };
    for (const op of ops) if (op.action === 'add' || op.action === 'del') count[op.action]++;
    const seenOf = { add: 0, del: 0 };
    for (const op of ops) {
      const action = op.action;
      if (action !== 'add' && action !== 'del') fail(`${key}: "action" must be "add" or "del"`);
      // ipv4/unicast: the RFC 4271 fields, unless the next hop is not IPv4 (RFC 8950: MP_REACH) or
      // the family has two operations of one action (Ze's order: MP_REACH/MP_UNREACH first).
      const nth = seenOf[action]++;
      const nhText = op['next-hop'];
      const v4 = typeof nhText === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(nhText) && op['next-hop-field'] === undefined;
      const empty = !Array.isArray(op.nlri) || op.nlri.length === 0;
      // An announcement without NLRIs exists only as an MP_REACH (the RFC 4271 field has no such form).
      const legacy = key === 'ipv4/unicast' && !(count[action] > 1 && nth === 0) && !(action === 'add' && empty) && (action === 'del' || v4);
      if (legacy) {
        if (!update.unicast) fail('no ipv4/unicast codec registered');
        const mp = mpCodec(action === 'add' ? MP_REACH : MP_UNREACH).fromJson({ ...op, family: key, 'next-hop': action === 'add' ? op['next-hop'] : undefined }, ctx) as MpReach | MpUnreach;
        const list: NlriBase[] = [...mp.nlri];
        if (action === 'del') update.withdrawn.push(...list);
        else {
          update.nlri.push(...list);
          const nh = attributes.get(NEXT_HOP);
          if (!nh) fail('no NEXT_HOP codec registered');
          if (!attrs.some((a) => a.code === NEXT_HOP)) attrs.push(built(NEXT_HOP, nh.flags, nh.fromJson(op['next-hop'], ctx), nh));
        }
        continue;
      }
      const code = action === 'add' ? MP_REACH : MP_UNREACH;
      if ((code === MP_REACH ? reach : unreach) !== undefined) {
        fail(`more than one family ${action === 'add' ? 'announces' : 'withdraws'} routes: an UPDATE has one MP_${action === 'add' ? 'REACH' : 'UNREACH'}_NLRI (RFC 7606 §3 g)`);
      }
      const codec = mpCodec(code);
      const a = built(code, codec.flags, codec.fromJson({ ...op, family: key }, ctx), codec);
      if (code === MP_REACH) reach = a;
      else unreach = a;
    }
  }
  const eor = body['end-of-rib'];
  if (Array.isArray(eor)) {
    for (const f of eor) {
      if (typeof f !== 'string') continue;
      // RFC 4724 §2: the IPv4 unicast End-of-RIB is the empty UPDATE; with anything else in the
      // message it can only be an empty MP_UNREACH_NLRI.
      if (f === 'ipv4/unicast' && attrs.length === 0 && !reach && update.withdrawn.length === 0 && update.nlri.length === 0) continue;
      if (unreach) fail('end-of-rib and withdrawals in one UPDATE');
      const codec = mpCodec(MP_UNREACH);
      unreach = built(MP_UNREACH, codec.flags, codec.fromJson({ action: 'del', family: f, nlri: [] }, ctx), codec);
    }
  }
  attrs.sort((x, y) => x.code - y.code);
  const list = [...(reach ? [reach] : []), ...(unreach ? [unreach] : []), ...attrs];
  update.attributes = new PathAttributes(list);
  return update;
}

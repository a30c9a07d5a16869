/**
 * A whole UPDATE (RFC 4271 §4.3) from a parsed route: its path attributes plus the
 * MP_REACH_NLRI (RFC 4760 §3) around the NLRI, for the CLI to print what Ze would send. The
 * attributes stay in type-code order (MP_REACH_NLRI, type 14, takes its place among them).
 * Every family goes into MP_REACH_NLRI, ipv4/unicast too (RFC 4760 §3 allows it). `self` is the session's own address, known
 * only to Ze: give `selfAddress` or a route with an address.
 */
import { modelError, NlriError } from '../core/errors.js';
import { Writer } from '../core/writer.js';
import type { AttrContext } from '../attributes/attribute.js';
import { type BgpUpdate, type PathAttribute, PathAttributes } from '../update/model.js';
import { createSession, type Session } from '../index.js';
import { mpReach } from '../../attributes/mp/build.js';
import { mpReachNlri } from '../../attributes/mp/codecs.js';
import type { RouteSpec } from './args.js';

export interface BuildUpdateOptions {
  /** The address `next-hop self` stands for. */
  selfAddress?: string;
}

function attribute(codec: typeof mpReachNlri, value: unknown, ctx: AttrContext): PathAttribute {
  const n = codec.encodingLength(value as never, ctx);
  const w = new Writer(n);
  codec.encode(value as never, w, ctx);
  const raw = w.finish();
  return { flags: n > 255 ? codec.flags | 0x10 : codec.flags, code: codec.code, value, codec, raw, offset: -1 };
}

/** The UPDATE announcing `spec`; encode it with `encodeUpdate(u, session)`. Errors: `NlriError('invalid-model')`. */
export function buildUpdate(spec: RouteSpec, session?: Session, opts: BuildUpdateOptions = {}): BgpUpdate {
  const s = session ?? createSession();
  let nh = spec.nextHop ?? '';
  if (nh === 'self') {
    if (opts.selfAddress === undefined) modelError('next-hop self is not encodable: give next-hop <address> (or selfAddress)', spec.family);
    nh = opts.selfAddress;
  }
  let reach;
  try {
    reach = mpReach(spec.family, nh, [spec.nlri], s.ctx);
  } catch (e) {
    if (e instanceof NlriError) throw e.withFamily(spec.family);
    throw e;
  }
  const list = [...spec.attributes.filter((a) => a.code !== 14 && a.code !== 15 && a.code !== 3), attribute(mpReachNlri, reach, s.ctx)];
  list.sort((x, y) => x.code - y.code);
  return {
    withdrawn: [],
    attributes: new PathAttributes(list),
    nlri: [],
    problems: [],
    action: 'none',
    unicast: s.ctx.families.get('ipv4/unicast'),
  };
}

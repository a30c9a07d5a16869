/**
 * Prefix-SID from argument tokens, back to tokens, and builders (RFC 8669 §3.1-§3.2,
 * RFC 9252 §2-§3.2.1).
 *
 *   [prefix-sid] <tlv>...          (TLVs in the order given)
 *   <tlv> = label-index <N> [flags <N>]
 *         | srgb <base>:<range> [<base>:<range>]... [flags <N>]      (Originator SRGB TLV)
 *         | srv6-l3-service <sid> [behavior <N>] [sid-flags <N>] [structure <lb>,<ln>,<fn>,<arg>,<tl>,<to>]
 *         | srv6-l2-service <sid> ... (the same)
 *         | tlv <type> [<value hex>]                                    (any TLV, value as bytes)
 *
 * Ze's words are accepted too (Ze builds the attribute from config and update text but does not
 * decode it): the leading `bgp-prefix-sid` / `bgp-prefix-sid-srv6`, a bare label index
 * (`bgp-prefix-sid 777`), `( ... )` around the SRv6 form, `l3-service` / `l2-service`, a
 * behavior given as `0x48` right after the SID, and a structure given as `[64,24,16,0,0,0]`.
 * Numbers are decimal or `0x` hex.
 * Each SRv6 TLV written from args carries one SRv6 SID Information sub-TLV with at most one
 * SID Structure sub-sub-TLV; anything else comes back from `toArgs` as `tlv <type> <hex>`.
 */
import { argsError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipv6ToString, parseAddr } from '../../src/core/ip.js';
import { Writer } from '../../src/core/writer.js';
import { isRaw, type PrefixSid, type PrefixSidTlv, type SidStructure, type SrgbRange, type Srv6ServiceTlv } from './model.js';
import { encodePrefixSid, prefixSidLength } from './wire.js';

function numArg(s: string | undefined, max: number, what: string): number {
  if (s === undefined) argsError(`prefix-sid: missing value for ${what}`);
  const ok = /^[0-9]+$/.test(s) || /^0[xX][0-9A-Fa-f]+$/.test(s);
  const v = ok ? Number(s) : NaN;
  if (!Number.isSafeInteger(v) || v > max) argsError(`prefix-sid: invalid ${what} ${JSON.stringify(s)}: want an integer 0..${max}`);
  return v;
}

const isHex = (s: string | undefined): boolean => s !== undefined && s.length % 2 === 0 && /^[0-9A-Fa-f]+$/.test(s);

function structureArg(s: string | undefined): SidStructure {
  if (s === undefined) argsError('prefix-sid: missing value for structure');
  const body = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  const parts = body.split(',');
  if (parts.length !== 6) argsError(`prefix-sid: invalid structure ${JSON.stringify(s)}: want 6 comma-separated lengths`);
  const v = parts.map((p) => numArg(p.trim(), 0xff, 'structure length'));
  return { type: 1, locatorBlockLength: v[0]!, locatorNodeLength: v[1]!, functionLength: v[2]!, argumentLength: v[3]!, transpositionLength: v[4]!, transpositionOffset: v[5]! };
}

const SRV6_WORDS: Readonly<Record<string, 5 | 6>> = { 'srv6-l3-service': 5, 'l3-service': 5, 'srv6-l2-service': 6, 'l2-service': 6 };

const LEADING = new Set(['prefix-sid', 'bgp-prefix-sid', 'bgp-prefix-sid-srv6']);

export function prefixSidFromArgs(input: readonly string[]): PrefixSid {
  // Ze's update text wraps the SRv6 form in parentheses: `bgp-prefix-sid-srv6 ( l3-service ... )`.
  const args = input.some((t) => t === '(' || t === ')') ? input.filter((t) => t !== '(' && t !== ')') : input;
  let i = args[0] !== undefined && LEADING.has(args[0]) ? 1 : 0;
  if (i >= args.length) argsError('prefix-sid: no TLV (label-index, srgb, srv6-l3-service, srv6-l2-service, tlv)');
  const tlvs: PrefixSidTlv[] = [];
  while (i < args.length) {
    const k = args[i++]!;
    // Ze's `bgp-prefix-sid 777`: a bare number is a label index.
    if (k === 'label-index' || /^[0-9]+$/.test(k)) {
      const labelIndex = numArg(k === 'label-index' ? args[i++] : k, 0xffffffff, 'label-index');
      let flags = 0;
      if (args[i] === 'flags') {
        i++;
        flags = numArg(args[i++], 0xffff, 'label-index flags');
      }
      tlvs.push({ type: 1, reserved: 0, flags, labelIndex });
    } else if (k === 'srgb') {
      const srgb: SrgbRange[] = [];
      while (i < args.length && /^[^:]+:[^:]+$/.test(args[i]!)) {
        const [b, r] = args[i++]!.split(':');
        srgb.push({ base: numArg(b, 0xffffff, 'srgb base'), range: numArg(r, 0xffffff, 'srgb range') });
      }
      if (srgb.length === 0) argsError(`prefix-sid: srgb wants <base>:<range>, got ${JSON.stringify(args[i] ?? '')}`);
      let flags = 0;
      if (args[i] === 'flags') {
        i++;
        flags = numArg(args[i++], 0xffff, 'srgb flags');
      }
      tlvs.push({ type: 3, flags, srgb });
    } else if (SRV6_WORDS[k] !== undefined) {
      const sidText = args[i++];
      const a = sidText === undefined ? 'missing' : parseAddr(sidText);
      if (typeof a === 'string' || !a.v6) argsError(`prefix-sid: ${k} wants an IPv6 SID, got ${JSON.stringify(sidText ?? '')}`);
      let behavior = 0;
      let sidFlags = 0;
      let structure: SidStructure | undefined;
      if (args[i] !== undefined && /^0[xX]/.test(args[i]!)) behavior = numArg(args[i++], 0xffff, 'behavior');
      if (args[i] !== undefined && args[i]!.startsWith('[')) structure = structureArg(args[i++]);
      for (;;) {
        const o = args[i];
        if (o === 'behavior') behavior = numArg(args[i + 1], 0xffff, 'behavior');
        else if (o === 'sid-flags') sidFlags = numArg(args[i + 1], 0xff, 'sid-flags');
        else if (o === 'structure') structure = structureArg(args[i + 1]);
        else break;
        i += 2;
      }
      tlvs.push({
        type: SRV6_WORDS[k]!,
        reserved: 0,
        subTlvs: [{ type: 1, reserved1: 0, sid: a.bytes, sidFlags, behavior, reserved2: 0, subSubTlvs: structure ? [structure] : [] }],
      });
    } else if (k === 'tlv') {
      const type = numArg(args[i++], 0xff, 'tlv type');
      const raw = isHex(args[i]) ? fromHex(args[i++]!) : new Uint8Array(0);
      tlvs.push({ type, raw });
    } else {
      argsError(`prefix-sid: unexpected ${JSON.stringify(k)}`);
    }
  }
  return { tlvs };
}

function rawTokens(t: PrefixSidTlv): string[] {
  const m: PrefixSid = { tlvs: [t] };
  const w = new Writer(prefixSidLength(m));
  encodePrefixSid(m, w);
  const h = toHex(w.finish(), 3);
  return h === '' ? ['tlv', String(t.type)] : ['tlv', String(t.type), h];
}

function srv6Tokens(t: Srv6ServiceTlv): string[] | undefined {
  const s = t.subTlvs[0];
  if (t.reserved !== 0 || t.subTlvs.length !== 1 || s === undefined || isRaw(s) || s.reserved1 !== 0 || s.reserved2 !== 0) return undefined;
  if (s.subSubTlvs.length > 1 || (s.subSubTlvs[0] !== undefined && isRaw(s.subSubTlvs[0]))) return undefined;
  const out = [t.type === 5 ? 'srv6-l3-service' : 'srv6-l2-service', ipv6ToString(s.sid), 'behavior', String(s.behavior)];
  if (s.sidFlags !== 0) out.push('sid-flags', String(s.sidFlags));
  const st = s.subSubTlvs[0] as SidStructure | undefined;
  if (st) {
    out.push('structure', [st.locatorBlockLength, st.locatorNodeLength, st.functionLength, st.argumentLength, st.transpositionLength, st.transpositionOffset].join(','));
  }
  return out;
}

export function prefixSidToArgs(m: PrefixSid): string[] {
  const out: string[] = [];
  for (const t of m.tlvs) {
    if (isRaw(t)) {
      out.push(...rawTokens(t));
      continue;
    }
    switch (t.type) {
      case 1:
        if (t.reserved !== 0) out.push(...rawTokens(t));
        else {
          out.push('label-index', String(t.labelIndex));
          if (t.flags !== 0) out.push('flags', String(t.flags));
        }
        break;
      case 3:
        if (t.srgb.length === 0) out.push(...rawTokens(t));
        else {
          out.push('srgb', ...t.srgb.map((g) => `${g.base}:${g.range}`));
          if (t.flags !== 0) out.push('flags', String(t.flags));
        }
        break;
      default:
        out.push(...(srv6Tokens(t) ?? rawTokens(t)));
    }
  }
  return out;
}

// ---- builders ----

/** RFC 8669 §3.1 Label-Index TLV, with an Originator SRGB TLV (§3.2) when `srgb` is given. */
export function labelIndexSid(labelIndex: number, opts: { flags?: number; srgb?: ReadonlyArray<readonly [number, number]> } = {}): PrefixSid {
  const tlvs: PrefixSidTlv[] = [{ type: 1, reserved: 0, flags: opts.flags ?? 0, labelIndex }];
  if (opts.srgb && opts.srgb.length > 0) tlvs.push({ type: 3, flags: 0, srgb: opts.srgb.map(([base, range]) => ({ base, range })) });
  return { tlvs };
}

export interface Srv6Options {
  /** SRv6 SID Flags (RFC 9252 §3.1). */
  sidFlags?: number;
  /** SID structure lengths [locator block, locator node, function, argument, transposition length, transposition offset]. */
  structure?: readonly [number, number, number, number, number, number];
}

function srv6(type: 5 | 6, sid: string, behavior: number, opts: Srv6Options): PrefixSid {
  const a = parseAddr(sid);
  if (typeof a === 'string' || !a.v6) argsError(`prefix-sid: SRv6 SID ${JSON.stringify(sid)} is not an IPv6 address`);
  const st = opts.structure;
  const subSubTlvs: SidStructure[] = st
    ? [{ type: 1, locatorBlockLength: st[0], locatorNodeLength: st[1], functionLength: st[2], argumentLength: st[3], transpositionLength: st[4], transpositionOffset: st[5] }]
    : [];
  return { tlvs: [{ type, reserved: 0, subTlvs: [{ type: 1, reserved1: 0, sid: a.bytes, sidFlags: opts.sidFlags ?? 0, behavior, reserved2: 0, subSubTlvs }] }] };
}

/** RFC 9252 §2 SRv6 L3 Service TLV with one SID Information sub-TLV (behavior: RFC 8986 §10.2 code point). */
export function srv6L3Service(sid: string, behavior: number, opts: Srv6Options = {}): PrefixSid {
  return srv6(5, sid, behavior, opts);
}

/** RFC 9252 §2 SRv6 L2 Service TLV (EVPN, RFC 9252 §6). */
export function srv6L2Service(sid: string, behavior: number, opts: Srv6Options = {}): PrefixSid {
  return srv6(6, sid, behavior, opts);
}

/** Several Prefix-SID values' TLVs in one attribute, in order. */
export function prefixSid(...parts: PrefixSid[]): PrefixSid {
  return { tlvs: parts.flatMap((p) => p.tlvs) };
}

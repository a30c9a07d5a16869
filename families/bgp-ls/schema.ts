/**
 * The boundary check for BGP-LS models built by users (zod): shapes, ranges and octet counts of
 * every field of model.ts, with friendly inputs turned into the model's forms (addresses as text,
 * the identifier as a number or decimal text, RDs as text). Decoding never goes through here; the
 * codecs trust models they made themselves.
 */
import { z } from 'zod';
import { modelError } from '../../src/core/errors.js';
import { parseAddr, parsePrefix } from '../../src/core/ip.js';
import { parseRd } from '../../src/core/rd.js';
import { encode } from '../../src/registry/ops.js';
import { bgpLs, bgpLsSpf, bgpLsVpn } from './codecs.js';
import type { BgpLsModel, BgpLsNlri } from './model.js';

const u8 = z.number().int().min(0).max(0xff);
const u16 = z.number().int().min(0).max(0xffff);
const u32 = z.number().int().min(0).max(0xffffffff);
const bytes = z.instanceof(Uint8Array);
const sized = (n: number) => bytes.refine((b) => b.length === n, `must be ${n} octets`);

/** An address: `n` octets, or IPv4 (n = 4) / IPv6 (n = 16) text. */
const addr = (n: 4 | 16) =>
  z.union([
    sized(n),
    z.string().transform((s, ctx) => {
      const a = parseAddr(s);
      if (typeof a === 'string' || a.bytes.length !== n) {
        ctx.addIssue({ code: 'custom', message: typeof a === 'string' ? a : `${s} is not an IPv${n === 4 ? 4 : 6} address` });
        return z.NEVER;
      }
      return a.bytes;
    }),
  ]);

const u64 = z
  .union([z.bigint(), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[0-9]+$/)])
  .transform((v) => BigInt(v))
  .refine((v) => v >= 0n && v <= 0xffffffffffffffffn, 'must be 0..2^64-1');

const rawTlv = z.object({ kind: z.literal('tlv'), type: u16, value: bytes.refine((b) => b.length <= 0xffff, 'longer than 65535 octets') });

const descriptor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('as'), asn: u32 }),
  z.object({ kind: z.literal('bgp-ls-id'), id: u32 }),
  z.object({ kind: z.literal('ospf-area-id'), area: u32 }),
  z.object({ kind: z.literal('igp-router-id'), id: z.union([bytes.refine((b) => [4, 6, 7, 8].includes(b.length), 'must be 4, 6, 7 or 8 octets'), addr(4)]) }),
  z.object({ kind: z.literal('bgp-router-id'), id: addr(4) }),
  z.object({ kind: z.literal('member-asn'), asn: u32 }),
  z.object({ kind: z.literal('srv6-sid'), sid: addr(16) }),
  // RFC 9857 §4.1: the E/O flags say the address lengths; encode checks they agree.
  z
    .object({
      kind: z.literal('sr-policy-cp'),
      protocolOrigin: u8,
      flags: u8.optional(),
      reserved: u16.default(0),
      endpoint: z.union([addr(4), addr(16)]),
      color: u32,
      originatorAsn: u32,
      originator: z.union([addr(4), addr(16)]),
      discriminator: u32,
    })
    .transform((t) => ({ ...t, flags: t.flags ?? ((t.endpoint.length === 16 ? 0x80 : 0) | (t.originator.length === 16 ? 0x40 : 0)) })),
  z.object({ kind: z.literal('af-link'), af: u8 }),
  rawTlv,
]);

const nodeDescriptors = z.object({
  kind: z.enum(['local-node', 'remote-node']),
  descriptors: z.array(descriptor),
  trailing: bytes.optional(),
});

const ipReachability = z
  .object({ kind: z.literal('ip-reachability'), length: u8.optional(), addr: bytes.optional(), prefix: z.string().optional() })
  .transform((t, ctx) => {
    if (t.prefix !== undefined) {
      const p = parsePrefix(t.prefix);
      if (typeof p !== 'string') return { kind: 'ip-reachability' as const, length: p.len, addr: p.bytes.subarray(0, (p.len + 7) >>> 3) };
      ctx.addIssue({ code: 'custom', path: ['prefix'], message: p });
    } else if (t.length !== undefined && t.addr !== undefined && t.addr.length >= (t.length + 7) >>> 3) {
      return { kind: 'ip-reachability' as const, length: t.length, addr: t.addr };
    } else ctx.addIssue({ code: 'custom', message: 'needs prefix text, or length and ceil(length/8) octets of addr' });
    return z.NEVER;
  });

const tlv = z.discriminatedUnion('kind', [
  nodeDescriptors,
  z.object({ kind: z.literal('link-id'), local: u32, remote: u32 }),
  z.object({ kind: z.enum(['ipv4-interface', 'ipv4-neighbor']), addr: addr(4) }),
  z.object({ kind: z.enum(['ipv6-interface', 'ipv6-neighbor']), addr: addr(16) }),
  z.object({ kind: z.literal('mt-id'), ids: z.array(u16) }),
  z.object({ kind: z.literal('ospf-route-type'), routeType: u8 }),
  ipReachability,
  z.object({ kind: z.literal('srv6-sid'), sid: addr(16) }),
  // RFC 9857 §4.1: the E/O flags say the address lengths; encode checks they agree.
  z
    .object({
      kind: z.literal('sr-policy-cp'),
      protocolOrigin: u8,
      flags: u8.optional(),
      reserved: u16.default(0),
      endpoint: z.union([addr(4), addr(16)]),
      color: u32,
      originatorAsn: u32,
      originator: z.union([addr(4), addr(16)]),
      discriminator: u32,
    })
    .transform((t) => ({ ...t, flags: t.flags ?? ((t.endpoint.length === 16 ? 0x80 : 0) | (t.originator.length === 16 ? 0x40 : 0)) })),
  z.object({ kind: z.literal('af-link'), af: u8 }),
  rawTlv,
]);

export const BgpLsNlriSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['node', 'link', 'prefix-v4', 'prefix-v6', 'sr-policy-cp', 'srv6-sid']),
    protocolId: u8,
    identifier: u64,
    rd: z.union([sized(8), z.string().transform((s) => parseRd(s))]).optional(),
    tlvs: z.array(tlv),
    trailing: bytes.optional(),
    pathId: u32.optional(),
  }),
  z.object({ kind: z.literal('unparsed'), raw: bytes, pathId: u32.optional() }),
]);

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  errors?: Issue[][];
}

/** The first issue as `path: message`, looking inside union branches for the real cause. */
function describe(issue: Issue, base: PropertyKey[]): string {
  const path = [...base, ...issue.path];
  const inner = issue.errors?.find((e) => e.length > 0)?.[0];
  if (issue.code === 'invalid_union' && inner) return describe(inner, path);
  return `${path.map(String).join('.') || 'model'}: ${issue.message}`;
}

/** Check a user-built model (zod); throws `NlriError('invalid-model')` naming the bad field. */
export function parseBgpLsNlri(input: unknown): BgpLsModel {
  let r;
  try {
    r = BgpLsNlriSchema.safeParse(input);
  } catch (e) {
    // parseRd throws an NlriError('invalid-args') for bad RD text
    return modelError(`rd: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!r.success) return modelError(describe(r.error.issues[0]!, []));
  return r.data as BgpLsNlri;
}

/**
 * Encode a user-built NLRI after checking it. The family follows from `rd` (VPN when present)
 * unless given.
 */
export function encodeBgpLsNlri(input: unknown, family?: 'bgp-ls/bgp-ls' | 'bgp-ls/bgp-ls-vpn' | 'bgp-ls/bgp-ls-spf'): Uint8Array {
  const m = parseBgpLsNlri(input);
  if (family === 'bgp-ls/bgp-ls-spf') return encode(bgpLsSpf, m);
  const vpn = family ? family === 'bgp-ls/bgp-ls-vpn' : m.kind !== 'unparsed' && m.rd !== undefined;
  return encode(vpn ? bgpLsVpn : bgpLs, m);
}

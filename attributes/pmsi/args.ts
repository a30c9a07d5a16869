/**
 * PMSI_TUNNEL from argument tokens, back to tokens, and builders (RFC 6514 §5; RFC 7432 §11.2
 * for EVPN Inclusive Multicast routes; RFC 8365 §5.1.3 for the VNI form of the label field).
 *
 *   [pmsi] <tunnel> [label <N> | vni <N>] [leaf-info-required] [flags <N>]
 *   <tunnel> = ingress-replication <ip>
 *            | rsvp-te-p2mp <extended-tunnel-id ip> <tunnel-id> <p2mp-id> [reserved <N>]
 *            | mldp-p2mp <root ip> [lsp-id <N>]... [opaque <type> <hex>]... [fec-type <N>]
 *            | mldp-mp2mp <root ip> (the same options; FEC type 7 unless fec-type says)
 *            | pim-ssm <root> <group> | pim-sm <sender> <group> | bidir-pim <sender> <group>
 *            | no-tunnel-info
 *            | type <N> [<identifier hex>]            (any type, identifier as bytes)
 *
 * `label N` writes N << 4 (the 20-bit label in the high-order bits, low bits 0); `vni N` writes
 * the 24-bit value as is. Ze has no PMSI words (it neither builds nor parses the attribute at
 * f09f9ac2), so the grammar follows ExaBGP / GoBGP's `pmsi ingress-replication <ip> label N`.
 */
import { argsError } from '../../src/core/errors.js';
import { fromHex, toHex } from '../../src/core/hex.js';
import { ipToString, parseAddr } from '../../src/core/ip.js';
import { uintArg } from '../../src/core/bgp.js';
import { Writer } from '../../src/core/writer.js';
import {
  FLAG_LEAF_INFO_REQUIRED,
  type MldpOpaque,
  type PmsiTunnel,
  type PmsiTunnelId,
  TUNNEL_BIDIR_PIM,
  TUNNEL_INGRESS_REPLICATION,
  TUNNEL_MLDP_MP2MP,
  TUNNEL_MLDP_P2MP,
  TUNNEL_NONE,
  TUNNEL_PIM_SM,
  TUNNEL_PIM_SSM,
  TUNNEL_RSVP_TE_P2MP,
  TUNNEL_TYPE_NAMES,
} from './model.js';
import { encodePmsi, pmsiLength } from './wire.js';

const WORDS: Readonly<Record<string, number>> = {
  'no-tunnel-info': TUNNEL_NONE,
  'rsvp-te-p2mp': TUNNEL_RSVP_TE_P2MP,
  'mldp-p2mp': TUNNEL_MLDP_P2MP,
  'pim-ssm': TUNNEL_PIM_SSM,
  'pim-sm': TUNNEL_PIM_SM,
  'bidir-pim': TUNNEL_BIDIR_PIM,
  'ingress-replication': TUNNEL_INGRESS_REPLICATION,
  'mldp-mp2mp': TUNNEL_MLDP_MP2MP,
};

function ipArg(s: string | undefined, what: string): Uint8Array {
  if (s === undefined) argsError(`pmsi: missing ${what}`);
  const a = parseAddr(s);
  if (typeof a === 'string') argsError(`pmsi: invalid ${what} ${JSON.stringify(s)}: ${a}`);
  return a.bytes;
}

function num(s: string | undefined, bits: number, what: string): number {
  if (s === undefined) argsError(`pmsi: missing value for ${what}`);
  return uintArg(s, bits, `pmsi ${what}`);
}

function hexArg(s: string | undefined, what: string): Uint8Array {
  if (s === undefined) argsError(`pmsi: missing ${what}`);
  if (s.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(s)) argsError(`pmsi: invalid ${what} ${JSON.stringify(s)}: want hex`);
  return fromHex(s);
}

const isHex = (s: string | undefined): boolean => s !== undefined && s.length % 2 === 0 && /^[0-9A-Fa-f]+$/.test(s);

function u32Bytes(v: number): Uint8Array {
  return new Uint8Array([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
}

export function pmsiFromArgs(args: readonly string[]): PmsiTunnel {
  let i = 0;
  if (args[0] === 'pmsi' || args[0] === 'pmsi-tunnel') i++;
  const word = args[i++];
  if (word === undefined) argsError('pmsi: missing tunnel type (ingress-replication, rsvp-te-p2mp, mldp-p2mp, mldp-mp2mp, pim-ssm, pim-sm, bidir-pim, no-tunnel-info, type <N>)');
  let tunnelType: number;
  let tunnel: PmsiTunnelId;
  if (word === 'type') {
    tunnelType = num(args[i++], 8, 'type');
    tunnel = { kind: 'raw', bytes: isHex(args[i]) ? hexArg(args[i++], 'tunnel identifier') : new Uint8Array(0) };
  } else {
    const t = WORDS[word];
    if (t === undefined) argsError(`pmsi: unknown tunnel type ${JSON.stringify(word)}`);
    tunnelType = t;
    switch (t) {
      case TUNNEL_INGRESS_REPLICATION:
        tunnel = { kind: 'ingress-replication', endpoint: ipArg(args[i++], 'tunnel endpoint address') };
        break;
      case TUNNEL_RSVP_TE_P2MP: {
        const ext = ipArg(args[i++], 'extended tunnel id address');
        const tunnelId = num(args[i++], 16, 'tunnel-id');
        const p2mpId = num(args[i++], 32, 'p2mp-id');
        tunnel = { kind: 'rsvp-te-p2mp', p2mpId, reserved: 0, tunnelId, extendedTunnelId: ext };
        break;
      }
      case TUNNEL_MLDP_P2MP:
      case TUNNEL_MLDP_MP2MP: {
        const root = ipArg(args[i++], 'mLDP root address');
        tunnel = { kind: 'mldp', fecType: t === TUNNEL_MLDP_P2MP ? 6 : 7, addressFamily: root.length === 4 ? 1 : 2, root, opaque: [] };
        break;
      }
      case TUNNEL_PIM_SSM:
      case TUNNEL_PIM_SM:
      case TUNNEL_BIDIR_PIM: {
        const sender = ipArg(args[i++], 'sender address');
        const group = ipArg(args[i++], 'group address');
        if (sender.length !== group.length) argsError('pmsi: sender and group must both be IPv4 or both IPv6');
        tunnel = { kind: 'pim', sender, group };
        break;
      }
      default:
        tunnel = { kind: 'raw', bytes: new Uint8Array(0) };
    }
  }
  let flags = 0;
  let labelField = 0;
  const opaque: MldpOpaque[] = [];
  let fecType: number | undefined;
  let reserved: number | undefined;
  while (i < args.length) {
    const k = args[i++]!;
    switch (k) {
      case 'label':
        labelField = num(args[i++], 20, 'label') << 4;
        break;
      case 'vni':
      case 'label-field':
        labelField = num(args[i++], 24, k);
        break;
      case 'leaf-info-required':
        flags |= FLAG_LEAF_INFO_REQUIRED;
        break;
      case 'flags':
        flags = num(args[i++], 8, 'flags');
        break;
      case 'lsp-id':
      case 'opaque':
      case 'fec-type':
        if (tunnel.kind !== 'mldp') argsError(`pmsi: ${k} is only for mldp-p2mp / mldp-mp2mp`);
        if (k === 'lsp-id') opaque.push({ type: 1, value: u32Bytes(num(args[i++], 32, 'lsp-id')) });
        else if (k === 'opaque') {
          const type = num(args[i++], 8, 'opaque type');
          opaque.push({ type, value: hexArg(args[i++], 'opaque value') });
        } else fecType = num(args[i++], 8, 'fec-type');
        break;
      case 'reserved':
        if (tunnel.kind !== 'rsvp-te-p2mp') argsError('pmsi: reserved is only for rsvp-te-p2mp');
        reserved = num(args[i++], 16, 'reserved');
        break;
      default:
        argsError(`pmsi: unexpected ${JSON.stringify(k)}`);
    }
  }
  if (tunnel.kind === 'mldp') tunnel = { ...tunnel, opaque, fecType: fecType ?? tunnel.fecType };
  if (tunnel.kind === 'rsvp-te-p2mp' && reserved !== undefined) tunnel = { ...tunnel, reserved };
  return { flags, tunnelType, labelField, tunnel };
}

function ip(b: Uint8Array): string {
  return ipToString(b.length === 16, b);
}

/** The identifier's bytes, through the encoder (for the `type <N> <hex>` fallback). */
function identifierHex(m: PmsiTunnel): string {
  const w = new Writer(pmsiLength(m));
  encodePmsi(m, w);
  return toHex(w.finish(), 5);
}

function tunnelTokens(m: PmsiTunnel): string[] {
  const t = m.tunnel;
  const word = TUNNEL_TYPE_NAMES[m.tunnelType];
  const raw = (): string[] => {
    const h = identifierHex(m);
    return h === '' ? ['type', String(m.tunnelType)] : ['type', String(m.tunnelType), h];
  };
  if (word === undefined) return raw();
  switch (t.kind) {
    case 'ingress-replication':
      return [word, ip(t.endpoint)];
    case 'rsvp-te-p2mp': {
      const out = [word, ip(t.extendedTunnelId), String(t.tunnelId), String(t.p2mpId)];
      if (t.reserved !== 0) out.push('reserved', String(t.reserved));
      return out;
    }
    case 'pim':
      return [word, ip(t.sender), ip(t.group)];
    case 'mldp': {
      const af = t.root.length === 4 ? 1 : t.root.length === 16 ? 2 : 0;
      if (af === 0 || af !== t.addressFamily || t.opaque.some((e) => e.value.length === 0)) return raw();
      const out = [word, ip(t.root)];
      for (const e of t.opaque) {
        if (e.type === 1 && e.value.length === 4) out.push('lsp-id', String(((e.value[0]! << 24) | (e.value[1]! << 16) | (e.value[2]! << 8) | e.value[3]!) >>> 0));
        else out.push('opaque', String(e.type), toHex(e.value));
      }
      if (t.fecType !== (m.tunnelType === TUNNEL_MLDP_P2MP ? 6 : 7)) out.push('fec-type', String(t.fecType));
      return out;
    }
    default:
      return m.tunnelType === TUNNEL_NONE && t.bytes.length === 0 ? [word] : raw();
  }
}

export function pmsiToArgs(m: PmsiTunnel): string[] {
  const out = tunnelTokens(m);
  if (m.labelField !== 0) {
    if ((m.labelField & 0xf) === 0) out.push('label', String(m.labelField >>> 4));
    else out.push('vni', String(m.labelField));
  }
  if (m.flags === FLAG_LEAF_INFO_REQUIRED) out.push('leaf-info-required');
  else if (m.flags !== 0) out.push('flags', String(m.flags));
  return out;
}

// ---- builders ----

function addrOrThrow(s: string, what: string): Uint8Array {
  return ipArg(s, what);
}

function labelBits(label: number): number {
  if (!Number.isInteger(label) || label < 0 || label > 0xfffff) argsError(`pmsi: label ${label} is not a 20-bit MPLS label`);
  return label << 4;
}

/**
 * Ingress Replication (RFC 6514 §5, RFC 7432 §11.2): the tunnel endpoint is the originating
 * router's IP address; `label` is the downstream-assigned MPLS label (written as label << 4).
 */
export function ingressReplication(endpoint: string, label: number, opts: { flags?: number } = {}): PmsiTunnel {
  return { flags: opts.flags ?? 0, tunnelType: TUNNEL_INGRESS_REPLICATION, labelField: labelBits(label), tunnel: { kind: 'ingress-replication', endpoint: addrOrThrow(endpoint, 'tunnel endpoint address') } };
}

/** Ingress Replication for VXLAN (RFC 8365 §5.1.3): the label field carries the 24-bit VNI. */
export function ingressReplicationVni(endpoint: string, vni: number): PmsiTunnel {
  if (!Number.isInteger(vni) || vni < 0 || vni > 0xffffff) argsError(`pmsi: VNI ${vni} is not a 24-bit value`);
  return { flags: 0, tunnelType: TUNNEL_INGRESS_REPLICATION, labelField: vni, tunnel: { kind: 'ingress-replication', endpoint: addrOrThrow(endpoint, 'tunnel endpoint address') } };
}

/** RSVP-TE P2MP LSP (RFC 6514 §5, RFC 4875 §19.1). */
export function rsvpTeP2mp(extendedTunnelId: string, tunnelId: number, p2mpId: number, label = 0): PmsiTunnel {
  return { flags: 0, tunnelType: TUNNEL_RSVP_TE_P2MP, labelField: labelBits(label), tunnel: { kind: 'rsvp-te-p2mp', p2mpId, reserved: 0, tunnelId, extendedTunnelId: addrOrThrow(extendedTunnelId, 'extended tunnel id') } };
}

/** mLDP P2MP (fec type 6) or MP2MP (fec type 7) with a Generic LSP Identifier (RFC 6388 §2.2, §2.3.1). */
export function mldp(mp2mp: boolean, root: string, lspId: number, label = 0): PmsiTunnel {
  const r = addrOrThrow(root, 'mLDP root address');
  return {
    flags: 0,
    tunnelType: mp2mp ? TUNNEL_MLDP_MP2MP : TUNNEL_MLDP_P2MP,
    labelField: labelBits(label),
    tunnel: { kind: 'mldp', fecType: mp2mp ? 7 : 6, addressFamily: r.length === 4 ? 1 : 2, root: r, opaque: [{ type: 1, value: u32Bytes(lspId) }] },
  };
}

/** PIM-SSM / PIM-SM / BIDIR-PIM tree <sender, group> (RFC 6514 §5). */
export function pimTree(type: 'pim-ssm' | 'pim-sm' | 'bidir-pim', sender: string, group: string, label = 0): PmsiTunnel {
  const s = addrOrThrow(sender, 'sender address');
  const g = addrOrThrow(group, 'group address');
  if (s.length !== g.length) argsError('pmsi: sender and group must both be IPv4 or both IPv6');
  return { flags: 0, tunnelType: WORDS[type]!, labelField: labelBits(label), tunnel: { kind: 'pim', sender: s, group: g } };
}

/** "No tunnel information present" (RFC 6514 §5), by default with Leaf Information Required set. */
export function noTunnelInfo(leafInfoRequired = true): PmsiTunnel {
  return { flags: leafInfoRequired ? FLAG_LEAF_INFO_REQUIRED : 0, tunnelType: TUNNEL_NONE, labelField: 0, tunnel: { kind: 'raw', bytes: new Uint8Array(0) } };
}

/**
 * MCAST-VPN NLRI → JSON text (RFC 6514 §4 fields).
 *
 * Ze prints only `{"rd":…,"route-type":N}`, its RD taken from the first 8 payload bytes of any
 * route type (`0:0:0` when there are fewer). ze-nlri keeps both keys and adds the RFC 6514
 * fields in sorted position: `group`, `name`, `originator`, `raw`, `route-key`, `source`,
 * `source-as`. Where Ze's RD is right (types 1-3 and 5-7) the value is Ze's; for a Leaf A-D
 * route (type 4), whose payload starts with a route key, not an RD, `rd` is the RD of the
 * route key (RFC 6514 §4.4), where Ze prints the key's type and length bytes as an RD.
 * A payload kept whole prints Ze's `rd` and the payload as `raw` (upper-case hex), so the JSON
 * carries every byte.
 */
import type { JsonWriter } from '../../src/core/json.js';
import { toHex } from '../../src/core/hex.js';
import { ipv4ToString, ipv6ToString } from '../../src/core/ip.js';
import { rdToString } from '../../src/core/rd.js';
import { MVPN_TYPE_NAMES, type MvpnRoute } from './model.js';

const ZERO_RD = new Uint8Array(8);

/** Address text: IPv4, IPv6 (Go netip form), or `*` for an RFC 6625 wildcard (no bytes). */
export function mvpnAddrToString(a: Uint8Array): string {
  if (a.length === 0) return '*';
  return a.length === 4 ? ipv4ToString(a) : ipv6ToString(a);
}

/** The RD text of a route as the `rd` key shows it. */
export function mvpnRdText(m: MvpnRoute): string {
  switch (m.kind) {
    case 'leaf-ad':
      return mvpnRdText(m.routeKey);
    case 'raw':
      // Ze's rule: the first 8 payload bytes, or the zero RD when there are fewer.
      return rdToString(m.raw.length >= 8 ? m.raw : ZERO_RD);
    default:
      return rdToString(m.rd);
  }
}

export function writeMvpnJson(m: MvpnRoute, j: JsonWriter): void {
  j.beginObject();
  switch (m.kind) {
    case 'intra-as-i-pmsi-ad':
      j.keyRaw('name').stringRaw(m.kind);
      j.keyRaw('originator').stringRaw(mvpnAddrToString(m.originator));
      j.keyRaw('rd').stringRaw(rdToString(m.rd));
      j.keyRaw('route-type').number(1);
      break;
    case 'inter-as-i-pmsi-ad':
      j.keyRaw('name').stringRaw(m.kind);
      j.keyRaw('rd').stringRaw(rdToString(m.rd));
      j.keyRaw('route-type').number(2);
      j.keyRaw('source-as').number(m.sourceAs);
      break;
    case 's-pmsi-ad':
      j.keyRaw('group').stringRaw(mvpnAddrToString(m.group));
      j.keyRaw('name').stringRaw(m.kind);
      j.keyRaw('originator').stringRaw(mvpnAddrToString(m.originator));
      j.keyRaw('rd').stringRaw(rdToString(m.rd));
      j.keyRaw('route-type').number(3);
      j.keyRaw('source').stringRaw(mvpnAddrToString(m.source));
      break;
    case 'leaf-ad':
      j.keyRaw('name').stringRaw(m.kind);
      j.keyRaw('originator').stringRaw(mvpnAddrToString(m.originator));
      j.keyRaw('rd').stringRaw(mvpnRdText(m.routeKey));
      j.keyRaw('route-key');
      writeMvpnJson(m.routeKey, j);
      j.keyRaw('route-type').number(4);
      break;
    case 'source-active':
      j.keyRaw('group').stringRaw(mvpnAddrToString(m.group));
      j.keyRaw('name').stringRaw(m.kind);
      j.keyRaw('rd').stringRaw(rdToString(m.rd));
      j.keyRaw('route-type').number(5);
      j.keyRaw('source').stringRaw(mvpnAddrToString(m.source));
      break;
    case 'shared-tree-join':
    case 'source-tree-join':
      j.keyRaw('group').stringRaw(mvpnAddrToString(m.group));
      j.keyRaw('name').stringRaw(m.kind);
      j.keyRaw('rd').stringRaw(rdToString(m.rd));
      j.keyRaw('route-type').number(m.type);
      j.keyRaw('source').stringRaw(mvpnAddrToString(m.source));
      j.keyRaw('source-as').number(m.sourceAs);
      break;
    case 'raw': {
      const name = MVPN_TYPE_NAMES[m.type];
      if (name !== undefined) j.keyRaw('name').stringRaw(name);
      j.keyRaw('raw').stringRaw(toHex(m.raw));
      j.keyRaw('rd').stringRaw(mvpnRdText(m));
      j.keyRaw('route-type').number(m.type);
      break;
    }
  }
  j.endObject();
}

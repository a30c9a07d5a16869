/**
 * Whole UPDATEs carrying TUNNEL_ENCAPSULATION through src/update. Ze (f09f9ac2) has no parser for
 * attribute 23: `ze bgp decode --update --json` leaves it out of `update.attr` (recorded in
 * test/vectors/tunnel-encap/updates.jsonl, `ze_json_text`). ze-nlri is a superset (COMPAT.md §2):
 * Ze's text with `"tunnel-encapsulation":<value>` in its sorted place. A malformed value is
 * reported with RFC 9012 §13 / RFC 9830 §5's treat-as-withdraw (Ze keeps the route).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../../../src/core/hex.js';
import { decodeUpdate } from '../../../src/index.js';
import { updateToJson } from '../../../src/update/json.js';
import { samples } from '../../../attributes/tunnel-encap/index.js';

interface Vector {
  id: string;
  hex: string;
  ze_json_text: string;
  note: string;
}
const vectors = new Map(
  readFileSync(new URL('../../vectors/tunnel-encap/updates.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Vector)
    .map((v) => [v.id, v]),
);

const withTunnelEncap = (ze: string, value: string): string => ze.replace('"origin":"igp"}', `"origin":"igp","tunnel-encapsulation":${value}}`);

describe('UPDATEs with a Tunnel Encapsulation attribute', () => {
  it('VXLAN: Ze\'s JSON plus the attribute', () => {
    const v = vectors.get('tunnel-encap/vxlan')!;
    expect(v.ze_json_text).not.toContain('tunnel');
    expect(updateToJson(decodeUpdate(fromHex(v.hex), {}))).toBe(withTunnelEncap(v.ze_json_text, samples[0]!.json!));
  });
  it('SR Policy: Ze\'s JSON plus the attribute', () => {
    const v = vectors.get('tunnel-encap/sr-policy')!;
    expect(updateToJson(decodeUpdate(fromHex(v.hex), {}))).toBe(withTunnelEncap(v.ze_json_text, samples[1]!.json!));
  });
  it('a malformed SR Policy sub-TLV: treat-as-withdraw, with the offset in the message', () => {
    const v = vectors.get('tunnel-encap/malformed-preference')!;
    const out = JSON.parse(updateToJson(decodeUpdate(fromHex(v.hex), {}))) as { bgp: { update: { errors: Record<string, unknown>[] } } };
    // header 19 + withdrawn length 2 + attributes length 2 + ORIGIN 4 + AS_PATH 9 + NEXT_HOP 7 +
    // attribute header 3 = 46, the value; the Preference sub-TLV follows the 4-octet tunnel header.
    expect(out.bgp.update.errors).toContainEqual(
      expect.objectContaining({ action: 'treat-as-withdraw', attribute: 'tunnel-encapsulation', code: 'bad-length', offset: 50, 'type-code': 23 }),
    );
  });
});

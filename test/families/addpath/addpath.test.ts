/**
 * ADD-PATH (RFC 7911 §3) for every family of the default registry, through the one core
 * mechanism: "the NLRI encoding MUST be extended by prepending the Path Identifier field, which
 * is of four octets" — on MP_REACH and MP_UNREACH alike (RFC 7911 §3, §5).
 *
 * Driven by the built-in samples, so it covers whatever families are registered when it runs:
 * - decode with `addPath` of (path id + sample) = the family's model of the same bytes plus `pathId`;
 * - its JSON = the sample's JSON with `"path-id":N` at its byte-wise sorted place among the
 *   object's top-level keys (the expectation is built here from the text, not by the core);
 * - encode with `addPath` = path id + the sample's bytes;
 * - several NLRIs with distinct path ids, back to back;
 * - a truncated path id is an NlriError('truncated') at the path id's offset.
 * Then the withdraw form of VPN and labeled unicast with a path id (RFC 8277 §2.4 + RFC 7911).
 */
import { describe, expect, it } from 'vitest';
import { decodeAll, decodeOne, defaultRegistry, encode, NlriError, Reader, samples, toHex, toJson } from '../../../src/index.js';
import { bytes } from '../../support/helpers.js';


function pathIdBytes(id: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, id);
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * A model without its path id, as own properties. Compared between the model decoded with
 * `addPath` and the model the family decodes from the very same buffer at the same offset
 * (just after the path id), so lazy views holding offsets compare equal too.
 */
function withoutPathId(m: object): Record<string, unknown> {
  const { pathId: _omit, ...rest } = m as Record<string, unknown>;
  return rest;
}

/**
 * Insert `"path-id":N` into the first JSON object of `text` (the object itself, or the first
 * element of an array), before the first top-level key that sorts after `path-id` byte-wise.
 * Written independently of JsonWriter: a small scanner over the text.
 */
function withPathId(text: string, id: number): string {
  // A family whose NLRI JSON is a plain string (unicast: Ze's `"10.0.0.0/24"`) carries the path id
  // in an object instead: `{"path-id":N,"prefix":"…"}`, the keys of Ze's event formatter.
  if (text.startsWith('"')) return `{"path-id":${id},"prefix":${text}}`;
  const open = text.indexOf('{');
  const entry = `"path-id":${id}`;
  let depth = 0;
  let i = open;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const start = i;
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
      // A key at the object's own level is a string directly after `{` or `,` at depth 1.
      const before = text[start - 1];
      if (depth === 1 && (before === '{' || before === ',') && text[i + 1] === ':') {
        const key = JSON.parse(text.slice(start, i + 1)) as string;
        if (Buffer.compare(Buffer.from('path-id'), Buffer.from(key)) < 0) {
          return text.slice(0, start) + entry + ',' + text.slice(start);
        }
      }
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  // No later key: at the end of the object.
  return text.slice(0, i) + (text[i - 1] === '{' ? '' : ',') + entry + text.slice(i);
}

const IDS = [0, 1, 42, 0x7fffffff, 0xffffffff];

describe('ADD-PATH on every sample of every registered family (RFC 7911 §3)', () => {
  it('has samples to run on', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const c of defaultRegistry.list()) expect(samples.some((s) => s.family === c.name), c.name).toBe(true);
  });

  describe.each(samples.map((s, i) => [`${s.family} #${i} ${s.hex.slice(0, 32)}`, s] as const))('%s', (_, s) => {
    const codec = defaultRegistry.require(s.family);
    const nlri = bytes(s.hex);

    it.each(IDS)('path id %i: same fields plus pathId, path-id in the JSON, same bytes back', (id) => {
      const plain = decodeOne(codec, nlri);
      const input = concat(pathIdBytes(id), nlri);
      const m = decodeOne(codec, input, { addPath: true });
      expect(plain.pathId).toBeUndefined();
      expect(m.pathId).toBe(id);
      // The family's own decode of the same bytes at the same place, without a path id.
      const r = new Reader(input, codec.name, 4);
      const same = codec.decode(r, {});
      expect(r.pos).toBe(input.length);
      expect(same.pathId).toBeUndefined();
      expect(withoutPathId(m)).toEqual(withoutPathId(same));
      expect(Object.getPrototypeOf(m)).toBe(Object.getPrototypeOf(same));
      const plainJson = toJson(codec, plain);
      expect(toJson(codec, m)).toBe(withPathId(plainJson, id));
      expect(toHex(encode(codec, m, { addPath: true }))).toBe(toHex(input));
      expect(toHex(encode(codec, m))).toBe(s.hex.toUpperCase());
    });

    it('several NLRIs with distinct path ids', () => {
      const same = samples.filter((x) => x.family === s.family);
      const parts: Uint8Array[] = [];
      const ids: number[] = [];
      same.forEach((x, i) => {
        ids.push(1000 + i);
        parts.push(pathIdBytes(1000 + i), bytes(x.hex));
      });
      // The same NLRI again under another path id: a second path to the same destination.
      ids.push(7);
      parts.push(pathIdBytes(7), nlri);
      const input = concat(...parts);
      const models = decodeAll(codec, input, { addPath: true });
      expect(models.map((x) => x.pathId)).toEqual(ids);
      expect(toHex(encode(codec, models, { addPath: true }))).toBe(toHex(input));
      const parsed = JSON.parse(toJson(codec, models)) as Array<Record<string, unknown>>;
      expect(parsed.map((o) => o['path-id'])).toEqual(ids);
    });

    it.each([1, 2, 3])('a path id cut to %i bytes is a truncated error at its offset', (n) => {
      const expectError = (input: Uint8Array, offset: number): void => {
        let err: unknown;
        try {
          decodeAll(codec, input, { addPath: true });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(NlriError);
        expect((err as NlriError).code).toBe('truncated');
        expect((err as NlriError).offset).toBe(offset);
        expect((err as NlriError).family).toBe(s.family);
      };
      expectError(pathIdBytes(9).subarray(0, n), 0);
      const first = concat(pathIdBytes(9), nlri);
      expectError(concat(first, pathIdBytes(10).subarray(0, n)), first.length);
    });
  });
});

describe('withdrawals with ADD-PATH: path id, then the RFC 8277 §2.4 Compatibility field', () => {
  // MP_UNREACH NLRI of a VPN-IPv4 route withdrawn on an ADD-PATH session:
  // path id 7 | length 0x70 (112 = 24 + 64 + 24) | 0x800000 | RD 0:65000:100 | 10.0.0.0/24
  const vpnWithdraw = '00000007' + '70' + '800000' + '0000FDE800000064' + '0A0000';
  // Labeled unicast: path id 7 | length 0x30 (48 = 24 + 24) | 0x800000 | 10.0.0.0/24
  const labeledWithdraw = '00000007' + '30' + '800000' + '0A0000';

  it.each([undefined, true])('VPN (withdraw option %s)', (withdraw) => {
    const codec = defaultRegistry.require('ipv4/mpls-vpn');
    const m = decodeOne(codec, bytes(vpnWithdraw), { addPath: true, withdraw } as never);
    expect(m.pathId).toBe(7);
    expect(toJson(codec, m)).toBe('{"labels":[[524288]],"path-id":7,"prefix":"10.0.0.0/24","rd":"0:65000:100","withdraw":true}');
    expect(toHex(encode(codec, m, { addPath: true }))).toBe(vpnWithdraw.toUpperCase());
  });

  it.each([undefined, true])('labeled unicast (withdraw option %s)', (withdraw) => {
    const codec = defaultRegistry.require('ipv4/mpls-label');
    const m = decodeOne(codec, bytes(labeledWithdraw), { addPath: true, withdraw } as never);
    expect(m.pathId).toBe(7);
    expect(toJson(codec, m)).toBe('{"path-id":7,"prefix":"10.0.0.0/24","labels":[524288],"withdraw":true}');
    expect(toHex(encode(codec, m, { addPath: true }))).toBe(labeledWithdraw.toUpperCase());
  });

  it('the 0x000000 Compatibility value and an echoed label both withdraw with their path id', () => {
    const codec = defaultRegistry.require('ipv4/mpls-label');
    // 0x000000 (some speakers, RFC 8277 §2.4), path id 0xFFFFFFFF
    const zero = decodeOne(codec, bytes('FFFFFFFF' + '30' + '000000' + '0A0000'), { addPath: true });
    expect(toJson(codec, zero)).toBe('{"path-id":4294967295,"prefix":"10.0.0.0/24","labels":[0],"withdraw":true}');
    // The advertised label echoed with S set (label 100): in MP_UNREACH it is the Compatibility
    // field all the same (RFC 8277 §2.4: its value is ignored), kept exactly.
    const echoed = decodeOne(codec, bytes('00000003' + '30' + '000641' + '0A0000'), { addPath: true, withdraw: true });
    expect(toJson(codec, echoed)).toBe('{"path-id":3,"prefix":"10.0.0.0/24","labels":[100],"withdraw":true,"compatibility":"0x000641"}');
    expect(toHex(encode(codec, echoed, { addPath: true }))).toBe('00000003300006410A0000');
  });

  it('Ze-style input without the option on an ADD-PATH NLRI stays what Ze says (vpn-034)', () => {
    // Without addPath the path id octets are read as the NLRI: the leading 0x00 is a zero length.
    expect(defaultRegistry.decodeHex('ipv4/mpls-vpn', '0000002A7000064100000001000000010A0000')).toBe(
      '{"parsed":false,"raw":"0000002A7000064100000001000000010A0000"}',
    );
    expect(defaultRegistry.decodeHex('ipv4/mpls-vpn', '0000002A7000064100000001000000010A0000', { addPath: true })).toBe(
      '{"labels":[[100]],"path-id":42,"prefix":"10.0.0.0/24","rd":"0:1:1"}',
    );
  });
});

/**
 * viewUpdate (lazy typed views) against decodeUpdate on every vector: the same attributes, values
 * and NLRIs where the message frames, and `framed` false exactly where decodeUpdate finds a
 * framing error (header, lengths, an attribute overrunning the attributes).
 */
import { describe, expect, it } from 'vitest';
import { createSession, decodeUpdate, JsonWriter, viewUpdate, NlriError } from '../../src/index.js';
import { loadUpdateVectors } from '../support/update-vectors.js';

const json = (codec: { json(v: unknown, j: JsonWriter): void }, v: unknown): string => {
  const j = new JsonWriter();
  codec.json(v, j);
  return j.take();
};

describe('viewUpdate', () => {
  const vectors = loadUpdateVectors();
  it('frames like decodeUpdate and gives the same values, decoded on access', () => {
    let framed = 0;
    for (const v of vectors) {
      const s = createSession({ as4: v.as4 ?? true });
      const b = Uint8Array.from(Buffer.from(v.hex, 'hex'));
      const u = decodeUpdate(b, s);
      const view = viewUpdate(b, s);
      // Framing: the header, the two length fields (attribute '', not an NLRI-field or §3 d problem),
      // or an attribute header / length running past the path attributes (RFC 7606 §4).
      const framingProblem = u.problems.some(
        (p) => (p.attribute === '' && p.error.code !== 'malformed' && p.error.family !== 'ipv4/unicast') || /octets left in the path attributes/.test(p.error.message),
      );
      if (!view.framed) {
        expect(framingProblem, `${v.id}: the view does not frame, decodeUpdate found no framing problem`).toBe(true);
        continue;
      }
      framed++;
      for (const a of u.attributes.list) {
        expect(view.has(a.code), `${v.id} ${a.code}`).toBe(true);
        if (a.codec && a.value !== undefined) {
          let got: unknown;
          try {
            got = view.attribute(a.code);
          } catch (e) {
            if (e instanceof NlriError) continue; // a later duplicate was the malformed one
            throw e;
          }
          expect(json(a.codec, got), `${v.id} attribute ${a.code}`).toBe(json(a.codec, a.value));
        }
      }
      if (u.problems.length === 0) expect(view.nlri().length).toBe(u.nlri.length);
    }
    expect(framed).toBeGreaterThan(350);
  });

  it('a malformed value throws only when it is read, with its offset in the message', () => {
    // An ORIGIN of length 2 is malformed (RFC 7606 §7.1): framing is fine, reading it fails.
    const msg = Uint8Array.from(Buffer.from('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF' + '001C' + '02' + '0000' + '0005' + '4001020000', 'hex'));
    const v = viewUpdate(msg);
    expect(v.framed).toBe(true);
    expect(v.attributeCount).toBe(1);
    expect(() => v.attribute(1)).toThrowError(NlriError);
    try {
      v.attribute(1);
    } catch (e) {
      expect((e as NlriError).attribute).toBe('origin');
      expect((e as NlriError).offset).toBeGreaterThanOrEqual(26);
    }
  });
});

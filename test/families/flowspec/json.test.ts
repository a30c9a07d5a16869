/**
 * The JSON fast path (JsonWriter straight from the model) equals the slow path (a plain object
 * serialised by goMarshal, Go's json.Marshal rules: sorted keys, HTML escaping) for any model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goMarshal } from '../../../src/core/json.js';
import { arbitraries } from '../../../fuzz/arbitraries/flowspec.js';
import { flowSpecToObject } from '../../../families/flowspec/index.js';
import { json, models } from './helpers.js';

describe('fast path = slow path', () => {
  for (const [family, arb] of Object.entries(arbitraries)) {
    it(family, () => {
      fc.assert(
        fc.property(arb, (m) => {
          expect(json(family, m)).toBe(goMarshal(flowSpecToObject(m, family.startsWith('ipv6'))));
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('Ze text details (spec §5)', () => {
  it('operators are HTML-escaped like Go', () => {
    const [m] = models('ipv4/flow', '0705130400D5FFFF');
    expect(json('ipv4/flow', m!)).toBe('{"destination-port":[["\\u003e=1024","\\u003c=65535"]]}');
  });

  it('keys sort byte-wise with rd among them (ipv6 keys)', () => {
    const [m] = models('ipv6/flow-vpn', '1B0000FDE80000006402200020010DB80381060B812E0C81020D8101');
    expect(json('ipv6/flow-vpn', m!)).toBe(
      '{"dscp":[["=46"]],"flow-label":[["=1"]],"fragment":[["=is-fragment"]],"next-header":[["=tcp"]],"rd":"0:65000:100","source-ipv6":[["2001:db8::/32/0"]]}',
    );
  });

  it('path-id is placed in sorted position', () => {
    const [m] = models('ipv4/flow', '0801180A0000038106');
    m!.pathId = 7;
    expect(json('ipv4/flow', m!)).toBe('{"destination":[["10.0.0.0/24/0"]],"path-id":7,"protocol":[["=tcp"]]}');
  });
});

/**
 * Bad tokens: `NlriError('invalid-args')` (offset -1, the family, the attribute where known) with
 * Ze-style texts naming the offending token (Ze's update_text.go: `missing value for X`,
 * `unexpected token 'X'; valid: …`, `next-hop requires a value (address or self)`,
 * `invalid origin: X (valid: igp, egp, incomplete)`); nothing partial is returned.
 */
import { describe, expect, it } from 'vitest';
import { NlriError } from '../../src/index.js';
import { parseRouteArgs } from '../../src/route/index.js';

function err(family: string, tokens: string): NlriError {
  try {
    parseRouteArgs(family, tokens.split(' ').filter(Boolean));
  } catch (e) {
    expect(e).toBeInstanceOf(NlriError);
    return e as NlriError;
  }
  throw new Error(`no error for ${tokens}`);
}

const U = 'ipv4/unicast';

describe('errors', () => {
  it.each([
    ['10.0.0.0/24 med', 'missing value for med', 'med'],
    ['10.0.0.0/24 origin', 'missing value for origin', 'origin'],
    ['10.0.0.0/24 community', 'missing value for community', 'community'],
    ['10.0.0.0/24 rt', 'missing value for rt', 'extended-community'],
    ['10.0.0.0/24 rate-limit', 'missing value for rate-limit', 'extended-community'],
    ['10.0.0.0/24 pmsi', 'missing value for pmsi', 'pmsi-tunnel'],
    ['10.0.0.0/24 next-hop', 'next-hop requires a value (address or self)', ''],
    ['10.0.0.0/24 next-hop foo', 'invalid next-hop: foo (address or self)', ''],
    ['10.0.0.0/24 next-hop 192.0.2.1 192.0.2.2', "unexpected token '192.0.2.2' after next-hop 192.0.2.1", ''],
    ['10.0.0.0/24 next-hop self next-hop self', 'next-hop given twice', ''],
    ['10.0.0.0/24 origin foo', 'invalid origin: foo (valid: igp, egp, incomplete)', 'origin'],
    ['10.0.0.0/24 med 1 med 2', 'med given twice', 'med'],
    ['10.0.0.0/24 med 5 commnity 1:1', "unexpected token 'commnity' after med 5", 'med'],
    ['10.0.0.0/24 origin igp egp', "unexpected token 'egp' after origin igp", 'origin'],
    ['10.0.0.0/24 discard now', "unexpected token 'now' after discard", 'extended-community'],
    ['10.0.0.0/24 then now', "unexpected token 'now' after then", ''],
    ['10.0.0.0/24 esi-label 5 foo', "unexpected token 'foo' after esi-label 5; valid: single-active, all-active", 'extended-community'],
    ['10.0.0.0/24 rate-limit 10 20', "unexpected token '20' after rate-limit 10", 'extended-community'],
    ['10.0.0.0/24 path-information x', 'invalid path-information "x": expected integer or IPv4 address', ''],
  ])('%s → %s', (tokens, message, attribute) => {
    const e = err(U, tokens);
    expect(e.code).toBe('invalid-args');
    expect(e.message).toBe(message);
    expect(e.family).toBe(U);
    expect(e.offset).toBe(-1);
    expect(e.attribute).toBe(attribute);
  });

  it.each([
    ['10.0.0.0/24 med x', 'x'],
    ['10.0.0.0/24 med rt 1:1', '"rt"'],
    ['10.0.0.0/24 rt 65000:x', '65000:x'],
    ['10.0.0.0/24 redirect-ip 1.2.3', '1.2.3'],
    ['10.0.0.0/24 mark 64', 'mark'],
    ['10.0.0.0/24 router-mac zz', 'zz'],
    ['10.0.0.0/24 encapsulation foo', 'foo'],
    ['10.0.0.0/24 as-path [ 65000 x ]', 'x'],
    ['10.0.0.0/24 as-path [ 65000', 'missing ]'],
    ['10.0.0.0/24 pmsi ingress-replication nope', 'nope'],
    ['10.0.0.0/24 prefix-sid label-index x', 'x'],
    ['10.0.0.0/24 tunnel-encap bogus', 'bogus'],
    ['10.0.0.0/24 large-community 1:2', '1:2'],
  ])('%s names %s', (tokens, name) => {
    const e = err(U, tokens);
    expect(e.code).toBe('invalid-args');
    expect(e.message).toContain(name);
    expect(e.family).toBe(U);
  });

  it('after -- the first token must be a keyword', () => {
    const e = err(U, '10.0.0.0/24 -- foo');
    expect(e.message.startsWith("unexpected token 'foo'; valid: next-hop (next), path-information (info), origin, as-path (path), med")).toBe(true);
  });
  it('NLRI errors are the family codec\'s, attributed to the family', () => {
    const e = err(U, '10.0.0.0/33 med 5');
    expect(e.code).toBe('invalid-args');
    expect(e.family).toBe(U);
    expect(e.message).toContain('10.0.0.0/33');
    const f = err('ipv4/flow', 'destination 10.0.0.0/24 bogus then discard');
    expect(f.message).toContain('bogus');
    expect(f.family).toBe('ipv4/flow');
  });
  it('no NLRI tokens', () => {
    expect(err(U, 'med 5').message).toBe("missing ipv4/unicast NLRI arguments before 'med'");
    expect(err(U, '').message).toBe('missing ipv4/unicast NLRI arguments before the end');
  });
  it('path-information and the NLRI path-id disagree', () => {
    expect(err(U, '10.0.0.0/24 path-id 1 path-information 2').message).toBe('path-information 2 and path-id 1 disagree');
  });
  it('an unknown family is unsupported-family', () => {
    expect(err('ipv4/nope', '10.0.0.0/24').code).toBe('unsupported-family');
  });
  it('hostile tokens only ever give NlriError', () => {
    const words = ['[', ']', '(', ')', '{', '}', '--', 'then', 'rt', 'pmsi', 'tunnel-encap', 'color', 'as-path', 'community', 'x', '0', '-1', '1e99', '', ':'];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const starts: [string, string[]][] = [
      [U, ['10.0.0.0/24']],
      ['ipv4/flow', ['destination', '10.0.0.0/24']],
      ['l2vpn/evpn', ['type3', 'rd', '0:1:1', 'ethernet-tag', '0', 'ip', '192.0.2.1']],
    ];
    for (let k = 0; k < 600; k++) {
      const [fam, head] = starts[k % 3]!;
      const t = [...head, ...Array.from({ length: 1 + rnd(6) }, () => words[rnd(words.length)]!)];
      try {
        parseRouteArgs(fam, t);
      } catch (e) {
        expect(e, t.join(' ')).toBeInstanceOf(NlriError);
      }
    }
  });
});

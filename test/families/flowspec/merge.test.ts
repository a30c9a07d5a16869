/**
 * RFC 8955 §4.2: "Components MUST follow strict type ordering ... A given component type MAY
 * (exactly once) be present"; a repeated type is malformed (GoBGP resets the session). Ze's args
 * write one component per keyword; ze-nlri OR-s a repeated keyword into the one component of its
 * type. Every expected hex below is written by hand from the RFC 8955 §4.2.1.1/§4.2.1.2 operator
 * layout `e a len 0 lt gt eq` / `e a len 0 0 not m`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Logger } from '../../../src/plugin/log.js';
import { NlriPlugin } from '../../../src/plugin/nlri/app.js';
import { canonicalComponents } from '../../../families/flowspec/canonical.js';
import type { FlowSpecNlri } from '../../../families/flowspec/index.js';
import { decodeText, encodeHex, models, reg, enc } from './helpers.js';

// Ze's JSON for its own two-component bytes (vector flowspec-084).
const ZE_PORT_JSON = '{"port":[["\\u003e80","\\u003c100"],["\\u003e443","\\u003c500"]]}';

describe('a repeated operator keyword is OR-ed into one component', () => {
  it.each([
    // port: >80 (02 50) AND <100 (44 64) | OR >443, 2 octets (12 01BB) AND <500, end (D4 01F4); 11 octets.
    ['ipv4/flow', ['port', '>80', '<100', 'port', '>443', '<500'], '0B04025044641201BBD401F4'],
    // Three groups; AND inside a group, OR between: 03 01 | 45 0A | 01 16 | 12 03E8 | D4 07D0.
    ['ipv4/flow', ['destination-port', '>=1', '<=10', 'destination-port', '=22', 'destination-port', '>1000', '<2000'], '0D050301450A01161203E8D407D0'],
    // Types sorted; the port groups merge across another keyword: 04 01 50 91 01BB, 05 81 16.
    ['ipv4/flow', ['port', '=80', 'destination-port', '=22', 'port', '=443'], '090401509101BB058116'],
    // protocol values are OR-ed anyway: repeating the keyword is the same as listing the values.
    ['ipv4/flow', ['protocol', 'tcp', 'protocol', 'udp'], '050301068111'],
    ['ipv6/flow', ['next-header', 'tcp', 'protocol', 'udp'], '050301068111'],
    // Bitmask: syn (00 02), then rst from the second keyword: its `&` is cleared (OR), end: 80 04.
    ['ipv4/flow', ['tcp-flags', 'syn', 'tcp-flags', '&rst'], '050900028004'],
    ['ipv4/flow', ['tcp-flags', 'syn', 'tcp-flags', 'rst'], '050900028004'],
    // VPN: the RD first, then one type-4 component: 01 50 | 91 01BB.
    ['ipv4/flow-vpn', ['rd', '100:1', 'port', '=80', 'port', '=443'], '0E00000064000000010401509101BB'],
  ])('%s %j', (family, args, hex) => {
    expect(enc(family, args)).toBe(hex);
  });

  it('the first group keeps an AND on its first pair, as Ze writes it', () => {
    // `tcp-flags &` alone is C0 00 (spec §10: e, a, value 0). Merged with `tcp-flags =syn`, the
    // `&` pair is no longer last: 40 00; the merged-in pair is OR-ed, m, end: 81 02. Length 5.
    expect(enc('ipv4/flow', ['tcp-flags', '&'])).toBe('0309C000');
    expect(enc('ipv4/flow', ['tcp-flags', '&', 'tcp-flags', '=syn'])).toBe('050940008102');
  });

  it('decodes to the same groups Ze shows for its two-component form (lossless)', () => {
    expect(decodeText('ipv4/flow', '0C040250C464041201BBD401F4')).toBe(ZE_PORT_JSON);
    expect(decodeText('ipv4/flow', '0B04025044641201BBD401F4')).toBe(ZE_PORT_JSON);
  });

  it('is the RFC form: strict decoding accepts it and rejects what Ze writes', () => {
    expect(decodeText('ipv4/flow', '0B04025044641201BBD401F4', true)).toBe(ZE_PORT_JSON);
    expect(decodeText('ipv4/flow', '0C040250C464041201BBD401F4', true)).toBe('error: no valid FlowSpec decoded: component type 4 after type 4: types must strictly increase');
  });
});

describe('property: any mix of repeated numeric keywords', () => {
  const MAX: Record<string, number> = { port: 0xffff, 'destination-port': 0xffff, 'source-port': 0xffff, 'icmp-type': 255, 'icmp-code': 255, 'packet-length': 0xffff, dscp: 63 };
  const group = fc.constantFrom(...Object.keys(MAX)).chain((k) =>
    fc.array(fc.tuple(fc.constantFrom('=', '>', '>=', '<', '<=', '!='), fc.integer({ min: 0, max: MAX[k]! })).map(([op, v]) => op + v), { minLength: 1, maxLength: 3 }).map((terms) => ({ k, terms })),
  );
  it('is RFC-valid (strict), shows each keyword as one OR group in argument order, and toArgs round-trips', () => {
    const c = reg.require('ipv4/flow');
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 6 }), (groups) => {
        const args = groups.flatMap((g) => [g.k, ...g.terms]);
        const hex = reg.encodeArgs('ipv4/flow', args);
        // Expected JSON from the args alone: per key, one group per keyword occurrence.
        const want: Record<string, string[][]> = {};
        for (const g of groups) (want[g.k] ??= []).push(g.terms);
        expect(JSON.parse(decodeText('ipv4/flow', hex, true))).toEqual(want);
        expect(reg.encodeArgs('ipv4/flow', c.toArgs!(c.fromArgs(args)))).toBe(hex);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a repeated prefix keyword is an error (one prefix per type, RFC 8955 §4.2)', () => {
  it.each([
    ['ipv4/flow', ['destination', '10.0.0.0/24', 'destination', '11.0.0.0/24'], 'destination given twice'],
    ['ipv4/flow', ['source', '10.0.0.0/24', 'protocol', 'tcp', 'source', '10.0.1.0/24'], 'source given twice'],
    ['ipv6/flow', ['destination-ipv6', '2001:db8::/32', 'destination', '2001:db8:1::/48'], 'destination given twice'],
    ['ipv4/flow-vpn', ['rd', '100:1', 'destination', '10.0.0.0/8', 'destination', '10.0.0.0/8'], 'destination given twice'],
  ])('%s %j', (family, args, want) => {
    const got = enc(family, args);
    expect(got).toContain(`error: ${want}`);
    expect(got).toContain('RFC 8955 §4.2');
  });

  it('destination and source together are two types, not a repeat', () => {
    expect(enc('ipv4/flow', ['source', '192.168.1.0/24', 'destination', '10.0.0.0/24'])).toBe('0A01180A00000218C0A801') // 5 + 5 octets;
  });
});

describe('typed models and toArgs', () => {
  const c = reg.require('ipv4/flow');

  it('the typed-model encoder writes a decoded model as given (Ze\'s bytes re-encode byte for byte)', () => {
    const [m] = models('ipv4/flow', '0C040250C464041201BBD401F4');
    expect(m!.components.map((x) => x.type)).toEqual([4, 4]);
    expect(encodeHex('ipv4/flow', m!)).toBe('0C040250C464041201BBD401F4');
  });

  it('canonicalComponents gives the RFC form of such a model, without changing it', () => {
    const [m] = models('ipv4/flow', '0C040250C464041201BBD401F4');
    const merged: FlowSpecNlri = { components: canonicalComponents(m!.components, () => { throw new Error('no prefix here'); }) };
    expect(encodeHex('ipv4/flow', merged)).toBe('0B04025044641201BBD401F4');
    expect(encodeHex('ipv4/flow', m!)).toBe('0C040250C464041201BBD401F4');
  });

  it('toArgs repeats the keyword for an OR inside a numeric component', () => {
    const [m] = models('ipv4/flow', '0B04025044641201BBD401F4');
    expect(c.toArgs!(m!)).toEqual(['port', '>80', '<100', 'port', '>443', '<500']);
  });

  it('toArgs of a repeated-type model is raw (args would merge it into other bytes)', () => {
    const [m] = models('ipv4/flow', '0C040250C464041201BBD401F4');
    expect(c.toArgs!(m!)).toEqual(['raw', '0C040250C464041201BBD401F4']);
    expect(enc('ipv4/flow', c.toArgs!(m!))).toBe('0C040250C464041201BBD401F4');
  });
});

describe('route origination (plugin `update` command)', () => {
  function plugin(): { p: NlriPlugin; sent: string[] } {
    const p = new NlriPlugin({ registry: reg, name: 'ze-nlri', logger: new Logger({ level: 'ERROR', write: () => undefined }) });
    const sent: string[] = [];
    // The plugin sends `peer <selector> update hex …` through dispatch-command (Ze's answer says
    // whether the route went out); FlowSpec carries the zero next hop Ze needs (RFC 8955 §4).
    (p.plugin as unknown as { dispatchCommand: (cmd: string) => Promise<unknown> }).dispatchCommand = async (cmd) => {
      sent.push(cmd.replace(/^peer \S+ /, ''));
      return { status: 'done', data: '{"announced":1,"withdrawn":0}' };
    };
    return { p, sent };
  }

  it('sends one component per type for a repeated keyword', async () => {
    const { p, sent } = plugin();
    await p.originate(['*', 'ipv4/flow', 'add', 'port', '>80', '<100', 'port', '>443', '<500']);
    expect(sent).toEqual(['update hex attr set 40010100400200 nhop set 00000000 nlri ipv4/flow add 0B04025044641201BBD401F4']);
  });

  it('sends the same bytes as before for routes without a repeated keyword', async () => {
    const { p, sent } = plugin();
    await p.originate(['*', 'ipv4/flow', 'add', 'destination', '10.0.0.0/24', 'protocol', 'tcp']);
    await p.originate(['*', 'ipv4/flow', 'del', 'destination-port', '=80', '=443', '=8080']);
    await p.originate(['*', 'ipv4/flow-vpn', 'add', 'rd', '100:1', 'destination', '10.0.0.0/24']);
    expect(sent).toEqual([
      'update hex attr set 40010100400200 nhop set 00000000 nlri ipv4/flow add 0801180A0000038106',
      'update hex nlri ipv4/flow del 090501505101BBD11F90', // spec §6.8 example
      'update hex attr set 40010100400200 nhop set 00000000 nlri ipv4/flow-vpn add 0D000000640000000101180A0000', // spec §6.8 example (with a next hop)
    ]);
  });

  it('refuses a repeated prefix before anything is sent', async () => {
    const { p, sent } = plugin();
    await expect(p.originate(['*', 'ipv4/flow', 'add', 'destination', '10.0.0.0/24', 'destination', '11.0.0.0/24'])).rejects.toThrow(/destination given twice/);
    expect(sent).toEqual([]);
  });
});

/**
 * Generated Ze update events as JSON text (for the event scanner's property tests and the
 * plugin-batch fuzz target): the event's parts in any order, repeated or missing keys, values of
 * other types, random whitespace, escaped characters in strings, and sometimes one character
 * removed, doubled or replaced.
 */
import fc from 'fast-check';

const ws = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('', ' ', '  ') }, fc.constantFrom('\n', '\t', '\r\n'));
const str = fc.oneof(fc.constantFrom('update', 'received', 'sent', 'state', '127.0.0.1', 'peer1', '', 'ipv4/flow', '1'), fc.string({ maxLength: 6 }));
const hexText = fc.oneof(fc.constantFrom('0501180a0000', '0501180A0000', '000000070501180a0000', '05011', 'zz', ''), fc.stringMatching(/^[0-9a-f]{0,16}$/));

/** JSON text of a value, with random whitespace and, sometimes, escaped characters in strings. */
function text(v: unknown, w: () => string, escape: () => boolean): string {
  if (typeof v === 'string') {
    const j = JSON.stringify(v);
    return escape() && v.length > 0 ? '"\\u' + v.charCodeAt(0).toString(16).padStart(4, '0') + j.slice(2) : j;
  }
  if (Array.isArray(v)) return '[' + w() + v.map((x) => text(x, w, escape)).join(w() + ',' + w()) + w() + ']';
  if (v && typeof v === 'object') {
    const entries = (v as { __entries?: Array<[string, unknown]> }).__entries ?? Object.entries(v);
    return '{' + w() + entries.map(([k, x]) => text(k, w, escape) + w() + ':' + w() + text(x, w, escape)).join(w() + ',' + w()) + w() + '}';
  }
  return JSON.stringify(v) ?? 'null';
}

/** An object with these entries in this order (repeats kept), for `text`. */
const entries = (e: Array<[string, unknown]>) => ({ __entries: e });
const members = <T>(arb: fc.Arbitrary<Array<[string, T]>>) => arb.map((e) => entries(e));
const shuffled = <T>(arb: fc.Arbitrary<T[]>) => arb.chain((xs) => fc.shuffledSubarray(xs, { minLength: Math.max(0, xs.length - 1), maxLength: xs.length }));
const anyValue = fc.oneof({ weight: 3, arbitrary: str }, fc.jsonValue({ maxDepth: 2 }));
const familyKey = fc.constantFrom('ipv4/flow', 'ipv4/flow', 'ipv4/mpls-vpn', 'ipv4/mpls-vpn', 'ipv6/x', '1', '');
const familyObj = (value: fc.Arbitrary<unknown>) => members(fc.array(fc.tuple(familyKey, value), { maxLength: 2 }));

export const eventArb = fc
  .record({
    message: members(shuffled(fc.tuple(fc.tuple(fc.constant('type'), fc.oneof({ weight: 8, arbitrary: fc.constant('update') }, str, anyValue)), fc.tuple(fc.constant('id'), fc.nat()), fc.tuple(fc.constant('direction'), fc.oneof({ weight: 4, arbitrary: fc.constant('received') }, str, anyValue))).map((t) => [...t] as Array<[string, unknown]>))),
    peer: fc.oneof({ weight: 5, arbitrary: members(shuffled(fc.tuple(fc.tuple(fc.constant('address'), fc.oneof(str, anyValue)), fc.tuple(fc.constant('name'), fc.oneof(str, anyValue)), fc.tuple(fc.constant('remote'), anyValue)).map((t) => [...t] as Array<[string, unknown]>))) }, anyValue),
    raw: fc.oneof(
      { weight: 6, arbitrary: members(shuffled(fc.tuple(fc.tuple(fc.constant('nlri'), fc.oneof({ weight: 5, arbitrary: familyObj(fc.oneof({ weight: 4, arbitrary: hexText }, anyValue)) }, anyValue)), fc.tuple(fc.constant('withdrawn'), fc.oneof({ weight: 5, arbitrary: familyObj(fc.oneof({ weight: 4, arbitrary: hexText }, anyValue)) }, anyValue)), fc.tuple(fc.constant('add-path'), fc.oneof({ weight: 5, arbitrary: familyObj(fc.oneof(fc.constant(true), anyValue)) }, anyValue)), fc.tuple(fc.constant('update'), hexText)).map((t) => [...t] as Array<[string, unknown]>))) },
      anyValue,
    ),
    update: fc.jsonValue({ maxDepth: 3 }),
    extra: fc.array(fc.tuple(fc.constantFrom('x', 'x', 'x', 'x', 'x', 'raw', 'peer', 'message'), anyValue), { maxLength: 1 }),
  })
  .chain((p) =>
    shuffled(fc.constant([['message', p.message], ['peer', p.peer], ['update', p.update], ['raw', p.raw], ...p.extra] as Array<[string, unknown]>)).map((bgp) =>
      entries([['type', 'bgp'], ['bgp', entries(bgp)]]),
    ),
  );

/** Random whitespace, escapes, and sometimes one character removed, doubled or replaced. */
export const eventText = fc.tuple(eventArb, fc.array(ws, { minLength: 64, maxLength: 64 }), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), fc.option(fc.tuple(fc.nat(), fc.constantFrom('del', 'dup', '"', '}', ',', ':', '\\', '\u0001')), { freq: 4 })).map(([ev, wss, escs, mutation]) => {
  let wi = 0;
  let ei = 0;
  const sparse = (k: number) => (k % 5 === 0 ? wss[k % 64]! : '');
  let t = text(ev, () => sparse(wi++), () => escs[ei++ % 64]! && ei % 41 === 0);
  if (mutation) {
    const [at, kind] = mutation;
    const i = at % t.length;
    t = kind === 'del' ? t.slice(0, i) + t.slice(i + 1) : kind === 'dup' ? t.slice(0, i) + t[i] + t.slice(i) : t.slice(0, i) + kind + t.slice(i + 1);
  }
  return t;
});


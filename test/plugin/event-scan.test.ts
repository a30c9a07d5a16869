/**
 * The event scanner (src/plugin/nlri/event-scan.ts) against JSON.parse: every event either takes
 * the fast path with exactly the reading JSON.parse + the object path gives, or is left to
 * JSON.parse (same routes, same counters, same log lines as before). Events: Ze's `full` update
 * of ze-plugin-protocol.md §5.6/§8, and variants of it; each one is checked both as text
 * (`handleEventText`) and inside a deliver-batch payload read from its bytes (`handleBatch`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/index.js';
import { BatchScanner, EVENT_UPDATE } from '../../src/plugin/nlri/event-scan.js';
import { eventText } from '../../fuzz/arbitraries/plugin-events.js';
import { oraclePlugin, outcome, viaJsonParse } from '../../fuzz/plugin-oracle.js';
import { updateEvent } from './engine-sim.js';

// §8 of the protocol spec, verbatim (the event string of the deliver-batch, unescaped).
const ZE_EVENT =
  '{"type":"bgp","bgp":{"message":{"type":"update","id":1,"direction":"received"},"peer":{"address":"127.0.0.1","local":{"address":"127.0.0.1","as":65000},"name":"peer1","remote":{"as":65000}},"update":{"attr":{"origin":"igp","local-preference":100},"nlri":{"ipv4/flow":[{"action":"add","nlri":[{"destination":[["10.0.0.0/24/0"]]}]}]}},"raw":{"attributes":"4001010040020040050400000064","nlri":{"ipv4/flow":"0501180a0000"},"update":"0000001c4001010040020040050400000064800e0b00018500000501180a0000"}}}';

const FLOW = defaultRegistry.has('ipv4/flow');
const plugin = oraclePlugin;

function viaText(texts: string[]): { out: unknown; full: number } {
  const { p, lines } = plugin();
  for (const t of texts) p.handleEventText(t);
  return { out: outcome(p, lines), full: p.stats.fullParses };
}

/** The same events in one deliver-batch payload, read from its bytes (as Ze sends it: each event ends with a newline). */
function viaBatch(texts: string[]): { out: unknown; full: number } {
  const { p, lines } = plugin();
  expect(p.handleBatch(Buffer.from(JSON.stringify({ events: texts.map((t) => t + '\n') })))).toBe(true);
  return { out: outcome(p, lines), full: p.stats.fullParses };
}

const scanner = new BatchScanner();
/** The scanner reads `t` itself (no JSON.parse). */
const fast = (t: string) => scanner.scanString(Buffer.from(JSON.stringify(t))) && scanner.tape[0] === EVENT_UPDATE;

/** What the scanner read from the one event on its tape: peer, flags, entries as text. */
function reading(t: string) {
  const json = Buffer.from(JSON.stringify(t));
  expect(scanner.scanString(json)).toBe(true);
  const tp = scanner.tape;
  const text = (a: number, b: number) => json.toString('utf8', a, b);
  const ne = tp[6]!;
  const na = tp[7]!;
  const entries = [];
  for (let q = 0; q < ne; q++) entries.push([tp[8 + q * 5] === 1 ? 'nlri' : 'withdrawn', text(tp[9 + q * 5]!, tp[10 + q * 5]!), text(tp[11 + q * 5]!, tp[12 + q * 5]!)]);
  const addPath = [];
  for (let q = 0; q < na; q++) addPath.push(text(tp[8 + ne * 5 + 2 * q]!, tp[9 + ne * 5 + 2 * q]!));
  return { kind: tp[0], flags: tp[3], peer: tp[4]! < 0 ? undefined : text(tp[4]!, tp[5]!), entries, addPath };
}

describe.skipIf(!FLOW)('event scanner: Ze events take the fast path with the same result', () => {
  it("reads the spec's event without JSON.parse: peer, family, hex", () => {
    expect(reading(ZE_EVENT)).toEqual({ kind: EVENT_UPDATE, flags: 3, peer: '127.0.0.1', entries: [['nlri', 'ipv4/flow', '0501180a0000']], addPath: [] });
    for (const r of [viaText([ZE_EVENT]), viaBatch([ZE_EVENT])]) {
      expect(r.full).toBe(0);
      expect(r.out).toEqual(viaJsonParse([ZE_EVENT]));
      expect((r.out as any).routes).toBe('{"127.0.0.1":{"ipv4/flow":[{"destination":[["10.0.0.0/24/0"]]}]}}');
    }
  });

  it("reads the spec's deliver-batch line (§8) from its bytes, escapes and the event's newline included", () => {
    // §8 verbatim: the payload after `#4 ze-plugin-callback:deliver-batch `.
    const payload = JSON.stringify({ events: [ZE_EVENT + '\n'] });
    expect(payload).toContain('\\"type\\":\\"bgp\\"');
    const { p } = plugin();
    expect(p.handleBatch(Buffer.from(payload))).toBe(true);
    expect(p.stats.fullParses).toBe(0);
    expect(p.routesJson()).toBe('{"127.0.0.1":{"ipv4/flow":[{"destination":[["10.0.0.0/24/0"]]}]}}');
  });

  it('reads withdrawn and add-path entries in text order', () => {
    const t = '{"bgp":{"message":{"type":"update"},"peer":{"name":"n1"},"raw":{"add-path":{"ipv4/flow":true,"ipv4/mpls-vpn":false},"withdrawn":{"ipv4/mpls-vpn":"00","ipv4/flow":"01"},"nlri":{"ipv4/flow":"000000070501180a0000"}}}}';
    expect(reading(t)).toEqual({
      kind: EVENT_UPDATE,
      flags: 3,
      peer: 'n1',
      entries: [
        ['withdrawn', 'ipv4/mpls-vpn', '00'],
        ['withdrawn', 'ipv4/flow', '01'],
        ['nlri', 'ipv4/flow', '000000070501180a0000'],
      ],
      addPath: ['ipv4/flow'],
    });
  });

  const announce = '{"type":"bgp","bgp":{"message":{"type":"update","direction":"received"},"peer":{"address":"10.9.9.9","name":"p"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}';
  const cases: Array<[string, string, boolean]> = [
    // [what, event text, fast path expected]
    ['odd spacing (JSON whitespace between tokens)', '{ "type" : "bgp" , "bgp" : { "message" : { "type" : "update" } , "raw" : { "nlri" : { "ipv4/flow" : "0501180a0000" } } } }', true],
    ['keys in another order, raw before message and peer', '{"bgp":{"raw":{"add-path":{"ipv4/flow":true},"nlri":{"ipv4/flow":"000000070501180a0000"}},"peer":{"name":"n1","address":"10.1.1.1"},"message":{"direction":"received","type":"update"}},"type":"bgp"}', true],
    ['raw with add-path (path id 7)', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.1.1.2"},"raw":{"nlri":{"ipv4/flow":"000000070501180a0000"},"add-path":{"ipv4/flow":true}}}}', true],
    ['add-path false is not add-path', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.1.1.2"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"},"add-path":{"ipv4/flow":false}}}}', true],
    ['withdrawn only', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"raw":{"withdrawn":{"ipv4/flow":"0501180a0000"}}}}', true],
    ['raw missing', '{"bgp":{"message":{"type":"update","direction":"received"},"peer":{"address":"10.9.9.9"}}}', true],
    ['sent direction is ignored', '{"bgp":{"message":{"type":"update","direction":"sent"},"peer":{"address":"10.9.9.9"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', true],
    ['peer by name when the address is not a string', '{"bgp":{"message":{"type":"update"},"peer":{"address":5,"name":"peer7"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', true],
    ['no peer at all: unknown', '{"bgp":{"message":{"type":"update"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', true],
    ['unclaimed family and non-string values are skipped', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"raw":{"nlri":{"ipv6/x":"00","ipv4/mpls-vpn":7,"ipv4/flow":"0501180a0000"}}}}', true],
    ['upper-case hex', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"raw":{"nlri":{"ipv4/flow":"0501180A0000"}}}}', true],
    ['bad NLRI bytes: counted and logged once', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"raw":{"nlri":{"ipv4/flow":"05011"}}}}', true],
    ['escapes in skipped strings', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"update":{"x":"a\\"b\\\\c\\u00e9\\n"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', true],
    ['an escaped key the walk compares (r\\u0061w)', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"r\\u0061w":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', false],
    ['an escape in the hex', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.9"},"raw":{"nlri":{"ipv4/flow":"\\u00301501180a0000"}}}}', false],
    ['an escape in the peer address', '{"bgp":{"message":{"type":"update"},"peer":{"address":"10.9.9.\\u0039"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', false],
    ['a repeated raw (JSON.parse keeps the last)', '{"bgp":{"message":{"type":"update"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}},"raw":{}}}', false],
    ['a repeated family (JSON.parse keeps the last value)', '{"bgp":{"message":{"type":"update"},"raw":{"nlri":{"ipv4/flow":"0501180a0000","ipv4/flow":1}}}}', false],
    ['an integer-like family key', '{"bgp":{"message":{"type":"update"},"raw":{"nlri":{"1":"00","ipv4/flow":"0501180a0000"}}}}', false],
    ['raw that is not an object', '{"bgp":{"message":{"type":"update"},"raw":"x"}}', false],
    ['no bgp wrapper', '{"message":{"type":"update"},"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}', false],
    ['a state event (not an update)', '{"type":"bgp","bgp":{"message":{"type":"state"},"peer":{"address":"10.9.9.9"},"state":"down","reason":"x"}}', false],
    ['an eor event', '{"type":"bgp","bgp":{"message":{"type":"eor"},"peer":{"address":"10.9.9.9"}}}', false],
    ['a tab inside a skipped string (invalid JSON)', '{"bgp":{"message":{"type":"update"},"update":"a\tb","raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', false],
    ['a newline between tokens (valid JSON whitespace)', '{"bgp":{"message":{"type":"update"},\n"raw":{"nlri":{"ipv4/flow":"0501180a0000"}}}}', true],
    ['a vertical tab at the end (trimmed by the runtime, not JSON whitespace)', announce + '\u000b', false],
    ['a non-breaking space before the event (trimmed, not JSON whitespace)', '\u00a0' + announce, false],
    ['a non-ASCII peer name', announce.replace('"name":"p"', '"name":"pé"').replace('"address":"10.9.9.9",', ''), true],
    ['a non-ASCII character in a skipped part', announce.replace('"name":"p"', '"name":"p","x":"日本"'), true],
    ['a U+2028 in a skipped part', announce.replace('"name":"p"', '"name":"p","x":"a\u2028b"'), true],
    ['an escaped slash in a skipped string', announce.replace('"name":"p"', '"name":"p","x":"a\\/b"'), true],
    ['an escaped quote in a skipped string', announce.replace('"name":"p"', '"name":"p","x":"a\\"b"'), true],
    ['an escaped backslash in a skipped string', announce.replace('"name":"p"', '"name":"p","x":"a\\\\b"'), true],
    ['a lone surrogate in a skipped string', announce.replace('"name":"p"', '"name":"p","x":"\ud800"'), true],
    ['an empty event', '', false],
    ['an event that is a string', '"x"', false],
    ['truncated', announce.slice(0, -1), false],
    ['trailing comma', announce.replace('}}}}', ',}}}}'), false],
    ['garbage after the value', announce + 'x', false],
    ['a bad literal in a skipped part', announce.replace('"name":"p"', '"name":tru'), false],
    ['a bad number in a skipped part', announce.replace('"name":"p"', '"name":01'), false],
    ['a bad escape in a skipped part', announce.replace('"name":"p"', '"name":"\\x"'), false],
    ['a broken plugin JSON in update.nlri (§5.2)', announce.replace('"raw"', '"update":{"nlri":{"ipv4/x":[{"nlri":[{oops}]}]}},"raw"'), false],
    ['text encoding (not JSON)', 'peer 10.9.9.9 received update 1 announce', false],
    ['deep nesting beyond the limit', announce.replace('"name":"p"', '"name":' + '['.repeat(300) + ']'.repeat(300)), false],
  ];
  it.each(cases)('%s', (_what, text, expectFast) => {
    expect(fast(text)).toBe(expectFast);
    // The runtime trims each event before handing it over as text (which may make it plain).
    const expected = viaJsonParse([text.trim(), announce]);
    const r = viaBatch([text, announce]);
    expect(r.out).toEqual(expected);
    expect(r.full).toBe(expectFast ? 0 : 1);
    const rt = viaText([text.trim(), announce]);
    expect(rt.out).toEqual(expected);
    expect(rt.full).toBe(fast(text.trim()) ? 0 : 1);
  });

  it("reads a batch written by Go's encoder: <, > and & as \\u003c, \\u003e, \\u0026", () => {
    const skipped = announce.replace('"name":"p"', '"name":"p","x":"a<b>&c"');
    const kept = announce.replace('"name":"p"', '"name":"p<1>"').replace('"address":"10.9.9.9",', '');
    const goStyle = (texts: string[]) => JSON.stringify({ events: texts }).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    for (const [events, full] of [
      [[skipped], 0],
      [[kept, skipped], 1],
    ] as Array<[string[], number]>) {
      const payload = goStyle(events);
      expect(payload).toContain('\\u003c');
      const { p, lines } = plugin();
      expect(p.handleBatch(Buffer.from(payload))).toBe(true);
      expect(p.stats.fullParses).toBe(full);
      expect(outcome(p, lines)).toEqual(viaJsonParse(events));
    }
  });

  it('leaves a payload that is not the plain envelope to the runtime, having applied nothing', () => {
    const ev = JSON.stringify(announce);
    for (const payload of [
      '{"events":[' + ev + '],"more":1}',
      '{"more":1,"events":[' + ev + ']}',
      '{"events":[' + ev + ',1]}',
      '{"events":' + ev + '}',
      '{"events":[' + ev + ']',
      '{"events":[' + ev + ']}x',
      '{"events":[' + ev.slice(0, -1) + '\t"]}',
      '{"events":[' + ev + ',"\\x"]}',
      '{"events":[' + ev + ',"\u0001"]}',
      '{"ev\\u0065nts":[' + ev + ']}',
      '[]',
      '',
    ]) {
      const { p } = plugin();
      expect(p.handleBatch(Buffer.from(payload))).toBe(false);
      expect(p.stats.events).toBe(0);
      expect(p.table.count()).toBe(0);
    }
    for (const payload of ['{"events":[]}', ' { "events" : [ ' + ev + ' , ' + ev + ' ] } ']) {
      const { p } = plugin();
      expect(p.handleBatch(Buffer.from(payload))).toBe(true);
    }
  });

  it('an invalid event is logged and survived, as before', () => {
    const { p, lines } = plugin();
    p.handleEventText('{"bgp":');
    p.handleEventText(announce);
    expect(lines.some((l) => l.includes('level=WARN msg="event is not valid JSON, ignored"'))).toBe(true);
    expect(p.table.count()).toBe(1);
  });
});

// ---- property: the scanner agrees with JSON.parse on generated events ----

describe.skipIf(!FLOW)('event scanner: property against JSON.parse', () => {
  it('whenever it answers, JSON.parse accepts the text and the plugin does exactly what the object path does', () => {
    let fastCount = 0;
    fc.assert(
      fc.property(eventText, (t) => {
        const isFast = fast(t);
        if (isFast) {
          fastCount++;
          expect(() => JSON.parse(t)).not.toThrow();
        }
        const trimmed = t.trim();
        const expected = viaJsonParse([trimmed]);
        for (const r of [viaText([trimmed]), viaBatch([t])]) {
          expect(r.out).toEqual(expected);
          expect(r.full).toBe(isFast ? 0 : 1);
        }
      }),
      { numRuns: 1500 },
    );
    // The generator must exercise the fast path, not only the fallback.
    expect(fastCount).toBeGreaterThan(40);
  });
});

describe.skipIf(!FLOW)('event scanner: every event as Ze builds it takes the fast path', () => {
  it('random peers, families, hex, withdrawals and ADD-PATH flags: fast, and the same result as JSON.parse', () => {
    const fams = fc.constantFrom('ipv4/flow', 'ipv4/mpls-vpn', 'ipv6/flow', 'ipv4/colored');
    const fieldArb = fc.dictionary(fams, fc.oneof(fc.constantFrom('0501180a0000', '050118c0a801', '000000070501180a0000'), fc.stringMatching(/^[0-9a-f]{0,24}$/)), { maxKeys: 2 });
    const ev = fc.record({
      peer: fc.oneof(fc.ipV4(), fc.ipV6()),
      id: fc.nat(),
      nlri: fc.option(fieldArb, { nil: undefined }),
      withdrawn: fc.option(fieldArb, { nil: undefined }),
      addPath: fc.option(fc.dictionary(fams, fc.boolean(), { maxKeys: 2 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(ev, { minLength: 1, maxLength: 4 }), (evs) => {
        const texts = evs.map((e) => JSON.stringify(updateEvent(e)));
        for (const t of texts) expect(fast(t)).toBe(true);
        for (const r of [viaText(texts), viaBatch(texts)]) {
          expect(r.full).toBe(0);
          expect(r.out).toEqual(viaJsonParse(texts));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!FLOW)('batch scanner: property against JSON.parse of the whole payload', () => {
  const mutation = fc.option(fc.tuple(fc.nat(), fc.constantFrom('del', 'dup', '"', '\\', ',', ']', '}', 'u', ' ', '\u0001', 'é', '\\n', '\\"', '\\\\')), { freq: 2 });
  it('whenever it takes a payload, JSON.parse reads the same events from it and the plugin does what the object path does', () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(eventText, { minLength: 1, maxLength: 3 }), mutation, (texts, m) => {
        let payload = JSON.stringify({ events: texts.map((t) => t + '\n') });
        if (m) {
          const [at, kind] = m;
          const i = at % payload.length;
          payload = kind === 'del' ? payload.slice(0, i) + payload.slice(i + 1) : kind === 'dup' ? payload.slice(0, i) + payload[i] + payload.slice(i) : payload.slice(0, i) + kind + payload.slice(i + 1);
        }
        const { p, lines } = plugin();
        if (!p.handleBatch(Buffer.from(payload))) {
          expect(p.stats.events + p.stats.fullParses).toBe(0);
          return;
        }
        taken++;
        const parsed = JSON.parse(payload) as { events: unknown[] };
        expect(Object.keys(parsed)).toEqual(['events']);
        expect(parsed.events.every((e) => typeof e === 'string')).toBe(true);
        expect(outcome(p, lines)).toEqual(viaJsonParse((parsed.events as string[]).map((e) => e.trim())));
      }),
      { numRuns: 800 },
    );
    expect(taken).toBeGreaterThan(200);
  });
});

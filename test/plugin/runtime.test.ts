/**
 * Unit tests of the runtime pieces, with expected values from ze-plugin-protocol.md (§1.3, §1.6,
 * §3.1-3.2, §6.1) and RFC 4271/4760.
 */
import { describe, expect, it } from 'vitest';
import { LineSplitter, formatFrame, parseFrame } from '../../src/plugin/framing.js';
import { formatSlog } from '../../src/plugin/log.js';
import { readPluginEnv } from '../../src/plugin/env.js';
import { isPrefixShaped, updateHexCommand, zeHasSplitter } from '../../src/plugin/nlri/originate.js';
import { defineFamily } from '../../src/registry/family.js';

describe('framing (§3.1, §3.2)', () => {
  it('parses requests, answers, bare verbs and keeps ids as strings', () => {
    expect(parseFrame('#7 ze-plugin-callback:post-startup')).toEqual({ id: '7', verb: 'ze-plugin-callback:post-startup', payload: '' });
    expect(parseFrame('#18446744073709551615 ok {"a":1}')).toEqual({ id: '18446744073709551615', verb: 'ok', payload: '{"a":1}' });
    expect(parseFrame('#3 error {"code":"error","message":"x y"}\r')).toEqual({ id: '3', verb: 'error', payload: '{"code":"error","message":"x y"}' });
  });
  it('rejects malformed lines', () => {
    expect(parseFrame('3 ok')).toBe('line does not start with #');
    expect(parseFrame('#3')).toBe('no space after the id');
    expect(parseFrame('#x ok')).toBe('bad id');
    expect(parseFrame('#18446744073709551616 ok')).toBe('bad id');
  });
  it('writes compact one-line JSON and leaves out a null payload', () => {
    expect(formatFrame('0', 'auth', { token: 't', name: 'n' })).toBe('#0 auth {"token":"t","name":"n"}\n');
    expect(formatFrame('4', 'ok')).toBe('#4 ok\n');
    expect(formatFrame('4', 'ok', { s: 'a\nb' })).toBe('#4 ok {"s":"a\\nb"}\n');
  });
  it('splits lines across chunks and refuses an over-long line', () => {
    const lines: string[] = [];
    const s = new LineSplitter(10);
    expect(s.push(Buffer.from('#1 ok\n#2 o'), (l) => lines.push(l))).toBeUndefined();
    expect(s.push(Buffer.from('k\n'), (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual(['#1 ok', '#2 ok']);
    expect(s.push(Buffer.from('0123456789A'), () => undefined)).toBe('line longer than 10 bytes');
  });
});

describe('slog lines (§1.6)', () => {
  it('have level= and msg=, quote values that need it', () => {
    const t = new Date('2026-01-02T03:04:05.000Z');
    expect(formatSlog('WARN', 'route announced', { peer: '127.0.0.1', nlri: '{"a":1}', n: 3, empty: '' }, t)).toBe(
      'time=2026-01-02T03:04:05.000Z level=WARN msg="route announced" peer=127.0.0.1 nlri="{\\"a\\":1}" n=3 empty=""',
    );
  });
});

describe('environment (§1.3)', () => {
  const base = { ZE_PLUGIN_HUB_HOST: '127.0.0.1', ZE_PLUGIN_HUB_PORT: '40873', ZE_PLUGIN_HUB_TOKEN: 'a'.repeat(64), ZE_PLUGIN_CERT_FP: 'AB'.repeat(32), ZE_PLUGIN_NAME: 'ze-nlri' };
  it('reads upper case first, lower-cases the fingerprint and removes every spelling of the token', () => {
    const env: NodeJS.ProcessEnv = { ...base, 'ze.plugin.hub.token': 'stale', ze_plugin_hub_token: 'stale2' };
    const e = readPluginEnv(env);
    expect(e).toEqual({ host: '127.0.0.1', port: 40873, token: 'a'.repeat(64), certFp: 'ab'.repeat(32), name: 'ze-nlri' });
    expect(env.ZE_PLUGIN_HUB_TOKEN).toBeUndefined();
    expect(env['ze.plugin.hub.token']).toBeUndefined();
    expect(env.ze_plugin_hub_token).toBeUndefined();
  });
  it('falls back to lower-case spellings', () => {
    const e = readPluginEnv({ 'ze.plugin.hub.port': '1234', ze_plugin_hub_token: 't', 'ze.plugin.name': 'x' });
    expect(e).toMatchObject({ host: '127.0.0.1', port: 1234, token: 't', name: 'x', certFp: '' });
  });
  it('refuses names that cannot authenticate (§2.3)', () => {
    expect(() => readPluginEnv({ ...base, ZE_PLUGIN_NAME: 'main.js' })).toThrow(/cannot authenticate/);
  });
});

describe('origination (§6.1)', () => {
  const fam = (safi: number) =>
    defineFamily({ name: `ipv4/t${safi}`, afi: 1, safi, decode: () => ({}), encodingLength: () => 0, encode: () => undefined, json: () => undefined, fromArgs: () => ({}) });
  it('knows which SAFIs Ze splits itself', () => {
    expect([70, 133, 134, 128, 4].every((s) => zeHasSplitter(1, s))).toBe(true);
    expect(zeHasSplitter(16388, 71)).toBe(true);
    expect(zeHasSplitter(1, 71)).toBe(false);
    expect(zeHasSplitter(1, 241)).toBe(false);
  });
  it('checks the prefix shape Ze assumes for other SAFIs', () => {
    expect(isPrefixShaped(Uint8Array.from([0x18, 10, 0, 0]))).toBe(true);
    expect(isPrefixShaped(Uint8Array.from([0x18, 10, 0]))).toBe(false);
    expect(isPrefixShaped(Uint8Array.from([0, 0, 0, 7, 0x08, 10]), true)).toBe(true);
    expect(() => updateHexCommand(fam(242), 'add', Uint8Array.from([1, 2, 3]))).toThrow(/Ze cannot originate ipv4\/t242/);
  });
  it('builds update hex commands with default attributes and next hop', () => {
    expect(updateHexCommand(fam(242), 'add', Uint8Array.from([0x18, 10, 0, 0]))).toBe('update hex attr set 40010100400200 nhop set self nlri ipv4/t242 add 180A0000');
    expect(updateHexCommand(fam(242), 'add', Uint8Array.from([0x18, 10, 0, 0]), { nextHop: '192.0.2.1', attributes: '40010101' })).toBe(
      'update hex attr set 40010101 nhop set C0000201 nlri ipv4/t242 add 180A0000',
    );
    expect(updateHexCommand(fam(242), 'add', Uint8Array.from([0x18, 10, 0, 0]), { nextHop: '2001:db8::1' })).toContain('nhop set 20010DB8000000000000000000000001 ');
    // FlowSpec carries no next hop (RFC 8955 §4), but Ze f09f9ac2 sends nothing without one: the
    // zero address of the AFI (receivers ignore it); `none` leaves it out.
    const flow = defineFamily({ name: 'ipv4/flow', afi: 1, safi: 133, decode: () => ({}), encodingLength: () => 0, encode: () => undefined, json: () => undefined, fromArgs: () => ({}) });
    expect(updateHexCommand(flow, 'add', Uint8Array.from([5, 1, 0x18, 10, 0, 0]))).toBe('update hex attr set 40010100400200 nhop set 00000000 nlri ipv4/flow add 0501180A0000');
    expect(updateHexCommand(flow, 'add', Uint8Array.from([5, 1, 0x18, 10, 0, 0]), { nextHop: 'none' })).toBe('update hex attr set 40010100400200 nlri ipv4/flow add 0501180A0000');
    const flow6 = defineFamily({ name: 'ipv6/flow', afi: 2, safi: 133, decode: () => ({}), encodingLength: () => 0, encode: () => undefined, json: () => undefined, fromArgs: () => ({}) });
    expect(updateHexCommand(flow6, 'add', Uint8Array.from([5, 1, 0x18, 10, 0, 0]))).toContain(' nhop set 00000000000000000000000000000000 nlri ipv6/flow add ');
    expect(updateHexCommand(fam(242), 'del', Uint8Array.from([0x18, 10, 0, 0]))).toBe('update hex nlri ipv4/t242 del 180A0000');
  });
});

/**
 * Hex lines (one BGP message or UPDATE body per line) and format detection from the first
 * octets (pcap / pcapng magic, hex text, BMP v3 and MRT common headers).
 */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/input/detect.js';
import { HexLineReader } from '../../src/input/hex-lines.js';
import * as B from './build.js';
import { decodeBytes } from './run.js';

const UPD = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001]), B.nextHop('192.0.2.1')), B.prefix4('10.0.0.0/24'));
const HEX = Buffer.from(UPD).toString('hex');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('hex lines', () => {
  it('a whole message, an UPDATE body, spaces / colons / 0x / upper case, comments and empty lines', () => {
    const body = HEX.slice(38);
    const spaced = HEX.toUpperCase().match(/../g)!.join(' ');
    const colons = '0x' + HEX.match(/../g)!.join(':');
    const text = `# a comment\n${HEX}\n\n${body}\r\n${spaced}\n${colons}`;
    const d = decodeBytes('hex', enc(text), 5);
    expect(d.errors).toEqual([]);
    expect(d.routes.map((r) => [r.nlri, (r.source as { line: number }).line])).toEqual([
      ['10.0.0.0/24', 2],
      ['10.0.0.0/24', 4],
      ['10.0.0.0/24', 5],
      ['10.0.0.0/24', 6],
    ]);
    expect(d.routes[1]!.source).toEqual({ format: 'hex', line: 4, offset: 12 + HEX.length + 2, record: 'update' });
  });

  it('not hex: reported with the line and its offset, the next line still reads', () => {
    const d = decodeBytes('hex', enc(`zz\n${HEX}\n`));
    expect(d.errors).toEqual([{ code: 'invalid-hex', offset: 0, message: expect.stringMatching(/^line 1: /), fatal: false }]);
    expect(d.routes).toHaveLength(1);
  });

  it('a line over the bound is reported once and skipped without being kept whole', () => {
    const r = new HexLineReader({ maxLine: 100 });
    const out = [...r.push(enc('00'.repeat(60))), ...r.push(enc('00'.repeat(60) + `\n${HEX}\n`)), ...r.end()];
    expect(out.map((x) => x.kind)).toEqual(['error', 'hex']);
    expect(out[0]).toMatchObject({ error: { code: 'bad-length', message: 'line 1 is longer than 100 octets', offset: 0 } });
    expect(out[1]).toMatchObject({ line: 2, offset: 241 });
  });

  it('non-UPDATE messages are counted as skipped', () => {
    const d = decodeBytes('hex', enc(Buffer.from(B.KEEPALIVE).toString('hex') + '\n'));
    expect(d.routes).toEqual([]);
    expect(Object.fromEntries(d.reader.skipped)).toEqual({ 'hex/keepalive': 1 });
  });

  it('--add-path and --as2 defaults apply to hex lines', () => {
    const upd = B.update(B.cat(B.ORIGIN_IGP, B.asPath([65001, 65002], false), B.nextHop('192.0.2.1')), B.cat(B.u32(9), B.prefix4('10.0.0.0/24')));
    const d = decodeBytes('hex', enc(Buffer.from(upd).toString('hex')), undefined, { defaults: { as4: false, addPath: ['ipv4/unicast'] } });
    expect(d.routes[0]).toMatchObject({ attr: { 'as-path': [65001, 65002] }, nlri: { 'path-id': 9, prefix: '10.0.0.0/24' } });
  });
});

describe('detectFormat', () => {
  it('pcap (both byte orders, ns magic), pcapng, hex, BMP, MRT, unknown', () => {
    expect(detectFormat(B.buf(B.pcap(1, [])))).toBe('pcap');
    expect(detectFormat(B.buf([0xa1, 0xb2, 0x3c, 0x4d]))).toBe('pcap');
    expect(detectFormat(B.buf(B.pcapng(1, [])))).toBe('pcap');
    expect(detectFormat(enc(`# x\n${HEX}\n`))).toBe('hex');
    expect(detectFormat(B.buf(B.bmp(4, [])))).toBe('bmp');
    expect(detectFormat(B.buf(B.mrt(1700000000, 13, 1, B.peerIndexTable('1.2.3.4', '', []))))).toBe('mrt');
    expect(detectFormat(B.buf(B.mrt(1700000000, 16, 4, [])))).toBe('mrt');
    expect(detectFormat(B.buf([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
    expect(detectFormat(new Uint8Array(0))).toBeUndefined();
  });
});

/**
 * The byte path of `ze-nlri --decode` (src/cli/line-protocol.ts `answerDecodeBytes`, issue 16):
 * a `decode [json] nlri <family> <hex>` line answered straight from its bytes must give the
 * same text as the string path (`answerLine`, whose answers line-protocol.test.ts checks
 * against Ze's loop and the registry's decodeHex), or decline (undefined) so that the string path
 * answers. And the server's lazy loading: a family group is loaded when a request first names
 * it, and the answers are those of a registry that had every family from the start.
 */
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry, samples } from '../../src/index.js';
import { FAST_DECODE_LIMIT, answerDecodeBytes, answerLine } from '../../src/cli/line-protocol.js';
import { serveLineProtocol } from '../../src/cli/line-server.js';
import { LazyFamilies } from '../../src/cli/load.js';

const reg = createDefaultRegistry();

function bytesAnswer(line: string): string | undefined {
  // Inside a larger buffer, so that the window (not the whole buffer) is what is read.
  const b = Buffer.from(`junk\n${line}\nmore`, 'utf8');
  return answerDecodeBytes(reg, b, 5, b.length - 5);
}

describe('answerDecodeBytes gives answerLine\'s text', () => {
  it('every sample, in every spelling of the request, is answered from the bytes', () => {
    for (const s of samples) {
      for (const line of [
        `decode nlri ${s.family} ${s.hex}`,
        `decode json nlri ${s.family} ${s.hex}`,
        `  decode\tjson  nlri ${s.family.toUpperCase()} ${s.hex.toLowerCase()}\r`,
        `decode nlri ${s.family} ${s.hex}${s.hex}`,
      ]) {
        const got = bytesAnswer(line);
        expect(got, line).toBeDefined();
        expect(got, line).toBe(answerLine(reg, line));
        expect(got!.startsWith('decoded json ')).toBe(true);
      }
    }
  });

  it('bad hex, an unknown family and a malformed NLRI: decoded unknown, as answerLine says', () => {
    for (const line of [
      'decode nlri ipv4/flow 0801180A000003810',
      'decode nlri ipv4/flow 0801180A00000381G6',
      'decode nlri ipv4/flow 0801180A00000381é6',
      'decode nlri ipv9/flow 0801180A0000038106',
      'decode nlri ipv4/flow 0901180A0000038106',
    ]) {
      expect(bytesAnswer(line), line).toBe('decoded unknown');
      expect(answerLine(reg, line), line).toBe('decoded unknown');
    }
  });

  it('declines what it does not read: text, encode, extra words, UTF-8 family, over the size limit', () => {
    const big = '00'.repeat(FAST_DECODE_LIMIT + 1);
    for (const line of [
      'decode text nlri ipv4/flow 0801180A0000038106',
      'encode nlri ipv4/flow destination 10.0.0.0/24',
      'decode nlri ipv4/flow 0801180A0000038106 extra',
      'decode json nlri ipv4/flow',
      'decode nlri ipv4/flöw 0801180A0000038106',
      'decode nlri',
      '',
      `decode nlri ipv4/rtc ${big}`,
    ]) {
      expect(bytesAnswer(line), line).toBeUndefined();
    }
    // Just under the limit it is read, and agrees.
    const under = `decode nlri ipv4/rtc ${'00'.repeat(FAST_DECODE_LIMIT)}`;
    expect(bytesAnswer(under)).toBe(answerLine(reg, under));
  });

  it('property: any mutation of a sample request is declined or answered as answerLine answers it', () => {
    const pieces = ['decode', 'json', 'text', 'nlri', 'encode', ' ', '\t', '\r', '\v', 'G', 'é', '0', 'ff', 'IPV4/FLOW'];
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...pieces)), { maxLength: 4 }),
        (s, edits) => {
          let line = `decode json nlri ${s.family} ${s.hex}`;
          for (const [at, kind, piece] of edits) {
            const i = at % (line.length + 1);
            if (kind === 0) line = line.slice(0, i) + piece + line.slice(i);
            else if (kind === 1) line = line.slice(0, i) + line.slice(i + 1);
            else if (kind === 2) line = line.slice(0, i) + piece + line.slice(i + piece.length);
            else line = line.slice(0, i) + line.slice(i).replace(/[0-9A-F]{2}/, 'FF');
          }
          const got = bytesAnswer(line);
          if (got !== undefined) expect(got).toBe(answerLine(reg, line));
        },
      ),
      { numRuns: 3000, seed: 16 },
    );
  });
});

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _e: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

describe('--decode loads a family group when a request first names it', () => {
  it('answers equal a full registry\'s, each group loaded once, unnamed groups never', async () => {
    const byFamily = new Map(samples.map((s) => [s.family, s]));
    const pick = ['ipv4/flow', 'l2vpn/evpn', 'bgp-ls/bgp-ls', 'ipv4/mpls-vpn'].map((f) => byFamily.get(f)!);
    const lines = [
      ...pick.map((s) => `decode nlri ${s.family} ${s.hex}`),
      'encode nlri ipv4/rtc 65001:100:1',
      `decode text nlri ${pick[0]!.family} ${pick[0]!.hex}`,
      'decode nlri ipv9/none 00',
      ...pick.map((s) => `decode json nlri ${s.family.toUpperCase()} ${s.hex}`),
    ];
    const f = new LazyFamilies();
    const asked: string[] = [];
    const sink = new Sink();
    await serveLineProtocol(f.registry, Readable.from([Buffer.from(lines.join('\n') + '\n')]), sink, {
      load: (name) => {
        asked.push(name);
        return f.loadFamily(name);
      },
    });
    expect(sink.text).toBe(lines.map((l) => answerLine(reg, l) + '\n').join(''));
    expect(sink.text).not.toContain('decoded unknown\ndecoded unknown'); // the first requests were served
    const names = f.registry.list().map((c) => c.name);
    expect(names).toContain('ipv4/flow');
    expect(names).toContain('ipv4/rtc');
    // ipv9/none is no family: it loads every group once; before it, only the named groups were in.
    expect(asked.indexOf('ipv9/none')).toBeGreaterThan(asked.indexOf('ipv4/rtc'));
    expect(asked.filter((n) => n === 'ipv4/flow')).toHaveLength(1);
  });

  it('a server of one group has no other group loaded', async () => {
    const f = new LazyFamilies();
    const sink = new Sink();
    const s = samples.find((x) => x.family === 'ipv4/flow')!;
    await serveLineProtocol(f.registry, Readable.from([Buffer.from(`decode nlri ${s.family} ${s.hex}\n`)]), sink, { load: (n) => f.loadFamily(n) });
    expect(sink.text).toBe(answerLine(reg, `decode nlri ${s.family} ${s.hex}`) + '\n');
    expect(f.registry.has('l2vpn/evpn')).toBe(false);
    expect(f.registry.has('ipv6/flow')).toBe(true);
  });
});

describe('the byte path writes into the server\'s output batch', () => {
  it('answers longer than a batch buffer (it grows), many batches, string-path answers between: the same text in order', async () => {
    const rtc = samples.find((x) => x.family === 'ipv4/rtc')!;
    const flow = samples.find((x) => x.family === 'ipv4/flow')!;
    // 5000 RTC NLRIs (about 60 KiB of hex, under FAST_DECODE_LIMIT): an answer of about 350 KiB,
    // more than the 128 KiB batch buffer.
    const big = `decode nlri ipv4/rtc ${rtc.hex.repeat(5000)}`;
    expect(rtc.hex.length * 5000 / 2).toBeLessThan(FAST_DECODE_LIMIT);
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`decode nlri ${flow.family} ${flow.hex}`);
    lines.splice(10, 0, big, `decode text nlri ${flow.family} ${flow.hex}`, 'encode nlri ipv4/rtc 65001:100:1', big);
    lines.push(big);
    const sink = new Sink();
    await serveLineProtocol(reg, Readable.from([Buffer.from(lines.join('\n') + '\n')]), sink);
    const want = lines.map((l) => answerLine(reg, l) + '\n').join('');
    expect(want.length).toBeGreaterThan(1_000_000);
    expect(sink.text).toBe(want);
  });
});

/**
 * `ze-nlri --decode` transport (src/cli/line-server.ts) and answers (src/cli/line-protocol.ts),
 * in process: exactly one answer line per request line whatever the bytes, the line-length
 * limit, batched writes with backpressure (no listener pile-up), and streamed large answers that
 * equal the whole-string decode. Expected answers: Ze's `--decode` loop (parts < 3 → `decoded
 * unknown`, etc.) and the registry's own `decodeHex` for the equivalence of the streamed form.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefaultRegistry, samples } from '../../src/index.js';
import { answerLine } from '../../src/cli/line-protocol.js';
import { MAX_REQUEST_LINE, serveLineProtocol } from '../../src/cli/line-server.js';

const reg = createDefaultRegistry();

/** A Writable that keeps what it gets, counting writes; `slow` delays each callback (backpressure). */
class Sink extends Writable {
  text = '';
  writes = 0;
  maxDrainListeners = 0;
  constructor(highWaterMark = 16 * 1024, private readonly slow = false) {
    super({ highWaterMark, decodeStrings: false });
    const on = this.on.bind(this);
    this.on = (ev: string | symbol, fn: (...a: any[]) => void) => {
      const r = on(ev, fn);
      if (ev === 'drain') this.maxDrainListeners = Math.max(this.maxDrainListeners, this.listenerCount('drain'));
      return r;
    };
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.writes++;
    this.text += chunk.toString();
    if (this.slow) setImmediate(cb);
    else cb();
  }
}

async function serve(input: Buffer | Buffer[], opts: { maxLine?: number; sink?: Sink } = {}): Promise<{ lines: string[]; sink: Sink; overlong: number[] }> {
  const sink = opts.sink ?? new Sink();
  const overlong: number[] = [];
  const chunks = Array.isArray(input) ? input : [input];
  await serveLineProtocol(reg, Readable.from(chunks, { objectMode: false }), sink, { maxLine: opts.maxLine, onOverlong: (n) => overlong.push(n) });
  const lines = sink.text.split('\n');
  expect(lines.pop()).toBe('');
  return { lines, sink, overlong };
}

describe('one answer line per request line', () => {
  it('blank lines, unknown commands, CR LF, a CR inside a line, NUL and invalid UTF-8', async () => {
    const input = Buffer.concat([
      Buffer.from('decode nlri ipv4/flow 0501180A0000\r\n'),
      Buffer.from('\n'),
      Buffer.from('   \t \n'),
      Buffer.from('\r\n'),
      Buffer.from('hello world foo bar\n'),
      Buffer.from('decode nlri ipv4/flow 0501\r180A0000\n'),
      Buffer.from([0xff, 0xfe, 0x00, 0x0d, 0x80, 0x0a]),
      Buffer.from('encode nlri ipv4/flow destination 10.0.0.0/24\r\n'),
      Buffer.from('encode x\n'),
      Buffer.from('foo json nlri\n'),
      Buffer.from('decode nlri ipv4/flow 0501180A0000'), // last line, no LF
    ]);
    const { lines } = await serve(input);
    expect(lines).toEqual([
      'decoded json {"destination":[["10.0.0.0/24/0"]]}',
      'decoded unknown',
      'decoded unknown',
      'decoded unknown',
      'decoded unknown',
      // Ze's strings.Fields splits on the CR: `0501` is a truncated NLRI.
      'decoded unknown',
      'decoded unknown',
      'encoded hex 0501180A0000',
      'decoded unknown',
      'encoded error missing arguments',
      'decoded json {"destination":[["10.0.0.0/24/0"]]}',
    ]);
  });

  it('property: any bytes, cut into any chunks, get one answer per LF-terminated line', async () => {
    const lineArb = fc.oneof(
      fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a.filter((b) => b !== 0x0a))),
      fc.constantFrom('decode nlri ipv4/flow 0501180A0000', 'decode text nlri ipv4/rtc 00', 'encode nlri ipv4/flow bogus', 'decode', '', '\r').map((s) => Buffer.from(s)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }), async (ls, cuts) => {
        const all = Buffer.concat(ls.flatMap((l) => [l, Buffer.from('\n')]));
        const chunks: Buffer[] = [];
        for (let p = 0, k = 0; p < all.length; k++) {
          const n = cuts[k % cuts.length]!;
          chunks.push(all.subarray(p, p + n));
          p += n;
        }
        const { lines } = await serve(chunks, { maxLine: 30 });
        expect(lines.length).toBe(ls.length);
        for (const l of lines) expect(l).toMatch(/^(decoded (unknown|json .+|text .+)|encoded (hex [0-9A-F]+|error .+))$/);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the line-length limit', () => {
  it('is 16 MiB by default', () => {
    expect(MAX_REQUEST_LINE).toBe(16 * 1024 * 1024);
  });

  it('a longer line is answered without being kept, and the next line is served', async () => {
    const long = Buffer.alloc(5000, 0x30);
    const input = [
      Buffer.from('decode nlri ipv4/rtc '),
      long,
      long,
      Buffer.from('\nencode nlri ipv4/flow destination '),
      long,
      Buffer.from('\ndecode nlri ipv4/flow 0501180A0000\n'),
      Buffer.from('x'.repeat(1000)),
      Buffer.from('\ndecode nlri ipv4/flow 0501180A0000'),
    ];
    const { lines, overlong } = await serve(input, { maxLine: 1000 });
    expect(lines).toEqual([
      'decoded unknown',
      'encoded error request line longer than 1000 bytes',
      'decoded json {"destination":[["10.0.0.0/24/0"]]}',
      'decoded unknown', // exactly 1000 bytes: served (and not a request)
      'decoded json {"destination":[["10.0.0.0/24/0"]]}',
    ]);
    expect(overlong).toEqual([1, 2]);
  });

  it('an over-long last line without LF is answered too', async () => {
    const { lines } = await serve([Buffer.from('encode '), Buffer.alloc(2000, 0x41)], { maxLine: 100 });
    expect(lines).toEqual(['encoded error request line longer than 100 bytes']);
  });
});

describe('batched writes and backpressure', () => {
  it('10k answers in few writes, one drain listener at most, to a slow sink', async () => {
    const warnings: Error[] = [];
    const onWarn = (w: Error) => warnings.push(w);
    process.on('warning', onWarn);
    try {
      const input = Buffer.from('decode nlri ipv4/flow 0501180A0000\n'.repeat(10_000));
      const sink = new Sink(1024, true);
      const { lines } = await serve([input.subarray(0, 100_000), input.subarray(100_000)], { sink });
      expect(lines.length).toBe(10_000);
      expect(new Set(lines)).toEqual(new Set(['decoded json {"destination":[["10.0.0.0/24/0"]]}']));
      expect(sink.writes).toBeLessThan(100);
      expect(sink.maxDrainListeners).toBeLessThanOrEqual(1);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarn);
    }
  });

  it('answers a line before the input ends (a tool writing one line and waiting)', async () => {
    const input = new PassThrough();
    const sink = new Sink();
    const done = serveLineProtocol(reg, input, sink);
    input.write('decode nlri ipv4/flow 0501180A0000\n');
    for (let k = 0; k < 20 && sink.text === ''; k++) await new Promise((r) => setImmediate(r));
    expect(sink.text).toBe('decoded json {"destination":[["10.0.0.0/24/0"]]}\n');
    input.end();
    await done;
  });
});

describe('streamed answers equal the whole-string decode', () => {
  it('every sample, alone and doubled', () => {
    for (const s of samples) {
      for (const hex of [s.hex, s.hex + s.hex]) {
        expect(answerLine(reg, `decode nlri ${s.family} ${hex}`)).toBe('decoded json ' + reg.decodeHex(s.family, hex, { lossless: true }));
      }
    }
  });

  it('a field of 300k NLRIs (an answer over the 1 MiB kept in the first pass) is the same text', () => {
    const hex = '00'.repeat(300_000);
    const want = 'decoded json ' + reg.decodeHex('ipv4/rtc', hex);
    const got = answerLine(reg, `decode nlri ipv4/rtc ${hex}`);
    expect(got.length).toBe(want.length);
    expect(got === want).toBe(true);
    const bad = answerLine(reg, `decode nlri ipv4/rtc ${hex}01`);
    expect(bad).toBe('decoded unknown');
  });

  it('text of many NLRIs: joined with "; "', () => {
    const one = answerLine(reg, 'decode text nlri ipv4/flow 0501180A0000');
    expect(one.startsWith('decoded text ')).toBe(true);
    const body = one.slice('decoded text '.length);
    const many = answerLine(reg, `decode text nlri ipv4/flow ${'0501180A0000'.repeat(100_000)}`);
    expect(many === 'decoded text ' + Array(100_000).fill(body).join('; ')).toBe(true);
  });
});

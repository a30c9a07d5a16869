// Benchmark input for docs/decode-file.md: node test/input/gen-mrt.mjs <file> [MiB, default 1024]
// Writes a TABLE_DUMP_V2 file of about N MiB: a PEER_INDEX_TABLE of 8 peers, then RIB_IPV4_UNICAST
// and RIB_IPV6_UNICAST records of 4 entries each (ORIGIN, AS_PATH of 4, NEXT_HOP / short MP_REACH, MED, 3 communities).
import { createWriteStream } from 'node:fs';
const [file, mib] = [process.argv[2], Number(process.argv[3] ?? 1024)];
const target = mib * 1048576;
const out = createWriteStream(file, { highWaterMark: 1 << 22 });
const u16 = (v) => [(v >> 8) & 255, v & 255];
const u32 = (v) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const rec = (type, sub, body) => Buffer.from([...u32(1700000000), ...u16(type), ...u16(sub), ...u32(body.length), ...body]);
const peers = [];
for (let i = 0; i < 8; i++) peers.push(2, 192, 0, 2, i + 1, 192, 0, 2, i + 1, ...u32(64512 + i));
let written = 0;
const chunks = [];
const push = (b) => { chunks.push(b); written += b.length; };
push(rec(13, 1, [192, 0, 2, 100, 0, 0, ...u16(8), ...peers]));
let seq = 0;
function attrs(i, peer, v6) {
  const asp = [2, 4, ...u32(64512 + peer), ...u32(3356), ...u32(1299 + (i % 50)), ...u32(4200000000 + (i % 1000))];
  const nh = v6 ? [0x80, 14, 17, 16, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, peer + 1] : [0x40, 3, 4, 192, 0, 2, peer + 1];
  return [0x40, 1, 1, 0, 0x40, 2, asp.length, ...asp, ...nh, 0x80, 4, 4, ...u32(i % 1000), 0xc0, 8, 12, ...u32(0xfde90064), ...u32(0xfde900c8), ...u32(0x0d1c0000 + (i & 0xffff))];
}
function write() {
  while (written < target) {
    const i = seq;
    const v6 = i % 5 === 0;
    const prefix = v6 ? [48, 0x20, 0x01, 0x0d, 0xb8, (i >> 8) & 255, i & 255] : [24, 1 + ((i >> 16) % 223), (i >> 8) & 255, i & 255];
    const body = [...u32(seq++), ...prefix, ...u16(4)];
    for (let p = 0; p < 4; p++) {
      const a = attrs(i, p, v6);
      body.push(...u16(p), ...u32(1600000000 + i), ...u16(a.length), ...a);
    }
    push(rec(13, v6 ? 4 : 2, body));
    if (chunks.length >= 4096) {
      const ok = out.write(Buffer.concat(chunks.splice(0)));
      if (!ok) return out.once('drain', write);
    }
  }
  out.end(Buffer.concat(chunks.splice(0)));
}
write();

// Whole-UPDATE benchmark: `npm run bench:update [-- --quick]`, through the built package (dist/).
//
// Two typical UPDATEs (ORIGIN, AS_PATH, MED, LOCAL_PREF, COMMUNITIES, EXTENDED_COMMUNITIES, and an
// MP_REACH_NLRI with one FlowSpec or one VPN NLRI), measured as:
//   view       viewUpdate(bytes, session)            framing only; attributes decode on access
//   view+NLRI  the same, then the MP_REACH NLRIs      what a route table keyed by NLRI needs
//   typed      decodeUpdate(bytes, session)          bytes → every attribute typed, RFC 7606 verdict
//   json       updateToJson(decodeUpdate(bytes))     bytes → Ze's whole-UPDATE JSON text
//   hex→json   decodeUpdateHex(hex)                  what `ze bgp decode --update --json` does
//   encode     encodeUpdate(model, session)          model → bytes
//   +NLRI      the FlowSpec UPDATE with 1, 10 and 100 NLRIs: the cost of each extra NLRI
// Each figure is the median of 5 timed batches after a warm-up, in CPU time (bench/measure.mjs).
import { measurer } from './measure.mjs';
import { createSession, decodeUpdate, decodeUpdateHex, encodeUpdate, updateToJson, viewUpdate } from '../dist/index.js';

const quick = process.argv.includes('--quick');
const BATCH_MS = quick ? 20 : 80;
let sink = 0;

const measure = measurer(BATCH_MS, 5);

const attr = (flags, code, v) => (v.length > 255 ? [flags | 0x10, code, v.length >> 8, v.length & 255, ...v] : [flags, code, v.length, ...v]);
const u32 = (n) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const common = [
  ...attr(0x40, 1, [0]),
  ...attr(0x40, 2, [2, 2, ...u32(65001), ...u32(65002)]),
  ...attr(0x80, 4, u32(100)),
  ...attr(0x40, 5, u32(100)),
  ...attr(0xc0, 8, [0xfd, 0xe8, 0, 1, 0xfd, 0xe8, 0, 2]),
  ...attr(0xc0, 16, [0, 2, 0xfd, 0xe8, 0, 0, 0, 100, 0x80, 6, 0, 0, 0, 0, 0, 0]),
];
// FlowSpec: destination 10.0.0.0/24, protocol =6, port =80 (RFC 8955 §4.2.2).
const flowNlri = (k) => {
  const one = [0x0c, 1, 24, 10, 0, k & 255, 3, 0x81, 6, 4, 0x91, 0, 80];
  return one;
};
const message = (attrs) => {
  const body = [0, 0, attrs.length >> 8, attrs.length & 255, ...attrs];
  const len = body.length + 19;
  return Uint8Array.from([...new Array(16).fill(0xff), len >> 8, len & 255, 2, ...body]);
};
const flowUpdate = (n) => {
  const nlri = [];
  for (let k = 0; k < n; k++) nlri.push(...flowNlri(k));
  return message([...common, ...attr(0x80, 14, [0, 1, 133, 0, 0, ...nlri])]);
};
// VPN: label 16, RD 0:65000:1, 10.1.0.0/16, next hop RD 0 + 192.0.2.1 (RFC 4364 §4.3.2).
const vpnUpdate = message([
  ...common,
  ...attr(0x80, 14, [0, 1, 128, 12, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 1, 0, 104, 0, 1, 1, 0, 0, 0xfd, 0xe8, 0, 0, 0, 1, 10, 1]),
]);

const session = createSession({});
const rows = [];
const hexOf = (b) => Buffer.from(b).toString('hex').toUpperCase();
for (const [name, bytes] of [
  ['FlowSpec UPDATE', flowUpdate(1)],
  ['VPN UPDATE', vpnUpdate],
]) {
  const hex = hexOf(bytes);
  const model = decodeUpdate(bytes, session);
  if (model.problems.length) throw new Error(`${name}: ${model.problems[0].error.message}`);
  rows.push({
    name,
    octets: bytes.length,
    view: measure(() => {
      sink += viewUpdate(bytes, session).attributeCount;
    }),
    viewNlri: measure(() => {
      sink += viewUpdate(bytes, session).mpReach.nlri.length;
    }),
    typed: measure(() => {
      sink += decodeUpdate(bytes, session).attributes.size;
    }),
    json: measure(() => {
      sink += updateToJson(decodeUpdate(bytes, session)).length;
    }),
    hexJson: measure(() => {
      sink += decodeUpdateHex(hex, session).length;
    }),
    encode: measure(() => {
      sink += encodeUpdate(model, session).length;
    }),
  });
}
console.log('| UPDATE | octets | view | view + NLRIs | bytes→typed (all, RFC 7606) | bytes→JSON | hex→JSON | model→bytes |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${r.octets} | ${r.view.toFixed(0)} ns | ${r.viewNlri.toFixed(0)} ns | ${r.typed.toFixed(0)} ns | ${r.json.toFixed(0)} ns | ${r.hexJson.toFixed(0)} ns | ${r.encode.toFixed(0)} ns |`);

console.log('\n| FlowSpec NLRIs in one UPDATE | bytes→typed | per extra NLRI | bytes→JSON | per extra NLRI |');
console.log('|---:|---:|---:|---:|---:|');
const base = {};
for (const n of [1, 10, 100]) {
  const b = flowUpdate(n);
  const typed = measure(() => {
    sink += decodeUpdate(b, session).attributes.size;
  });
  const json = measure(() => {
    sink += updateToJson(decodeUpdate(b, session)).length;
  });
  if (n === 1) Object.assign(base, { typed, json });
  const per = (x, b0) => (n === 1 ? '' : `${((x - b0) / (n - 1)).toFixed(0)} ns`);
  console.log(`| ${n} | ${typed.toFixed(0)} ns | ${per(typed, base.typed)} | ${json.toFixed(0)} ns | ${per(json, base.json)} |`);
}
if (sink === 42) console.log('');

/**
 * A validating scanner for Ze's `deliver-batch` payload, read as the engine's bytes (ze-plugin-
 * protocol.md §5.6, §8): `{"events":["<event>", …]}`, where each event is Ze's `full` update
 * event as JSON text inside a JSON string. No string is made of the payload and nothing is
 * parsed into objects: the scanner walks each event **in its escaped form** (an event's quote is
 * the two bytes `\"`) and keeps only byte offsets of the values the route table needs:
 * `bgp.message.type`/`direction`, `bgp.peer.address`/`name`, `bgp.raw.nlri`, `raw.withdrawn`,
 * `raw.add-path`, `raw.attributes` and `raw.update` (the route's attributes and next hop, read
 * from Ze's bytes, never from Ze's decoding: route-attrs.ts). Everything else (Ze's own decoding, the attributes, the UPDATE body hex) is
 * only checked against the JSON grammar (RFC 8259: strings, escapes, numbers, literals, nesting).
 *
 * Two levels of "no":
 * - the payload is not exactly `{"events":[<strings>]}` (another key, another type, invalid
 *   JSON): `scan` returns false and the caller parses the payload with `JSON.parse` as before;
 *   nothing has been applied, because results are only recorded (on the tape) until the whole
 *   payload is checked;
 * - one event is valid as a JSON string but the scanner is not sure its reading equals what
 *   `JSON.parse` then the object path would give: the event is recorded as UNSURE and the caller
 *   parses that one event in full. "Unsure" covers: any grammar error in the event; a key or value
 *   the walk compares or keeps that holds an escape (at either level: Go writes `<`, `>`, `&` as
 *   `\u003c`…; those are read in the parts only checked); an outer `\u` escape of a quote, a
 *   backslash, a control character or a character outside the event's strings; a repeated key on the way (JSON.parse keeps the last value); a `bgp`,
 *   `message`, `peer`, `raw`, `nlri`, `withdrawn` or `add-path` that is not an object; a
 *   `message.type` or `direction` that is not a string; an event that is not an update; an
 *   integer-like family key (Object.keys would put it first); nesting deeper than 256.
 *
 * `scanString` reads one event given as a JSON string literal the same way (for events that
 * arrive as text).
 */

import { hex4At } from '../../core/hex.js';

/** Tape record kinds. */
export const EVENT_UNSURE = 0;
export const EVENT_UPDATE = 1;
/** Flags of an EVENT_UPDATE record. */
export const F_RECEIVED = 1;
export const F_RAW = 2;
/** Entry kinds. */
export const E_WITHDRAWN = 0;
export const E_NLRI = 1;

/*
 * The tape, one record per event, in order:
 *   EVENT_UNSURE: kind, a, b                       (the event's escaped text is bytes a..b)
 *   EVENT_UPDATE: kind, a, b, flags, peerA, peerB, nEntries, nAddPath,
 *                 nEntries × (entryKind, familyA, familyB, hexA, hexB),
 *                 nAddPath × (familyA, familyB),
 *                 attributesA, attributesB, updateA, updateB   (raw.attributes, raw.update; -1: absent)
 * peerA < 0: no peer string (the object path's 'unknown'). Spans are [start, end) byte offsets of a
 * plain string's content (no escapes: its bytes are its text, UTF-8).
 */

const MAX_DEPTH = 256;
// Parts of the event a container can be (OTHER: anywhere else, only checked).
const OTHER = 0;
const TOP = 1;
const BGP = 2;
const MESSAGE = 3;
const PEER = 4;
const RAW = 5;
const NLRI = 6;
const WITHDRAWN = 7;
const ADDPATH = 8;
// Bits of what the walk has met.
const S_BGP = 1;
const S_MESSAGE = 2;
const S_PEER = 4;
const S_RAW = 8;
const S_TYPE = 16;
const S_DIRECTION = 32;
const S_ADDRESS = 64;
const S_NAME = 128;
const S_NLRI = 256;
const S_WITHDRAWN = 512;
const S_ADDPATH = 1024;
const S_ATTRS = 2048;
const S_UPDATE = 4096;

const QUOTE = 0x22;
const BS = 0x5c;
const SLASH = 0x2f;

/** Bytes that end a run of plain string content: `"`, `\` and the control characters. */
const STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STOP[c] = 1;
STOP[QUOTE] = 1;
STOP[BS] = 1;
/** Escapes of RFC 8259 §7 after the backslash, other than `u`. */
const SIMPLE_ESCAPE = new Uint8Array(256);
for (const c of '"\\/bfnrt') SIMPLE_ESCAPE[c.charCodeAt(0)] = 1;

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const K_BGP = bytesOf('bgp');
const K_MESSAGE = bytesOf('message');
const K_PEER = bytesOf('peer');
const K_RAW = bytesOf('raw');
const K_TYPE = bytesOf('type');
const K_DIRECTION = bytesOf('direction');
const K_ADDRESS = bytesOf('address');
const K_NAME = bytesOf('name');
const K_NLRI = bytesOf('nlri');
const K_WITHDRAWN = bytesOf('withdrawn');
const K_ADDPATH = bytesOf('add-path');
const K_ATTRIBUTES = bytesOf('attributes');
const K_UPDATE = bytesOf('update');
const V_UPDATE = bytesOf('update');
const V_RECEIVED = bytesOf('received');
const ENVELOPE_KEY = bytesOf('"events"');
const EMPTY = new Uint8Array(0);

export class BatchScanner {
  private b: Uint8Array = EMPTY;
  private i = 0;
  private n = 0;
  /** Events end before this: one past the payload's last quote (see `istr`). */
  private end = 0;

  /** The records (see above); `length` entries used. */
  tape = new Int32Array(4096);
  length = 0;
  /** Events in the last payload. */
  count = 0;

  // ---- the event being walked ----
  /** Container parts of the open containers. */
  private readonly stack = new Uint8Array(MAX_DEPTH + 1);
  private received = true;
  private hasRaw = false;
  private a0 = -1; // peer.address span
  private a1 = -1;
  private n0 = -1; // peer.name span
  private n1 = -1;
  private r0 = -1; // raw.attributes span
  private r1 = -1;
  private u0 = -1; // raw.update span
  private u1 = -1;
  private ent: Int32Array<ArrayBuffer> = new Int32Array(5 * 16);
  private nEnt = 0;
  private ap: Int32Array<ArrayBuffer> = new Int32Array(2 * 16);
  private nAp = 0;
  /** Key spans of the family object being read (repeat detection). */
  private keys: Int32Array<ArrayBuffer> = new Int32Array(2 * 16);

  /**
   * Scan a deliver-batch payload. True: every event is on the tape (`count` records). False: the
   * payload is not `{"events":[<strings>]}` in valid JSON; parse it in full.
   */
  scan(payload: Uint8Array): boolean {
    this.b = payload;
    this.n = payload.length;
    this.end = payload.lastIndexOf(QUOTE) + 1;
    this.i = 0;
    this.length = 0;
    this.count = 0;
    const ok = this.envelope();
    this.b = EMPTY;
    if (!ok) this.count = this.length = 0;
    return ok;
  }

  /**
   * Scan one event given as a JSON string literal (quotes included: `JSON.stringify(text)` as
   * bytes). The tape then holds its one record. False when the bytes are not one JSON string.
   */
  scanString(json: Uint8Array): boolean {
    this.b = json;
    this.n = this.end = json.length;
    this.i = 1;
    this.length = 0;
    this.count = 0;
    const ok = json[0] === QUOTE && this.event() && this.i === json.length - 1;
    this.b = EMPTY;
    if (!ok) this.count = this.length = 0;
    return ok;
  }

  // ---- the envelope: {"events":[ "…", … ]} ----

  private envelope(): boolean {
    const b = this.b;
    this.ows();
    if (b[this.i] !== 0x7b) return false;
    this.i++;
    this.ows();
    if (!startsWith(b, this.i, this.n, ENVELOPE_KEY)) return false;
    this.i += ENVELOPE_KEY.length;
    this.ows();
    if (b[this.i] !== 0x3a) return false;
    this.i++;
    this.ows();
    if (b[this.i] !== 0x5b) return false;
    this.i++;
    this.ows();
    if (b[this.i] === 0x5d) this.i++;
    else {
      for (;;) {
        if (this.i >= this.n || b[this.i] !== QUOTE) return false;
        this.i++;
        if (!this.event()) return false;
        this.i++; // the closing quote
        this.ows();
        if (this.i >= this.n) return false;
        const c = b[this.i++];
        if (c === 0x5d) break;
        if (c !== 0x2c) return false;
        this.ows();
      }
    }
    this.ows();
    if (this.i >= this.n || b[this.i] !== 0x7d) return false;
    this.i++;
    this.ows();
    return this.i === this.n;
  }

  /**
   * One event: the content of a JSON string at `i`; leaves `i` at its closing quote and records
   * it. False when the string itself is invalid (then the whole payload is).
   */
  private event(): boolean {
    const a = this.i;
    if (this.update()) {
      this.record(a, this.i);
      return true;
    }
    // Not sure: find the string's end from its start, checking only the outer string.
    this.i = a;
    if (!this.skipString()) return false;
    this.grow(3);
    const t = this.tape;
    t[this.length++] = EVENT_UNSURE;
    t[this.length++] = a;
    t[this.length++] = this.i;
    this.count++;
    return true;
  }

  /** A JSON string's content at `i` (outer level); leaves `i` at the closing quote. */
  private skipString(): boolean {
    const b = this.b;
    const n = this.n;
    let i = this.i;
    for (;;) {
      while (i < n && STOP[b[i]!] === 0) i++;
      if (i >= n) return false;
      const c = b[i]!;
      if (c === QUOTE) break;
      if (c !== BS) return false; // a control character
      const d = b[i + 1]!;
      if (SIMPLE_ESCAPE[d] === 1) i += 2;
      else if (d === 0x75 && hex4At(b, i + 2) >= 0) i += 6;
      else return false;
    }
    this.i = i;
    return true;
  }

  private record(a: number, end: number): void {
    const ne = this.nEnt;
    const na = this.nAp;
    this.grow(12 + ne * 5 + na * 2);
    const t = this.tape;
    let p = this.length;
    t[p++] = EVENT_UPDATE;
    t[p++] = a;
    t[p++] = end;
    t[p++] = (this.received ? F_RECEIVED : 0) | (this.hasRaw ? F_RAW : 0);
    if (this.a0 >= 0) {
      t[p++] = this.a0;
      t[p++] = this.a1;
    } else {
      t[p++] = this.n0;
      t[p++] = this.n1;
    }
    t[p++] = ne / 5;
    t[p++] = na / 2;
    for (let k = 0; k < ne; k++) t[p++] = this.ent[k]!;
    for (let k = 0; k < na; k++) t[p++] = this.ap[k]!;
    t[p++] = this.r0;
    t[p++] = this.r1;
    t[p++] = this.u0;
    t[p++] = this.u1;
    this.length = p;
    this.count++;
  }

  private grow(more: number): void {
    if (this.length + more <= this.tape.length) return;
    const t = new Int32Array(Math.max(this.tape.length * 2, this.length + more));
    t.set(this.tape.subarray(0, this.length));
    this.tape = t;
  }

  /** JSON whitespace at the outer level (raw bytes). */
  private ows(): void {
    const b = this.b;
    const n = this.n;
    let i = this.i;
    while (i < n) {
      const c = b[i];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  // ---- one event, in its escaped form ----

  /**
   * The event at `i` is a plain update event; leaves `i` at the outer closing quote and the values
   * in the fields. One loop over the bytes with an explicit stack (no recursion, state in locals).
   */
  private update(): boolean {
    const b = this.b;
    const n = this.end;
    const stack = this.stack;
    let i = this.i;
    let type = 0; // message.type: 0 absent, 1 another type, 2 update
    let seen = 0;
    let depth = 0; // open containers; stack[depth - 1] is the innermost one's part (or ARRAY)
    let st = ST_VALUE;
    let act = A_TOP;
    let bit = 0; // the seen bit of an A_PART value
    let part = 0; // the part of an A_PART value
    let ka = 0; // the last key's span
    let ke = 0;
    let nk = 0; // keys of the family object being read
    this.received = true;
    this.hasRaw = false;
    this.a0 = this.a1 = this.n0 = this.n1 = this.r0 = this.r1 = this.u0 = this.u1 = -1;
    this.nEnt = this.nAp = 0;
    for (;;) {
      let c = b[i]!;
      // Whitespace between the event's tokens is rare (Ze's JSON is compact): test before calling.
      if (c === 0x20 || (c === BS && b[i + 1] !== QUOTE)) {
        i = iws(b, i, n);
        c = b[i]!;
      }
      if (i >= n) return false;
      if (st === ST_NEXT) {
        if (depth === 0) {
          this.i = i;
          return c === QUOTE && (seen & (S_BGP | S_MESSAGE)) === (S_BGP | S_MESSAGE) && type === 2;
        }
        const w = stack[depth - 1]!;
        i++;
        if (c === 0x2c) st = w === ARRAY ? ST_VALUE : ST_KEY;
        else if (c === (w === ARRAY ? 0x5d : 0x7d)) depth--;
        else return false;
        act = A_ANY;
        continue;
      }
      if (st === ST_KEY || st === ST_KEY_OR_END) {
        if (c === 0x7d && st === ST_KEY_OR_END) {
          i++;
          depth--;
          st = ST_NEXT;
          continue;
        }
        if (c !== BS || b[i + 1] !== QUOTE) return false;
        const r = istr(b, i + 2, n);
        if (r < 0) return false;
        ka = i + 2;
        ke = r >> 1;
        i = ke + 2;
        if (b[i] !== 0x3a) {
          i = iws(b, i, n);
          if (b[i] !== 0x3a) return false;
        }
        i++;
        st = ST_VALUE;
        const w = stack[depth - 1]!;
        act = A_ANY;
        if (w === OTHER) continue;
        // A key the walk compares must read as it is written.
        if (r & 1) return false;
        switch (w) {
          case TOP:
            if (ke - ka === 3 && same(b, ka, ke, K_BGP)) (act = A_PART), (part = BGP), (bit = S_BGP);
            break;
          case BGP:
            if (ke - ka === 7 && same(b, ka, ke, K_MESSAGE)) (act = A_PART), (part = MESSAGE), (bit = S_MESSAGE);
            else if (ke - ka === 4 && same(b, ka, ke, K_PEER)) (act = A_PART), (part = PEER), (bit = S_PEER);
            else if (ke - ka === 3 && same(b, ka, ke, K_RAW)) {
              this.hasRaw = true;
              (act = A_PART), (part = RAW), (bit = S_RAW);
            }
            break;
          case MESSAGE:
            if (ke - ka === 4 && same(b, ka, ke, K_TYPE)) {
              if (seen & S_TYPE) return false;
              seen |= S_TYPE;
              act = A_TYPE;
            } else if (ke - ka === 9 && same(b, ka, ke, K_DIRECTION)) {
              if (seen & S_DIRECTION) return false;
              seen |= S_DIRECTION;
              act = A_DIRECTION;
            }
            break;
          case PEER:
            if (ke - ka === 7 && same(b, ka, ke, K_ADDRESS)) {
              if (seen & S_ADDRESS) return false;
              seen |= S_ADDRESS;
              act = A_ADDRESS;
            } else if (ke - ka === 4 && same(b, ka, ke, K_NAME)) {
              if (seen & S_NAME) return false;
              seen |= S_NAME;
              act = A_NAME;
            }
            break;
          case RAW:
            if (ke - ka === 4 && same(b, ka, ke, K_NLRI)) (act = A_PART), (part = NLRI), (bit = S_NLRI);
            else if (ke - ka === 9 && same(b, ka, ke, K_WITHDRAWN)) (act = A_PART), (part = WITHDRAWN), (bit = S_WITHDRAWN);
            else if (ke - ka === 8 && same(b, ka, ke, K_ADDPATH)) (act = A_PART), (part = ADDPATH), (bit = S_ADDPATH);
            else if (ke - ka === 10 && same(b, ka, ke, K_ATTRIBUTES)) {
              if (seen & S_ATTRS) return false;
              seen |= S_ATTRS;
              act = A_ATTRS;
            } else if (ke - ka === 6 && same(b, ka, ke, K_UPDATE)) {
              if (seen & S_UPDATE) return false;
              seen |= S_UPDATE;
              act = A_UPDATE;
            }
            break;
          default: {
            // A family of raw.nlri / raw.withdrawn / raw.add-path. An integer-like key would come
            // first in Object.keys, and JSON.parse keeps a repeated key's last value: leave such
            // events to JSON.parse.
            const k0 = b[ka]!;
            if (k0 >= 0x30 && k0 <= 0x39) return false;
            let keys = this.keys;
            for (let k = 0; k < nk; k++) if (sameSpan(b, keys[2 * k]!, keys[2 * k + 1]!, ka, ke)) return false;
            if (2 * nk + 2 > keys.length) keys = this.keys = growTo(keys, 2 * nk + 2);
            keys[2 * nk] = ka;
            keys[2 * nk + 1] = ke;
            nk++;
            act = w === ADDPATH ? A_ADDPATH : w === NLRI ? A_NLRI : A_WITHDRAWN;
          }
        }
        continue;
      }
      // ST_VALUE: a value, read as `act` says.
      if (act !== A_ANY) {
        if (act === A_TOP || act === A_PART) {
          if (c !== 0x7b) return false;
          if (act === A_TOP) part = TOP;
          else {
            if (seen & bit) return false;
            seen |= bit;
            if (part >= NLRI) nk = 0;
          }
          stack[depth++] = part;
          i++;
          st = ST_KEY_OR_END;
          continue;
        }
        if (c === BS && b[i + 1] === QUOTE) {
          if (act !== A_ADDPATH) {
            // A string the walk keeps or compares: it must read as it is written.
            const r = istr(b, i + 2, n);
            if (r < 0 || r & 1) return false;
            const sa = i + 2;
            const sb = r >> 1;
            i = sb + 2;
            st = ST_NEXT;
            switch (act) {
              case A_TYPE:
                type = same(b, sa, sb, V_UPDATE) ? 2 : 1;
                break;
              case A_DIRECTION:
                this.received = same(b, sa, sb, V_RECEIVED);
                break;
              case A_ADDRESS:
                this.a0 = sa;
                this.a1 = sb;
                break;
              case A_NAME:
                this.n0 = sa;
                this.n1 = sb;
                break;
              case A_ATTRS:
                this.r0 = sa;
                this.r1 = sb;
                break;
              case A_UPDATE:
                this.u0 = sa;
                this.u1 = sb;
                break;
              default: {
                if (this.nEnt + 5 > this.ent.length) this.ent = growTo(this.ent, this.nEnt + 5);
                const t = this.ent;
                t[this.nEnt++] = act === A_NLRI ? E_NLRI : E_WITHDRAWN;
                t[this.nEnt++] = ka;
                t[this.nEnt++] = ke;
                t[this.nEnt++] = sa;
                t[this.nEnt++] = sb;
              }
            }
            continue;
          }
        } else if (act === A_TYPE || act === A_DIRECTION || act === A_ATTRS || act === A_UPDATE) return false;
        else if (act === A_ADDPATH && c === 0x74 && b[i + 1] === 0x72 && b[i + 2] === 0x75 && b[i + 3] === 0x65) {
          i += 4;
          if (this.nAp + 2 > this.ap.length) this.ap = growTo(this.ap, this.nAp + 2);
          this.ap[this.nAp++] = ka;
          this.ap[this.nAp++] = ke;
          st = ST_NEXT;
          continue;
        }
        // Any other value: only checked, as below.
      }
      switch (c) {
        case 0x7b: // {
          if (depth >= MAX_DEPTH) return false;
          stack[depth++] = OTHER;
          i++;
          st = ST_KEY_OR_END;
          continue;
        case 0x5b: // [
          if (depth >= MAX_DEPTH) return false;
          stack[depth++] = ARRAY;
          i = iws(b, i + 1, n);
          if (b[i] === 0x5d) {
            i++;
            depth--;
            st = ST_NEXT;
          } else st = ST_VALUE;
          act = A_ANY;
          continue;
        case BS: {
          if (b[i + 1] !== QUOTE) return false;
          const r = istr(b, i + 2, n);
          if (r < 0) return false;
          i = (r >> 1) + 2;
          break;
        }
        case 0x74: // t
          if (b[i + 1] !== 0x72 || b[i + 2] !== 0x75 || b[i + 3] !== 0x65) return false;
          i += 4;
          break;
        case 0x66: // f
          if (b[i + 1] !== 0x61 || b[i + 2] !== 0x6c || b[i + 3] !== 0x73 || b[i + 4] !== 0x65) return false;
          i += 5;
          break;
        case 0x6e: // n
          if (b[i + 1] !== 0x75 || b[i + 2] !== 0x6c || b[i + 3] !== 0x6c) return false;
          i += 4;
          break;
        default:
          i = inum(b, i, n);
          if (i < 0) return false;
      }
      st = ST_NEXT;
    }
  }
}

// Scanner states and the ways a value is read.
const ST_VALUE = 0;
const ST_KEY = 1;
const ST_KEY_OR_END = 2;
const ST_NEXT = 3;
const ARRAY = 9;
const A_ANY = 0;
const A_TOP = 1;
const A_PART = 2;
const A_TYPE = 3;
const A_DIRECTION = 4;
const A_ADDRESS = 5;
const A_NAME = 6;
const A_NLRI = 7;
const A_WITHDRAWN = 8;
const A_ADDPATH = 9;
const A_ATTRS = 10;
const A_UPDATE = 11;

/** JSON whitespace of the event from `i` (a space, or the outer escapes `\n`, `\r`, `\t`): the index after it. */
function iws(b: Uint8Array, i: number, n: number): number {
  while (i < n) {
    const c = b[i];
    if (c === 0x20) i++;
    else if (c === BS) {
      const d = b[i + 1];
      if (d === 0x6e || d === 0x72 || d === 0x74) i += 2;
      else break;
    } else break;
  }
  return i;
}

/**
 * An event-level string whose content starts at `i` (after its `\"`), RFC 8259 §7 at both
 * levels: in the outer string `"` is `\"` and `\` is `\\`, so the event's escape `\n` is the
 * bytes `\\n`. The event's strings may not hold control characters (an outer `\n` inside them).
 * Returns `end << 1 | escaped` (end: the `\` of the closing `\"`), or -1.
 */
function istr(b: Uint8Array, i: number, n: number): number {
  let esc = 0;
  // The payload's last byte is a quote (checked by the callers): the runs of plain bytes stop
  // there at the latest, so they need no bounds test of their own.
  if (i >= n) return -1;
  for (;;) {
    // Four bytes a step (a read past a plain byte is never past the last quote).
    for (;;) {
      if (STOP[b[i]!] !== 0) break;
      if (STOP[b[i + 1]!] !== 0) {
        i += 1;
        break;
      }
      if (STOP[b[i + 2]!] !== 0) {
        i += 2;
        break;
      }
      if (STOP[b[i + 3]!] !== 0) {
        i += 3;
        break;
      }
      i += 4;
    }
    if (b[i] !== BS) return -1; // the outer string's end, or a control character
    if (b[i + 1] === QUOTE) return (i << 1) | esc;
    esc = 1;
    i = escapeEnd(b, i);
    if (i < 0) return -1;
  }
}

/**
 * The end of the escape at `i` inside an event-level string (at its first backslash, not the
 * string's closing quote): the index after it, or -1 when it is not one the scanner reads.
 */
function escapeEnd(b: Uint8Array, i: number): number {
  const d = b[i + 1]!;
  if (d === BS) {
    // The event's own escape: the escaped character follows.
    const e = b[i + 2]!;
    if (e === BS) {
      const f = b[i + 3]!;
      return f === QUOTE || f === BS || f === SLASH ? i + 4 : -1;
    }
    if (e === 0x75) return hex4At(b, i + 3) >= 0 ? i + 7 : -1;
    return e !== QUOTE && SIMPLE_ESCAPE[e] === 1 ? i + 3 : -1;
  }
  if (d === SLASH) return i + 2;
  if (d === 0x75) {
    // An outer \uXXXX (Go writes <, > and & so): one character of the event's string, unless
    // it is a quote, a backslash or a control character (those would change the event's syntax).
    const cu = hex4At(b, i + 2);
    return cu < 0x20 || cu === QUOTE || cu === BS ? -1 : i + 6; // (-1: not 4 hex digits)
  }
  return -1;
}

/** RFC 8259 §6 at `i`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; the index after it, or -1. */
function inum(b: Uint8Array, i: number, n: number): number {
  if (b[i] === 0x2d) i++;
  let c = i < n ? b[i]! : 0;
  if (c === 0x30) i++;
  else if (c >= 0x31 && c <= 0x39) {
    do i++;
    while (i < n && isDigit(b[i]!));
  } else return -1;
  if (i < n && b[i] === 0x2e) {
    i++;
    if (!(i < n && isDigit(b[i]!))) return -1;
    do i++;
    while (i < n && isDigit(b[i]!));
  }
  c = i < n ? b[i]! : 0;
  if (c === 0x65 || c === 0x45) {
    i++;
    c = i < n ? b[i]! : 0;
    if (c === 0x2b || c === 0x2d) i++;
    if (!(i < n && isDigit(b[i]!))) return -1;
    do i++;
    while (i < n && isDigit(b[i]!));
  }
  return i;
}

/** The bytes at `a` (before `n`) start with `word`. */
function startsWith(b: Uint8Array, a: number, n: number, word: Uint8Array): boolean {
  if (a + word.length > n) return false;
  for (let k = 0; k < word.length; k++) if (b[a + k] !== word[k]) return false;
  return true;
}

/** Bytes a..e are `name`. */
function same(b: Uint8Array, a: number, e: number, name: Uint8Array): boolean {
  const len = name.length;
  if (e - a !== len) return false;
  for (let k = 0; k < len; k++) if (b[a + k] !== name[k]) return false;
  return true;
}

/** Spans a..e and c..f hold the same bytes. */
export function sameSpan(b: Uint8Array, a: number, e: number, c: number, f: number): boolean {
  if (e - a !== f - c) return false;
  for (let k = 0; k < e - a; k++) if (b[a + k] !== b[c + k]) return false;
  return true;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function growTo(a: Int32Array, min: number): Int32Array<ArrayBuffer> {
  const t = new Int32Array(Math.max(a.length * 2, min));
  t.set(a);
  return t;
}

/**
 * The `routes` command (ze-plugin-protocol.md §5.4): the route table with each route's next hop
 * and path attributes (RFC 4271 §9.1), filtered and paged so that no answer line exceeds the
 * engine's frame (§3.6, 16 MiB):
 *
 *   routes [peer <p>] [family <f>] [rt <rt>] [community <c>] [limit <n>] [after <cursor>]
 *   routes count [same filters]
 *
 * (`routes <peer> <family>` as before: a word with a `/` is a family, any other a peer.)
 *
 * Answer: `{"next":"<cursor>","routes":[{"attr":{…},"family":…,"next-hop":…,"nlri":{…},"peer":…},…]}`,
 * keys sorted byte-wise as Ze's JSON; `attr` (and `errors`) are the whole-UPDATE JSON's members
 * for the route's attributes; `next` only when more routes match (pass it to `after`). Without
 * `limit`, an answer that would not fit one line is refused with an error saying how to page;
 * with `limit`, a page also ends early when the next route would not fit (and `next` says where).
 */
import type { FamilyCodec } from '../../registry/family.js';
import { JsonWriter } from '../../core/json.js';
import { writeJson } from '../../registry/ops.js';
import { MAX_LINE } from '../framing.js';
import { CommandError } from '../plugin.js';
import { communityMatcher, rtMatcher, type RecordDecoder } from './route-attrs.js';
import { loadRoute, type StoredRoute } from './stored-route.js';
import type { Cursor, RouteTable } from './table.js';

/** Room kept for the answer frame around the command's text (`#<id> ok {"status":"done","data":…}`). */
const FRAME_ROOM = 1024;

export interface RoutesQuery {
  peer?: string;
  family?: string;
  rt?: string;
  community?: string;
  /** The route-target / community tests on the attribute octets (no decoding). */
  rtMatch?: (record: string) => boolean;
  communityMatch?: (record: string) => boolean;
  limit?: number;
  after?: Cursor;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.peer, c.family, c.seq])).toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 3 && typeof v[0] === 'string' && typeof v[1] === 'string' && Number.isSafeInteger(v[2]) && v[2] >= 0) {
      return { peer: v[0], family: v[1], seq: v[2] };
    }
  } catch {
    // below
  }
  throw new CommandError(`after: not a cursor of this plugin: ${s.length > 64 ? s.slice(0, 64) + '…' : s}`);
}

/** A route target as the attribute JSON writes it: `target:<global>:<local>`. */
export function rtText(s: string): string {
  const rest = s.startsWith('target:') ? s.slice(7) : s.startsWith('rt:') ? s.slice(3) : s;
  return `target:${rest}`;
}

const KEYWORDS = new Set(['peer', 'family', 'rt', 'route-target', 'community', 'limit', 'after']);

export function parseRoutesQuery(args: readonly string[]): RoutesQuery {
  const q: RoutesQuery = {};
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (!KEYWORDS.has(w)) {
      // The older positional form: `routes [peer] [family]`.
      if (w.includes('/')) q.family = w;
      else q.peer = w;
      continue;
    }
    const v = args[++i];
    if (v === undefined) throw new CommandError(`routes: ${w} needs a value`);
    switch (w) {
      case 'peer':
        q.peer = v;
        break;
      case 'family':
        q.family = v;
        break;
      case 'rt':
      case 'route-target': {
        q.rt = rtText(v);
        const m = rtMatcher(v);
        if (!m) throw new CommandError(`routes: rt ${v}: expected <asn>:<number> or <ipv4>:<number> (RFC 4360 route target)`);
        q.rtMatch = m;
        break;
      }
      case 'community': {
        q.community = v;
        const m = communityMatcher(v);
        if (m) q.communityMatch = m;
        break;
      }
      case 'limit': {
        if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new CommandError(`routes: limit ${v}: expected a number from 1 to 999999999`);
        q.limit = Number(v);
        break;
      }
      case 'after':
        q.after = decodeCursor(v);
        break;
    }
  }
  return q;
}

/** The length of `s` once written inside a JSON string (the answer's `data`): quotes and backslashes doubled. */
function escapedLength(s: string): number {
  let n = s.length;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 0x22 || c === 0x5c) n++;
    else if (c < 0x20) n += 5;
  }
  return n;
}

function matches(q: RoutesQuery, records: RecordDecoder, r: StoredRoute, codec: FamilyCodec<any>): boolean {
  if (q.rtMatch && !q.rtMatch(r.attrs)) return false;
  if (q.communityMatch) return q.communityMatch(r.attrs);
  // A community text the byte matcher does not know: as the attribute JSON writes it.
  if (q.community !== undefined && !records.view(r.attrs, codec.safi).communities.has(q.community)) return false;
  return true;
}

/** The `routes` answer text. */
export function routesAnswer(
  table: RouteTable<StoredRoute>,
  records: RecordDecoder,
  codecs: ReadonlyMap<string, FamilyCodec<any>>,
  args: readonly string[],
  strict: boolean,
  maxLine = MAX_LINE,
): string {
  const q = parseRoutesQuery(args);
  const budget = maxLine - FRAME_ROOM;
  const j = new JsonWriter();
  const parts: string[] = [];
  let size = escapedLength('{"next":"","routes":[]}') + 128; // the cursor's room
  let n = 0;
  let last: Cursor | undefined;
  let more = false;
  let tooBig = false;
  try {
    table.walk(
      (peer, family, r) => {
        const codec = codecs.get(family);
        if (!codec || !matches(q, records, r, codec)) return true;
        if ((q.limit !== undefined && n >= q.limit) || tooBig) {
          more = true;
          return false;
        }
        const v = records.view(r.attrs, codec.safi);
        writeJson(codec, loadRoute(codec, r.nlri, strict), j);
        const text = `{${v.head}"family":${JSON.stringify(family)},${v.nextHop}"nlri":${j.take()},"peer":${JSON.stringify(peer)}}`;
        const add = escapedLength(text) + 1;
        if (size + add > budget) {
          if (q.limit === undefined || n === 0) {
            throw new CommandError(
              `routes: the answer would be longer than the engine's ${maxLine}-byte line (${n}+ routes fit, more match); ask for pages: routes … limit <n> [after <cursor>], or routes count`,
            );
          }
          tooBig = true;
          more = true;
          return false;
        }
        size += add;
        parts.push(text);
        n++;
        last = { peer, family, seq: r.seq };
        return true;
      },
      q.peer,
      q.family,
      q.after,
    );
  } finally {
    records.clear();
  }
  const next = more && last ? `"next":${JSON.stringify(encodeCursor(last))},` : '';
  return `{${next}"routes":[${parts.join(',')}]}`;
}

/** `routes count`: `{"count":n,"families":{…},"peers":{…}}` for the same filters (no paging). */
export function routesCount(table: RouteTable<StoredRoute>, records: RecordDecoder, codecs: ReadonlyMap<string, FamilyCodec<any>>, args: readonly string[]): string {
  const q = parseRoutesQuery(args);
  if (q.limit !== undefined || q.after !== undefined) throw new CommandError('routes count: limit and after do not apply');
  let peers: Map<string, number>;
  let families: Map<string, number>;
  if (q.rt === undefined && q.community === undefined) ({ peers, families } = table.counts(q.peer, q.family));
  else {
    peers = new Map();
    families = new Map();
    try {
      table.walk(
        (peer, family, r) => {
          const codec = codecs.get(family);
          if (!codec || !matches(q, records, r, codec)) return true;
          peers.set(peer, (peers.get(peer) ?? 0) + 1);
          families.set(family, (families.get(family) ?? 0) + 1);
          return true;
        },
        q.peer,
        q.family,
      );
    } finally {
      records.clear();
    }
  }
  let count = 0;
  for (const c of peers.values()) count += c;
  const obj = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ count, families: obj(families), peers: obj(peers) });
}

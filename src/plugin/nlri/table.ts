/**
 * The routes each peer currently announces, per family: announce adds, withdraw removes, peer
 * down clears the peer. Keys are the NLRI's own bytes (with the ADD-PATH path id when the session
 * uses it, RFC 7911 §3: the path id is part of the route's identity), values the decoded models,
 * rendered as Ze's JSON only when asked.
 */
import { JsonWriter } from '../../core/json.js';
import type { FamilyCodec, NlriBase } from '../../registry/family.js';
import { writeJson } from '../../registry/ops.js';

export class RouteTable {
  private readonly peers = new Map<string, Map<string, Map<string, NlriBase>>>();

  announce(peer: string, family: string, key: string, model: NlriBase): void {
    let fams = this.peers.get(peer);
    if (!fams) this.peers.set(peer, (fams = new Map()));
    let routes = fams.get(family);
    if (!routes) fams.set(family, (routes = new Map()));
    routes.set(key, model);
  }

  /** Remove one route; true when it was there. */
  withdraw(peer: string, family: string, key: string): boolean {
    const routes = this.peers.get(peer)?.get(family);
    if (!routes) return false;
    return routes.delete(key);
  }

  /** Forget every route of `peer`; returns how many there were. */
  clearPeer(peer: string): number {
    const fams = this.peers.get(peer);
    if (!fams) return 0;
    let n = 0;
    for (const r of fams.values()) n += r.size;
    this.peers.delete(peer);
    return n;
  }

  /** Number of routes, optionally for one peer and/or family. */
  count(peer?: string, family?: string): number {
    let n = 0;
    for (const [p, fams] of this.peers) {
      if (peer !== undefined && p !== peer) continue;
      for (const [f, routes] of fams) if (family === undefined || f === family) n += routes.size;
    }
    return n;
  }

  peerNames(): string[] {
    return [...this.peers.keys()].sort();
  }

  /**
   * `{"<peer>":{"<family>":[<Ze JSON of each route>,…]}}`, peers and families sorted, routes in
   * arrival order. `peer`/`family` filter ('*' or undefined: all).
   */
  toJson(codecOf: (family: string) => FamilyCodec<any> | undefined, peer?: string, family?: string): string {
    const j = new JsonWriter();
    j.beginObject();
    for (const p of this.peerNames()) {
      if (peer !== undefined && peer !== '*' && p !== peer) continue;
      const fams = this.peers.get(p)!;
      const names = [...fams.keys()].filter((f) => family === undefined || family === '*' || f === family).sort();
      if (names.length === 0) continue;
      j.key(p).beginObject();
      for (const f of names) {
        const codec = codecOf(f);
        j.key(f).beginArray();
        if (codec) for (const m of fams.get(f)!.values()) writeJson(codec, m, j);
        j.endArray();
      }
      j.endObject();
    }
    j.endObject();
    return j.take();
  }
}

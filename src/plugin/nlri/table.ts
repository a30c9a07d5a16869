/**
 * The routes each peer currently announces, per family: announce adds (RFC 4271 §9.1: a newer
 * announcement of the same route replaces it, in place), withdraw removes, peer down clears the
 * peer. Keys are route identities (the NLRI's own bytes, with the ADD-PATH path id when the
 * session uses it, RFC 7911 §3: the path id is part of the route's identity; or a family's
 * `routeKey`), values whatever the owner stores for the route (the ze-nlri plugin keeps the
 * NLRI's bytes and its UPDATE's attribute record, `stored-route.ts`, and renders JSON only when
 * asked). Each route gets a sequence number when first announced; it keeps it when replaced, so
 * the routes of one peer and family are in sequence order, and a cursor `(peer, family, seq)`
 * resumes a listing where it stopped (routes withdrawn in between are simply not there).
 */
import { JsonWriter } from '../../core/json.js';

export interface Sequenced {
  seq: number;
}

/** Where a listing stopped: after this route (peers and families in sorted order, then seq). */
export interface Cursor {
  peer: string;
  family: string;
  seq: number;
}

export class RouteTable<V extends Sequenced> {
  private readonly peers = new Map<string, Map<string, Map<string, V>>>();
  private seq = 0;
  /** The routes of the last peer and family used (consecutive updates mostly share them). */
  private lastPeer: string | undefined;
  private lastFamily: string | undefined;
  private lastRoutes: Map<string, V> | undefined;

  announce(peer: string, family: string, key: string, route: V): void {
    const m = this.routesOf(peer, family, true)!;
    const old = m.get(key);
    route.seq = old ? old.seq : ++this.seq;
    m.set(key, route);
  }

  /** Remove one route; true when it was there. */
  withdraw(peer: string, family: string, key: string): boolean {
    const routes = this.routesOf(peer, family, false);
    if (!routes) return false;
    return routes.delete(key);
  }

  private routesOf(peer: string, family: string, create: boolean): Map<string, V> | undefined {
    if (peer === this.lastPeer && family === this.lastFamily) return this.lastRoutes;
    let fams = this.peers.get(peer);
    if (!fams) {
      if (!create) return undefined;
      this.peers.set(peer, (fams = new Map()));
    }
    let routes = fams.get(family);
    if (!routes) {
      if (!create) return undefined;
      fams.set(family, (routes = new Map()));
    }
    this.lastPeer = peer;
    this.lastFamily = family;
    return (this.lastRoutes = routes);
  }

  /** Forget every route of `peer`; returns how many there were. */
  clearPeer(peer: string): number {
    if (peer === this.lastPeer) this.lastPeer = this.lastFamily = this.lastRoutes = undefined;
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
      if (peer !== undefined && peer !== '*' && p !== peer) continue;
      for (const [f, routes] of fams) if (family === undefined || family === '*' || f === family) n += routes.size;
    }
    return n;
  }

  /** Route counts by peer and by family (filters as `count`). */
  counts(peer?: string, family?: string): { peers: Map<string, number>; families: Map<string, number> } {
    const peers = new Map<string, number>();
    const families = new Map<string, number>();
    for (const [p, fams] of this.peers) {
      if (peer !== undefined && peer !== '*' && p !== peer) continue;
      for (const [f, routes] of fams) {
        if (family !== undefined && family !== '*' && f !== family) continue;
        if (routes.size === 0) continue;
        peers.set(p, (peers.get(p) ?? 0) + routes.size);
        families.set(f, (families.get(f) ?? 0) + routes.size);
      }
    }
    return { peers, families };
  }

  peerNames(): string[] {
    return [...this.peers.keys()].sort();
  }

  /**
   * Visit routes in listing order (peers, then families, sorted; then sequence), after `from`
   * when given; `visit` returns false to stop. `peer`/`family` filter ('*' or undefined: all).
   */
  walk(visit: (peer: string, family: string, route: V) => boolean, peer?: string, family?: string, from?: Cursor): void {
    for (const p of this.peerNames()) {
      if (peer !== undefined && peer !== '*' && p !== peer) continue;
      if (from && p < from.peer) continue;
      const fams = this.peers.get(p)!;
      const names = [...fams.keys()].filter((f) => family === undefined || family === '*' || f === family).sort();
      for (const f of names) {
        const same = from !== undefined && p === from.peer;
        if (same && f < from.family) continue;
        const after = same && f === from.family ? from.seq : 0;
        for (const r of fams.get(f)!.values()) {
          if (r.seq <= after) continue;
          if (!visit(p, f, r)) return;
        }
      }
    }
  }

  /**
   * `{"<peer>":{"<family>":[<each route, as `write` renders it>,…]}}`, peers and families sorted,
   * routes in arrival order. `peer`/`family` filter ('*' or undefined: all). `write` returns false
   * for a family it cannot render (its array is then empty).
   */
  toJson(write: (family: string, route: V, j: JsonWriter) => boolean, peer?: string, family?: string): string {
    const j = new JsonWriter();
    j.beginObject();
    for (const p of this.peerNames()) {
      if (peer !== undefined && peer !== '*' && p !== peer) continue;
      const fams = this.peers.get(p)!;
      const names = [...fams.keys()].filter((f) => family === undefined || family === '*' || f === family).sort();
      if (names.length === 0) continue;
      j.key(p).beginObject();
      for (const f of names) {
        j.key(f).beginArray();
        for (const m of fams.get(f)!.values()) if (!write(f, m, j)) break;
        j.endArray();
      }
      j.endObject();
    }
    j.endObject();
    return j.take();
  }
}

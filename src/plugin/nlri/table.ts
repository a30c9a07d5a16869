/**
 * The routes each peer currently announces, per family: announce adds, withdraw removes, peer
 * down clears the peer. Keys are route identities (the NLRI's own bytes, with the ADD-PATH path id
 * when the session uses it, RFC 7911 §3: the path id is part of the route's identity; or a
 * family's `routeKey`), values whatever the owner stores for the route (the ze-nlri plugin keeps
 * the NLRI's bytes, `stored-route.ts`, and renders Ze's JSON only when asked).
 */
import { JsonWriter } from '../../core/json.js';

export class RouteTable<V = string> {
  private readonly peers = new Map<string, Map<string, Map<string, V>>>();
  /** The routes of the last peer and family used (consecutive updates mostly share them). */
  private lastPeer: string | undefined;
  private lastFamily: string | undefined;
  private lastRoutes: Map<string, V> | undefined;

  announce(peer: string, family: string, key: string, route: V): void {
    this.routesOf(peer, family, true)!.set(key, route);
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
      if (peer !== undefined && p !== peer) continue;
      for (const [f, routes] of fams) if (family === undefined || f === family) n += routes.size;
    }
    return n;
  }

  peerNames(): string[] {
    return [...this.peers.keys()].sort();
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

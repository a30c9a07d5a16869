/**
 * The reference the plugin's event scanner is held to (test/plugin/event-scan.test.ts and the
 * plugin-batch fuzz target): events parsed with JSON.parse and read through the object path
 * (`NlriPlugin.handleEvent`), invalid JSON logged as the plugin logs it. `outcome` is what a run
 * did: routes, counters (without the path taken) and log lines. Invalid JSON goes to the
 * plugin's own fallback (`handleInvalidJson`, event-skim.ts), as in the plugin.
 */
import { defaultRegistry } from '../src/index.js';
import { Logger } from '../src/plugin/log.js';
import { NlriPlugin } from '../src/plugin/nlri/app.js';

export const ORACLE_FAMILIES = ['ipv4/flow', 'ipv4/mpls-vpn'].filter((f) => defaultRegistry.has(f)).map((f) => defaultRegistry.require(f));

/** A plugin claiming ipv4/flow and ipv4/mpls-vpn, logging into `lines`. */
export function oraclePlugin(): { p: NlriPlugin; lines: string[] } {
  const lines: string[] = [];
  const p = new NlriPlugin({ registry: defaultRegistry, families: ORACLE_FAMILIES, name: 'ze-nlri', logger: new Logger({ level: 'DEBUG', write: (l) => lines.push(l) }) });
  return { p, lines };
}

/** What the plugin did with the events: routes, counters (without the path taken), log lines. */
export function outcome(p: NlriPlugin, lines: string[]): unknown {
  const { ['uptime-seconds']: _u, ['events-parsed-in-full']: _f, ...stats } = p.stats.toJSON(p.table.count());
  return { routes: p.routesJson(), stats, log: lines.map((l) => l.replace(/^time=\S+ /, '')) };
}

/** The reference path: JSON.parse, then the object reading (handleEvent); invalid JSON logged. */
export function viaJsonParse(texts: string[]): unknown {
  const { p, lines } = oraclePlugin();
  for (const t of texts) {
    let ev: unknown = t;
    if (t.startsWith('{')) {
      try {
        ev = JSON.parse(t);
      } catch {
        // Not valid JSON: the plugin's own fallback (raw read leniently, or logged and ignored).
        p.handleInvalidJson(t);
        continue;
      }
    }
    p.handleEvent(ev);
  }
  return outcome(p, lines);
}

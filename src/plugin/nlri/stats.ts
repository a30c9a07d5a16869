/** Counters for `<name> stats`: events seen, NLRIs decoded, errors by code and by family. */

export class PluginStats {
  events = 0;
  updates = 0;
  stateEvents = 0;
  /** Events parsed with JSON.parse (not a plain update event, or invalid JSON). */
  fullParses = 0;
  /** Events that were not valid JSON, read by the fallback (event-skim.ts; Ze's attr bug). */
  skimmed = 0;
  announced = 0;
  withdrawn = 0;
  decodeErrors = 0;
  readonly errorsByCode = new Map<string, number>();
  readonly errorsByFamily = new Map<string, number>();
  readonly nlriByFamily = new Map<string, number>();
  readonly started = Date.now();

  error(code: string, family: string): void {
    this.decodeErrors++;
    this.errorsByCode.set(code, (this.errorsByCode.get(code) ?? 0) + 1);
    this.errorsByFamily.set(family, (this.errorsByFamily.get(family) ?? 0) + 1);
  }

  nlri(family: string, n: number): void {
    this.nlriByFamily.set(family, (this.nlriByFamily.get(family) ?? 0) + n);
  }

  toJSON(routes: number): Record<string, unknown> {
    const obj = (m: Map<string, number>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)));
    return {
      events: this.events,
      updates: this.updates,
      'state-events': this.stateEvents,
      'events-parsed-in-full': this.fullParses,
      'events-invalid-json-read': this.skimmed,
      'nlri-announced': this.announced,
      'nlri-withdrawn': this.withdrawn,
      'nlri-by-family': obj(this.nlriByFamily),
      'decode-errors': this.decodeErrors,
      'errors-by-code': obj(this.errorsByCode),
      'errors-by-family': obj(this.errorsByFamily),
      routes,
      'uptime-seconds': Math.floor((Date.now() - this.started) / 1000),
    };
  }
}

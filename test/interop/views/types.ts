/**
 * A view is what one oracle and ze-nlri can both say about one NLRI, as a sorted list of
 * `name=value` facts: `ours` reads ze-nlri's JSON (Ze's format), `theirs` the oracle's decoding.
 * The interop tests compare the two lists for equality; families without a view for an oracle
 * are still compared on structure (acceptance, NLRI count and boundaries).
 */
import type { Input } from '../lib/inputs.js';

export type Facts = string[];

export interface View<T> {
  ours(json: Record<string, any>, input: Input): Facts;
  theirs(decoded: T, input: Input): Facts;
  /** Why an input cannot be compared by this oracle (a documented oracle limit), or undefined. */
  skip?(json: Record<string, any>, input: Input): string | undefined;
}

export const sorted = (f: Facts): Facts => [...f].sort();

/**
 * The one interface every family implements, and `defineFamily()` to make one.
 *
 * A family codec turns the bytes of ONE NLRI into a typed model (views into the input, no
 * copies), measures and writes a model back, renders the model as Ze's JSON text, and parses Ze's
 * encode-nlri argument tokens into a model. Everything that is the same for all families lives in
 * `ops.ts` instead: several NLRIs back to back, the ADD-PATH path identifier (RFC 7911), hex, the
 * decode-nlri/encode-nlri contracts. A family never reads a path id itself.
 */
import type { JsonWriter } from '../core/json.js';
import type { Reader } from '../core/reader.js';
import type { Writer } from '../core/writer.js';
import { checkSpec, type SpecRule } from './spec-check.js';

/** A window `buf[start..end)` of a buffer: where a model's encoding already lies (`verbatim`). */
export interface WireSpan {
  buf: Uint8Array;
  start: number;
  end: number;
}

/**
 * True when `m` holds a window `buf[start..end)` that lies inside `buf`: what a model that is its
 * bytes (EVPN, VPLS) must hold. Checked by shape, not by class, so a model of another copy of this
 * package (CommonJS and ES module side by side) passes too.
 */
export function isByteWindow(m: unknown): m is { buf: Uint8Array; start: number; end: number } {
  if (m === null || typeof m !== 'object') return false;
  const { buf, start, end } = m as Partial<WireSpan>;
  return buf instanceof Uint8Array && Number.isInteger(start) && Number.isInteger(end) && start! >= 0 && start! <= end! && end! <= buf.length;
}

/** Put the window a byte-window model holds (EVPN, VPLS) in `span`: `verbatim` for such a model. */
export function windowSpan(m: { buf: Uint8Array; start: number; end: number }, span: WireSpan): true {
  span.buf = m.buf;
  span.start = m.start;
  span.end = m.end;
  return true;
}

/** What every decoded model may carry besides its family's fields. */
export interface NlriBase {
  /** ADD-PATH path identifier (RFC 7911), set by the core when decoding with `addPath`. */
  pathId?: number;
}

export interface DecodeOptions {
  /** Each NLRI is preceded by a 4-octet path identifier (RFC 7911). */
  addPath?: boolean;
  /** Reject what the RFC calls malformed even where Ze tolerates it (see each family's docs). */
  strict?: boolean;
  /** Where the family has a lossless record for unparsable bytes (Ze's `parsed:false`), use it. */
  lossless?: boolean;
  /**
   * Where the NLRI came from: true for MP_UNREACH_NLRI (withdrawn routes), false for MP_REACH_NLRI,
   * undefined when unknown (decode-nlri). Labeled families read the RFC 8277 §2.4 withdraw
   * compatibility field by it.
   */
  withdraw?: boolean;
  /** RFC 8277 §2.1: the Multiple Labels Capability count; longer label stacks are malformed. */
  maxLabels?: number;
}

/** How decode-nlri renders an input holding several NLRIs (COMPAT.md §4). */
export type JsonMany =
  /** One NLRI: its object. Several: an array of objects. */
  | 'auto'
  /** Always an array (Ze's EVPN). */
  | 'array';

/**
 * `M` is every model the codec encodes and a decode may give; `P` (default `M`) is a parsed route,
 * what `decode`, `fromArgs` and `fromZeJson` give. A family with a lossless record (Ze's
 * `parsed:false`) sets `M` to the union of the two and `P` to the parsed route alone, so a decode
 * without `lossless` is typed without the record (`decodeAll(codec, bytes)` gives `P[]`).
 */
export interface FamilyCodec<M extends NlriBase = NlriBase, P extends M = M> {
  /** Canonical Ze family name, lower-case `afi/safi` (e.g. `ipv4/flow`). */
  readonly name: string;
  /** RFC 4760 AFI and SAFI numbers. */
  readonly afi: number;
  readonly safi: number;
  /** The group this family belongs to (`flowspec`, `vpn`, …), as in `families/<group>/`. */
  readonly group: string;
  /** RFCs this codec implements, for `families --json` and the plugin's registration. */
  readonly rfcs: readonly string[];
  readonly jsonMany: JsonMany;
  /**
   * Decode exactly one NLRI at `r.pos` (no path id: the core has read it already) and leave
   * `r.pos` just after it. Only `NlriError` may be thrown.
   */
  decode(r: Reader, opts: DecodeOptions): P;
  /** Exact number of bytes `encode` writes for `m` (no path id). */
  encodingLength(m: M): number;
  /** Write `m`; must write exactly `encodingLength(m)` bytes. */
  encode(m: M, w: Writer): void;
  /**
   * Optional: when `m`'s encoding is a window of a buffer it already holds (an unchanged decoded
   * view of this family), put that window in `span` and return true; otherwise return false and
   * leave `span` alone. `encode`/`encodeInto` of one model then copy the window instead of
   * measuring and writing: the window must be exactly what `encode` would write.
   */
  verbatim?(m: M, span: WireSpan): boolean;
  /** Write Ze's JSON object for `m` (the core injects `path-id`). */
  json(m: M, j: JsonWriter): void;
  /** Parse encode-nlri argument tokens. Errors: `NlriError('invalid-args')` with Ze's text. */
  fromArgs(args: readonly string[]): P;
  /** Optional: args tokens that `fromArgs` turns back into `m` (for docs, tests and the plugin). */
  toArgs?(m: M): string[];
  /**
   * Optional: the model from Ze's decode JSON (parsed), for the line protocol's
   * `encode json nlri <family> <json>` (Ze offers it for FlowSpec).
   */
  fromZeJson?(value: unknown): P;
  /**
   * Optional: the route's identity in its family, what a withdrawal names (RFC 4271 §9.1): the
   * NLRI without the parts that only an announcement carries (labels, RFC 8277 §2.4; RFC 7432
   * §7 for EVPN). Route tables key on it (with the path id). Without it, the NLRI bytes are the key.
   */
  routeKey?(m: M): string;
  /** Optional: a one-line human-readable text of `m` (`decode text nlri`). */
  text?(m: M): string;
  /**
   * Optional: Ze's decode-nlri error text for this family (FlowSpec: `no valid FlowSpec
   * decoded`). decode-nlri answers `<text>: <detail>`; without it, the detail alone.
   */
  readonly zeDecodeError?: string;
  /**
   * Optional: Ze's lossless record for bytes it cannot parse (e.g. `{"parsed":false,"raw":…}`).
   * Called by decodes with `lossless: true` when `decode` failed at `start`; returns a model that
   * covers the rest of the input and leaves `r.pos` at its end, or undefined to fail.
   */
  recover?(r: Reader, start: number, error: unknown): M | undefined;
}

/** Names must look like Ze's: lower-case `afi/safi`, something on both sides. */
export const FAMILY_NAME = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;

const FN: SpecRule = { kind: 'function' };
const FN_OPT: SpecRule = { kind: 'function', optional: true };

/** The shape of a user-supplied family definition, checked by `defineFamily` (plain code, no zod). */
const FAMILY_SPEC_RULES: Readonly<Record<string, SpecRule>> = Object.freeze({
  name: { kind: 'string', pattern: FAMILY_NAME, message: 'family name must be lower-case "afi/safi"' },
  afi: { kind: 'int', min: 1, max: 0xffff },
  safi: { kind: 'int', min: 1, max: 0xff },
  group: { kind: 'string', optional: true, nonEmpty: true },
  rfcs: { kind: 'strings', optional: true },
  jsonMany: { kind: 'oneOf', values: ['auto', 'array'], optional: true },
  decode: FN,
  encodingLength: FN,
  encode: FN,
  verbatim: FN_OPT,
  json: FN,
  fromArgs: FN,
  toArgs: FN_OPT,
  zeDecodeError: { kind: 'string', optional: true },
  fromZeJson: FN_OPT,
  text: FN_OPT,
  routeKey: FN_OPT,
  recover: FN_OPT,
});

/** The first problem of a family definition as `<path>: <message>`, or undefined when it is well formed. */
export function checkFamilySpec(spec: unknown): string | undefined {
  return checkSpec(spec, FAMILY_SPEC_RULES);
}

export type FamilySpec<M extends NlriBase, P extends M = M> = Omit<FamilyCodec<M, P>, 'group' | 'rfcs' | 'jsonMany'> &
  Partial<Pick<FamilyCodec<M, P>, 'group' | 'rfcs' | 'jsonMany'>>;

/**
 * Make a family codec from a definition, checking its shape. Use it for your own families
 * (`ze-nlri plugin --family-module ./my-family.mjs` loads modules built with it).
 */
export function defineFamily<M extends NlriBase, P extends M = M>(spec: FamilySpec<M, P>): FamilyCodec<M, P> {
  const bad = checkFamilySpec(spec);
  if (bad) throw new TypeError(`defineFamily: ${bad}`);
  return Object.freeze({
    ...spec,
    group: spec.group ?? spec.name.replace('/', '-'),
    rfcs: Object.freeze([...(spec.rfcs ?? [])]),
    jsonMany: spec.jsonMany ?? 'auto',
  });
}

/**
 * The one interface every path attribute implements, and `defineAttribute()` to make one.
 *
 * An attribute codec reads the VALUE of one path attribute (RFC 4271 §4.3: the bytes after the
 * flags, type code and length) into a typed model (views into the input, no copies), measures
 * and writes a model back, renders it as Ze-style JSON, and, where a user types it, parses
 * argument tokens. The attribute header (flags, type, length, the Extended Length bit), the
 * order of attributes, RFC 7606 error handling and the UPDATE around them live in `src/update`;
 * `src/core` knows no attribute.
 */
import { checkSpec, type SpecRule } from '../registry/spec-check.js';
import type { JsonWriter } from '../core/json.js';
import type { Reader } from '../core/reader.js';
import type { Writer } from '../core/writer.js';
import type { Registry } from '../registry/registry.js';

/** RFC 4271 §4.3 attribute flag bits. */
export const ATTR_OPTIONAL = 0x80;
export const ATTR_TRANSITIVE = 0x40;
export const ATTR_PARTIAL = 0x20;
export const ATTR_EXTENDED_LENGTH = 0x10;

/**
 * What RFC 7606 §3 says to do with a malformed instance of an attribute (each attribute's own
 * RFC may say more; the codec states the result). Ordered from the mildest to the strongest.
 */
export type MalformedAction = 'attribute-discard' | 'treat-as-withdraw' | 'afi-safi-disable' | 'session-reset';

/**
 * What the OPEN exchange decided for one direction of a session, and the decode choices.
 * Every field has a default, so `{}` is a valid context (4-octet AS, no ADD-PATH).
 */
export interface AttrContext {
  /** RFC 6793: both sides sent the 4-octet AS capability (AS_PATH carries 4-octet ASNs). Default true. */
  readonly as4: boolean;
  /** RFC 7911: NLRIs of `family` (Ze name) carry a path identifier in this direction. */
  addPath(family: string): boolean;
  /** The family registry MP_REACH_NLRI / MP_UNREACH_NLRI decode their NLRI field through. */
  readonly families: Registry;
  /** RFC 8277 §2.1 Multiple Labels capability count, when negotiated. */
  readonly maxLabels?: number | undefined;
  /** Reject what the RFCs call malformed even where Ze tolerates it. */
  readonly strict: boolean;
  /** Keep Ze's lossless records for NLRIs that cannot be parsed (`{"parsed":false,...}`). */
  readonly lossless: boolean;
  /** The UPDATE comes from an external (eBGP) peer (RFC 7606 §7.5, §7.9, §7.10). Default false. */
  readonly external?: boolean | undefined;
}

export interface AttributeCodec<M = unknown> {
  /** RFC 4271 attribute type code (1..255). */
  readonly code: number;
  /** The JSON key under `update.attr`, kebab-case, Ze's where Ze has one (`origin`, `as-path`). */
  readonly name: string;
  /** The folder under `attributes/` this codec lives in. */
  readonly group: string;
  /** RFCs (and sections) implemented. */
  readonly rfcs: readonly string[];
  /** The flags an encoder writes when the model carries none (Optional/Transitive bits). */
  readonly flags: number;
  /** RFC 7606 handling of a malformed instance. */
  readonly onMalformed: MalformedAction;
  /**
   * Read the value: `r.pos..r.end` is exactly the attribute value (the caller has limited the
   * reader to the attribute's length). Read all of it or fail; only `NlriError` may be thrown.
   * `flags` are the received attribute flags.
   */
  decode(r: Reader, ctx: AttrContext, flags: number): M;
  /** Exact value length `encode` writes (no header). */
  encodingLength(m: M, ctx: AttrContext): number;
  /** Write the value; exactly `encodingLength(m, ctx)` bytes. */
  encode(m: M, w: Writer, ctx: AttrContext): void;
  /** Write the JSON value (what stands after `"<name>":`). */
  json(m: M, j: JsonWriter): void;
  /**
   * The model from the value `json` wrote, after `JSON.parse` (numbers above 2^53 arrive as
   * strings or bigints as the codec wrote them: accept both). Used by `encode-update`.
   * Errors: `NlriError('invalid-model')`.
   */
  fromJson(value: unknown, ctx: AttrContext): M;
  /**
   * Optional: a value that decodes (so it can be shown) but that the RFC calls malformed, e.g. an
   * undefined ORIGIN (RFC 7606 §7.1). Returns the reason; the update layer applies `onMalformed`.
   */
  check?(m: M, ctx: AttrContext): string | undefined;
  /**
   * Optional: the attribute belongs inside one AS: from an external peer it is discarded whatever
   * it holds (RFC 7606 §7.5 LOCAL_PREF, §7.9 ORIGINATOR_ID, §7.10 CLUSTER_LIST).
   */
  readonly internalOnly?: boolean;
  /**
   * Optional: the RFC 7606 action for this particular malformed value when it depends on where
   * the error is (RFC 9252 §7: an error inside an SRv6 Service TLV of the Prefix-SID attribute is
   * treat-as-withdraw, elsewhere attribute discard). `offset` is relative to the value.
   */
  malformedAction?(value: Uint8Array, error: { readonly code: string; readonly offset: number }): MalformedAction;
  /**
   * Optional: `json` leaves out what the bytes hold (Ze's BGP-LS attribute form), so `fromJson`
   * cannot rebuild them; whole-UPDATE JSON with `nlriHex` then adds `"<name>-hex"` beside it.
   */
  readonly lossyJson?: boolean;
  /** Optional: parse argument tokens (`community 65000:1 no-export`) as typed on a command line. */
  fromArgs?(args: readonly string[]): M;
  /** Optional: args tokens that `fromArgs` turns back into `m`. */
  toArgs?(m: M): string[];
  /** Optional: one-line text of `m`. */
  text?(m: M): string;
}

const FN: SpecRule = { kind: 'function' };
const FN_OPT: SpecRule = { kind: 'function', optional: true };

/** The shape of a user-supplied attribute definition, checked by `defineAttribute` (plain code, no zod). */
const ATTRIBUTE_SPEC_RULES: Readonly<Record<string, SpecRule>> = Object.freeze({
  code: { kind: 'int', min: 1, max: 255 },
  name: { kind: 'string', pattern: /^[a-z0-9][a-z0-9-]*$/, message: 'attribute name must be lower-case kebab-case' },
  group: { kind: 'string', optional: true, nonEmpty: true },
  rfcs: { kind: 'strings', optional: true },
  flags: { kind: 'int', min: 0, max: 0xff },
  onMalformed: { kind: 'oneOf', values: ['attribute-discard', 'treat-as-withdraw', 'afi-safi-disable', 'session-reset'] },
  decode: FN,
  encodingLength: FN,
  encode: FN,
  json: FN,
  fromJson: FN,
  fromArgs: FN_OPT,
  toArgs: FN_OPT,
  text: FN_OPT,
  check: FN_OPT,
  internalOnly: { kind: 'boolean', optional: true },
  malformedAction: FN_OPT,
  lossyJson: { kind: 'boolean', optional: true },
});

/** The first problem of an attribute definition as `<path>: <message>`, or undefined when it is well formed. */
export function checkAttributeSpec(spec: unknown): string | undefined {
  return checkSpec(spec, ATTRIBUTE_SPEC_RULES);
}

export type AttributeSpec<M> = Omit<AttributeCodec<M>, 'group' | 'rfcs'> & Partial<Pick<AttributeCodec<M>, 'group' | 'rfcs'>>;

/** Make an attribute codec from a definition, checking its shape. */
export function defineAttribute<M>(spec: AttributeSpec<M>): AttributeCodec<M> {
  const bad = checkAttributeSpec(spec);
  if (bad) throw new TypeError(`defineAttribute: ${bad}`);
  return Object.freeze({ ...spec, group: spec.group ?? spec.name, rfcs: Object.freeze([...(spec.rfcs ?? [])]) });
}

/** A canonical sample attribute value: see docs/ADDING-AN-ATTRIBUTE.md. */
export interface AttributeSample {
  /** Attribute type code. */
  readonly code: number;
  /** The attribute VALUE (no header), UPPER-case hex, canonical: encode(decode(hex)) === hex. */
  readonly hex: string;
  /** The JSON text of the value, as written from the RFC/Ze (not by running the codec). */
  readonly json?: string;
  /** Args tokens that produce exactly `hex`, where the codec has `fromArgs`. */
  readonly args?: readonly string[];
  /** Non-default context the sample needs (e.g. `{ as4: false }`). */
  readonly ctx?: { readonly as4?: boolean };
  /** What it shows, with the RFC section. */
  readonly note: string;
}

/**
 * ze-nlri: BGP NLRI codecs for Ze's custom address families.
 *
 * The root entry gives the core, the registry, every built-in family and the two contract
 * functions of Ze's plugin protocol. To load one family alone, import `ze-nlri/<group>`.
 */
import { builtinCodecs, builtinSamples } from './families.js';
import { Registry } from './registry/registry.js';
import type { DecodeOptions } from './registry/family.js';
import { builtinAttributes, builtinAttributeSamples } from './attributes-builtin.js';
import { AttributeRegistry, attrContext, type SessionOptions } from './attributes/registry.js';
import type { AttrContext } from './attributes/attribute.js';
import { fromHex } from './core/hex.js';
import { decodeUpdateWith } from './update/decode.js';
import { encodeUpdateWith, type UpdateEncodeOptions } from './update/encode.js';
import { updateToJson, type UpdateJsonOptions } from './update/json.js';
import type { BgpUpdate } from './update/model.js';
import { UpdateView } from './update/view.js';

export * from './core/index.js';
export * from './registry/index.js';
export * from './attributes/index.js';
export * from './update/index.js';
export * from './route/index.js';

/** A registry holding every family shipped with ze-nlri. */
export function createDefaultRegistry(): Registry {
  return new Registry(builtinCodecs);
}

/**
 * The key of the process-wide default registry. The ESM and CJS builds are two copies of this
 * module (a program, or two of its dependencies, may `import` and `require` ze-nlri): the first
 * copy loaded creates the registry and every other copy uses it, so a family registered through
 * one is seen through the other. `v1`: the registry's contract; a future incompatible one takes
 * another key.
 */
const DEFAULT_REGISTRY = Symbol.for('ze-nlri.defaultRegistry.v1');

function sharedDefaultRegistry(): Registry {
  const g = globalThis as { [DEFAULT_REGISTRY]?: Registry };
  return (g[DEFAULT_REGISTRY] ??= createDefaultRegistry());
}

/** The shared default registry (add your own families with `register`), one per process. */
export const defaultRegistry: Registry = sharedDefaultRegistry();

/** Every built-in sample NLRI (docs/ADDING-A-FAMILY.md §3). */
export const samples = builtinSamples;

/** decode-nlri (ze-plugin-protocol.md §5.2): hex of one or more NLRIs → Ze's JSON text. */
export function decodeHex(family: string, hex: string, opts?: DecodeOptions): string {
  return defaultRegistry.decodeHex(family, hex, opts);
}

/** encode-nlri (ze-plugin-protocol.md §5.1): Ze args tokens → UPPER-case hex of one NLRI. */
export function encodeArgs(family: string, args: readonly string[]): string {
  return defaultRegistry.encodeArgs(family, args);
}

/** An attribute registry holding every path attribute shipped with ze-nlri. */
export function createDefaultAttributes(): AttributeRegistry {
  return new AttributeRegistry(builtinAttributes);
}

const DEFAULT_ATTRIBUTES = Symbol.for('ze-nlri.defaultAttributes.v1');

/** The shared default attribute registry (add your own with `register`), one per process like `defaultRegistry`. */
export const defaultAttributes: AttributeRegistry = ((globalThis as { [DEFAULT_ATTRIBUTES]?: AttributeRegistry })[DEFAULT_ATTRIBUTES] ??= createDefaultAttributes());

/** Every built-in sample attribute value (docs/ADDING-AN-ATTRIBUTE.md). */
export const attributeSamples = builtinAttributeSamples;

/** A session as `decodeUpdate` / `encodeUpdate` use it; make one per session and reuse it. */
export interface Session {
  readonly ctx: AttrContext;
  readonly attributes: AttributeRegistry;
  readonly extendedMessage: boolean;
  /** What decodeUpdateWith takes beside the context (made once per session). */
  readonly extras: { readonly extendedMessage: boolean };
}

function isSession(s: unknown): s is Session {
  return typeof s === 'object' && s !== null && 'ctx' in s && 'attributes' in s;
}

/** What the OPEN exchange decided (ADD-PATH, 4-octet AS, Multiple Labels, Extended Message), ready to reuse. */
export function createSession(opts: SessionOptions & { attributes?: AttributeRegistry } = {}): Session {
  return Object.freeze({
    ctx: attrContext(opts, opts.families ?? defaultRegistry),
    attributes: opts.attributes ?? defaultAttributes,
    extendedMessage: opts.extendedMessage ?? false,
    extras: Object.freeze({ extendedMessage: opts.extendedMessage ?? false }),
  });
}

const defaultSession = createSession();

function sessionOf(s: Session | SessionOptions | undefined): Session {
  if (s === undefined) return defaultSession;
  return isSession(s) ? s : createSession(s);
}

/**
 * Decode one UPDATE: a whole BGP message (marker and header checked) or the UPDATE body.
 * Never throws for bad bytes: RFC 7606's verdict is `action`, the details `problems`.
 */
export function decodeUpdate(bytes: Uint8Array, session?: Session | SessionOptions): BgpUpdate {
  const s = sessionOf(session);
  return decodeUpdateWith(bytes, s.ctx, s.attributes, s.extras);
}

/**
 * A lazy typed view of one UPDATE: framing only, each attribute decoded on first access
 * (`view.attribute(code)`, `view.mpReach`); `view.decode()` gives the full model with RFC 7606's verdict.
 */
export function viewUpdate(bytes: Uint8Array, session?: Session | SessionOptions): UpdateView {
  const s = sessionOf(session);
  return new UpdateView(bytes, s.ctx, s.attributes, s.extras);
}

/** Encode an UPDATE model as a BGP message (or its body with `{ header: false }`). */
export function encodeUpdate(u: BgpUpdate, session?: Session | SessionOptions, opts: UpdateEncodeOptions = {}): Uint8Array {
  const s = sessionOf(session);
  return encodeUpdateWith(u, s.ctx, { extendedMessage: s.extendedMessage, ...opts });
}

/** Hex of an UPDATE (spaces, colons and `0x` allowed) → Ze's `ze bgp decode --update --json` text. */
export function decodeUpdateHex(hex: string, session?: Session | SessionOptions, opts?: UpdateJsonOptions): string {
  return updateToJson(decodeUpdate(fromHex(normalizeHex(hex), 'update'), session), opts);
}

/** Hex as users type it: whitespace, colons, a `0x` prefix, either case. */
export function normalizeHex(s: string): string {
  return s.replace(/^\s*0x/i, '').replace(/[\s:]/g, '');
}

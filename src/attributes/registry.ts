/**
 * The attribute registry: codecs by type code and by JSON name, and the decode context built
 * from a session description. `src/index.ts` fills the default registry from `attributes/*`;
 * users add theirs with `register`.
 */
import type { Registry } from '../registry/registry.js';
import type { AttrContext, AttributeCodec } from './attribute.js';

export class AttributeRegistry {
  private readonly byCode = new Map<number, AttributeCodec<any>>();
  private readonly byName = new Map<string, AttributeCodec<any>>();

  constructor(codecs: Iterable<AttributeCodec<any>> = []) {
    for (const c of codecs) this.register(c);
  }

  /** Add an attribute codec; refused (TypeError) when its code or name is taken. */
  register(codec: AttributeCodec<any>): this {
    const a = this.byCode.get(codec.code);
    if (a) throw new TypeError(`attribute conflict: code ${codec.code} already registered as ${a.name}`);
    const b = this.byName.get(codec.name);
    if (b) throw new TypeError(`attribute conflict: name ${codec.name} already registered (code ${b.code})`);
    this.byCode.set(codec.code, codec);
    this.byName.set(codec.name, codec);
    return this;
  }

  get(code: number): AttributeCodec<any> | undefined {
    return this.byCode.get(code);
  }

  byJsonName(name: string): AttributeCodec<any> | undefined {
    return this.byName.get(name);
  }

  /** Every codec, by type code. */
  list(): AttributeCodec<any>[] {
    return [...this.byCode.values()].sort((x, y) => x.code - y.code);
  }
}

/** How a session is described to `decodeUpdate` / `encodeUpdate` (what the OPENs decided). */
export interface SessionOptions {
  /** RFC 6793 4-octet AS numbers (default true). */
  as4?: boolean;
  /** Families (Ze names) whose NLRIs carry RFC 7911 path ids in this direction, or `true` for all. */
  addPath?: boolean | readonly string[] | ReadonlySet<string>;
  /** RFC 8277 §2.1 Multiple Labels count. */
  maxLabels?: number;
  /** RFC 8654 Extended Message: messages up to 65535 octets (default: 4096). */
  extendedMessage?: boolean;
  /** RFC-strict decoding (see each codec). */
  strict?: boolean;
  /** Keep Ze's lossless records for unparsable NLRIs (default true, as Ze does). */
  lossless?: boolean;
  /** The peer is external (eBGP): LOCAL_PREF, ORIGINATOR_ID, CLUSTER_LIST are discarded (RFC 7606 §7.5, §7.9, §7.10). */
  external?: boolean;
  /** The family registry (default: ze-nlri's). */
  families?: Registry;
}

const NEVER = (): boolean => false;
const ALWAYS = (): boolean => true;

/** The decode context for a session description. */
export function attrContext(s: SessionOptions, families: Registry): AttrContext {
  const ap = s.addPath;
  let addPath: (f: string) => boolean;
  if (ap === true) addPath = ALWAYS;
  else if (!ap) addPath = NEVER;
  else {
    const set = ap instanceof Set ? (ap as ReadonlySet<string>) : new Set(ap as readonly string[]);
    addPath = set.size === 0 ? NEVER : (f) => set.has(f);
  }
  return {
    as4: s.as4 ?? true,
    addPath,
    families: s.families ?? families,
    maxLabels: s.maxLabels,
    strict: s.strict ?? false,
    lossless: s.lossless ?? true,
    external: s.external ?? false,
  };
}

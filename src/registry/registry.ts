/**
 * The family registry: lookups by Ze name and by AFI/SAFI, and the two plugin contract
 * functions decode-nlri and encode-nlri (ze-plugin-protocol.md §5.1-5.2).
 *
 * The registry knows families only through the `FamilyCodec` interface. `src/index.ts` builds
 * the default registry from the families shipped in `families/`; users make their own with
 * `new Registry([...])` or add theirs with `register`.
 */
import { NlriError } from '../core/errors.js';
import { withHexBytes } from './hex-scratch.js';
import type { DecodeOptions, FamilyCodec, NlriBase } from './family.js';
import { checkFamilyName } from './names.js';
import { decodeAll, encodeHex, toJson } from './ops.js';
import type { FamilyCodecs } from '../family-models.js';

const NO_OPTIONS: DecodeOptions = {};
const LOSSLESS: DecodeOptions = Object.freeze({ lossless: true });

export class Registry {
  private readonly byName = new Map<string, FamilyCodec<any>>();
  private readonly byNumbers = new Map<number, FamilyCodec<any>>();
  private readonly extraAfi = new Map<number, string>();
  private readonly extraSafi = new Map<number, string>();

  constructor(codecs: Iterable<FamilyCodec<any>> = []) {
    for (const c of codecs) this.register(c);
  }

  /**
   * Add a family. Refused (TypeError with the reason) when the name or the AFI/SAFI pair is
   * taken, or when the name disagrees with Ze's AFI/SAFI name tables.
   */
  register(codec: FamilyCodec<any>): this {
    const clash = this.byName.get(codec.name);
    if (clash) throw new TypeError(`family conflict: ${codec.name} already registered (${clash.group})`);
    const key = codec.afi * 256 + codec.safi;
    const numClash = this.byNumbers.get(key);
    if (numClash) throw new TypeError(`family conflict: AFI ${codec.afi} SAFI ${codec.safi} already registered as ${numClash.name}`);
    const bad = checkFamilyName(codec.name, codec.afi, codec.safi, this.extraAfi, this.extraSafi);
    if (bad) throw new TypeError(`family ${JSON.stringify(codec.name)}: ${bad}`);
    const [afiName, safiName] = codec.name.split('/') as [string, string];
    if (!this.extraAfi.has(codec.afi)) this.extraAfi.set(codec.afi, afiName);
    if (!this.extraSafi.has(codec.safi)) this.extraSafi.set(codec.safi, safiName);
    this.byName.set(codec.name, codec);
    this.byNumbers.set(key, codec);
    return this;
  }

  /**
   * The codec for a Ze family name (exact, case-sensitive, as on Ze's RPC path). A built-in
   * family name gives its typed codec (`get('ipv4/flow')` is a `FamilyCodec<FlowSpecNlri>`).
   */
  get<N extends keyof FamilyCodecs>(name: N): FamilyCodecs[N] | undefined;
  get(name: string): FamilyCodec<any> | undefined;
  get(name: string): FamilyCodec<any> | undefined {
    return this.byName.get(name);
  }

  /** Like `get`, but an unknown name is an `NlriError('unsupported-family')`. */
  require<N extends keyof FamilyCodecs>(name: N): FamilyCodecs[N];
  require(name: string): FamilyCodec<any>;
  require(name: string): FamilyCodec<any> {
    const c = this.byName.get(name);
    if (!c) throw new NlriError('unsupported-family', `unsupported family: ${name}`, name, -1);
    return c;
  }

  byAfiSafi(afi: number, safi: number): FamilyCodec<any> | undefined {
    return this.byNumbers.get(afi * 256 + safi);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Every family, sorted by name. */
  list(): FamilyCodec<any>[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * decode-nlri: hex of one or more NLRIs → Ze's JSON text (compact, one line). Empty input and
   * any malformed NLRI are errors; messages carry Ze's phrases (`unsupported family: X`,
   * `invalid hex: …`, the family's own text such as `no valid FlowSpec decoded`).
   */
  decodeHex(family: string, hex: string, opts: DecodeOptions = NO_OPTIONS): string {
    const codec = this.require(family);
    try {
      return withHexBytes(hex, family, (bytes) => {
        const models = decodeAll<NlriBase, NlriBase>(codec, bytes, opts === NO_OPTIONS ? LOSSLESS : { lossless: true, ...opts });
        if (models.length === 0) throw new NlriError('truncated', 'empty NLRI', family, 0);
        return toJson(codec, models);
      });
    } catch (e) {
      if (e instanceof NlriError && e.code !== 'invalid-hex' && codec.zeDecodeError && !e.message.startsWith(codec.zeDecodeError)) {
        const w = new NlriError(e.code, `${codec.zeDecodeError}: ${e.message}`, e.family || family, e.offset);
        throw w;
      }
      throw e;
    }
  }

  /** encode-nlri: Ze args tokens → UPPER-case hex of exactly one NLRI. */
  encodeArgs(family: string, args: readonly string[]): string {
    const codec = this.require(family);
    try {
      return encodeHex(codec, codec.fromArgs(args));
    } catch (e) {
      if (e instanceof NlriError) throw e.withFamily(family);
      throw e;
    }
  }
}

/**
 * The Route Target Constraint model (RFC 4684 §4): a prefix of 0 or 32..96 bits over
 * origin AS (4 octets) + route target (8 octets, an extended community, RFC 4360 §4).
 *
 * A decoded NLRI is an `RtcView`: the input buffer, one offset and the length; nothing copied.
 * Models built by hand or by `fromArgs` are plain objects with the same fields.
 */
import type { NlriBase } from '../../src/registry/family.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';

export interface RtcNlri extends NlriBase {
  /** Prefix length in bits: 0 (the default route target) or 32..96 (RFC 4684 §4). */
  readonly prefixLength: number;
  /** Origin AS (0 for the default route target). */
  readonly originAs: number;
  /**
   * Route-target octets: the first ceil(prefixLength/8) − 4 of them are on the wire (0..8; a
   * prefix shorter than 96 bits covers every RT that starts with them). A decoded view holds
   * exactly those octets; a model may hold all 8.
   */
  readonly routeTarget: Uint8Array;
}

/** Octets of the route target that a `prefixLength`-bit NLRI carries. */
export function rtOctets(prefixLength: number): number {
  return prefixLength <= 32 ? 0 : ((prefixLength + 7) >>> 3) - 4;
}

/** A decoded RTC NLRI. */
export class RtcView implements RtcNlri {
  // `declare`: no class-field definitions, the constructor assigns every field once (one hidden class, cheaper allocation).
  declare pathId?: number;
  declare readonly prefixLength: number;
  /** The input buffer. */
  declare readonly _b: Uint8Array;
  /** Index of the origin AS (just after the length octet). */
  declare readonly _p: number;

  constructor(b: Uint8Array, p: number, prefixLength: number) {
    this.pathId = undefined;
    this._b = b;
    this._p = p;
    this.prefixLength = prefixLength;
  }

  get originAs(): number {
    if (this.prefixLength === 0) return 0;
    const b = this._b;
    const p = this._p;
    return ((b[p]! << 24) >>> 0) + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
  }

  get routeTarget(): Uint8Array {
    const o = this._p + 4;
    return this._b.subarray(o, o + rtOctets(this.prefixLength));
  }

  /** RFC 4684 §4: the default route target is the zero-length prefix. */
  get isDefault(): boolean {
    return this.prefixLength === 0;
  }

  /** The plain object of the public fields and getters, byte fields as hex (issue 17 §3). */
  toJSON(): Record<string, unknown> {
    return plainJson(this);
  }

  /** `console.log` / `util.inspect`: the plain object, not the buffer and offsets. */
  [INSPECT](depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspectPlain(this, depth, options, inspect);
  }
}

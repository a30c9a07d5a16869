/**
 * The pieces of a decoded FlowSpec NLRI that the decoder (wire.ts) and the lazy view (view.ts)
 * share: the decoding shape, and the decoded prefix component (RFC 8955 §4.2.2.1-2, RFC 8956
 * §3.1-2), which holds the input and its pattern's position, not a copy.
 */
import type { FlowPrefixComponent } from './model.js';
import { INSPECT, inspectPlain, plainJson } from '../../src/registry/plain.js';

/** Shape of a decoding: the address family, VPN (RD first) and strictness. */
export interface FlowShape {
  readonly v6: boolean;
  readonly vpn: boolean;
}

/** Pattern octets on the wire for a prefix of `len` bits skipping `offset` bits (RFC 8956 §3.1). */
export function patternOctets(len: number, offset: number): number {
  return (len - offset + 7) >> 3;
}

/**
 * A decoded prefix component: holds the input buffer and the pattern's position, and makes the
 * `pattern` view only when asked (decoding allocates no typed-array view per prefix).
 */
export class WirePrefix implements FlowPrefixComponent {
  readonly type: 1 | 2;
  readonly len: number;
  readonly offset: number;
  /** The decoded input and where the pattern starts in it; `size` pattern octets. */
  readonly src: Uint8Array;
  readonly at: number;
  readonly size: number;

  constructor(type: 1 | 2, len: number, offset: number, src: Uint8Array, at: number, size: number) {
    this.type = type;
    this.len = len;
    this.offset = offset;
    this.src = src;
    this.at = at;
    this.size = size;
  }

  get pattern(): Uint8Array {
    return this.src.subarray(this.at, this.at + this.size);
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

/**
 * The labeled-unicast (mpls-label, SAFI 4) model: RFC 8277 §2.2-2.4.
 *
 * A decoded NLRI is a `LabeledView`: the input buffer and three offsets, nothing copied;
 * `labels` and `prefix` are computed when read (`prefix.addr` is a view of the input). Models
 * built by hand or by `fromArgs` are plain objects with the same fields.
 */
import type { Prefix } from '../../src/core/prefix.js';
import { LabelStackView } from '../../src/core/label-stack-view.js';
import { tcAt } from './label-entries.js';
import type { NlriBase } from '../../src/registry/family.js';

export interface LabeledNlri extends NlriBase {
  /** AFI 2 (IPv6) rather than AFI 1 (IPv4). */
  readonly v6: boolean;
  /** 20-bit labels, outermost first (RFC 8277 §2.3); with `withdraw`, the Compatibility field's value. */
  readonly labels: readonly number[];
  /**
   * RFC 8277 §2.4: the label field is the 3-octet Compatibility field of a withdrawal, not a
   * label stack. `labels` is then its label reading: 0x800000 `[524288]`, 0x000000 `[0]`,
   * any other value `[value >>> 4]`. `false` says the NLRI is an advertisement (MP_REACH): a
   * stack that starts with 0x800000 / 0x000000 is then written (decode it with `withdraw:
   * false`); left out (direction unknown), such a stack is refused, since decode-nlri would read
   * it as a withdrawal (label-entries.ts).
   */
  readonly withdraw?: boolean;
  /**
   * With `withdraw`: the Compatibility field's exact 24-bit value, written back as is (decoded
   * views always have it). Absent in a built model: from `labels`, `[524288]` → 0x800000,
   * `[0]` → 0x000000.
   */
  readonly compatibility?: number | undefined;
  /**
   * The TC bits of each label entry (RFC 3032 §2.1; RFC 8277 §2.3 "Rsrv"), outermost first, one
   * 3-bit value per label; absent means all 0 (decoded views leave it out when all are 0). Not
   * with `withdraw` (the Compatibility field keeps all 24 bits).
   */
  readonly tc?: readonly number[] | undefined;
  /** The IP prefix; `addr` holds its ceil(len/8) octets as on the wire (host bits kept). */
  readonly prefix: Prefix;
}

/** A decoded labeled-unicast NLRI: the input and offsets; one small object per NLRI. */
export class LabeledView extends LabelStackView implements LabeledNlri {
  get tc(): number[] | undefined {
    return this.withdraw ? undefined : tcAt(this._b, this._p, this._n);
  }

  get _end(): number {
    return this._afterLabels + ((this._len + 7) >>> 3);
  }

  get prefix(): Prefix {
    const o = this._afterLabels;
    return { v6: this.v6, len: this._len, addr: this._b.subarray(o, o + ((this._len + 7) >>> 3)) };
  }
}

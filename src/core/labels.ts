/**
 * MPLS label stack entries as carried in NLRI (RFC 3032 layout, RFC 8277 §2):
 * 3 octets: 20-bit label | 3-bit TC | S (bottom of stack).
 *
 * RFC 8277 §2.4: in a withdrawal the label field is a 3-octet "Compatibility" value, 0x800000
 * (RFC 3107) or 0x000000, which carries no bottom-of-stack bit and must not be parsed as a stack.
 */
import type { Reader } from './reader.js';
import type { Writer } from './writer.js';

export const MAX_LABEL = 0xfffff;
/** RFC 8277 §2.4 withdraw compatibility values. */
export const WITHDRAW_LABEL_3107 = 0x800000;
export const WITHDRAW_LABEL_ZERO = 0x000000;

/** The 20-bit label of a 3-octet entry. */
export function labelOf(entry: number): number {
  return entry >>> 4;
}

/** The bottom-of-stack bit of a 3-octet entry. */
export function isBottom(entry: number): boolean {
  return (entry & 1) === 1;
}

/** The 3-octet entry for a label: TC 0, S as given. */
export function labelEntry(label: number, bottom: boolean): number {
  return ((label & MAX_LABEL) << 4) | (bottom ? 1 : 0);
}

export interface LabelStackOptions {
  /** At most this many entries (RFC 8277 multiple labels: the negotiated count). Default 16. */
  max?: number;
  /** Treat a first entry of 0x800000 or 0x000000 as the RFC 8277 §2.4 withdraw value. */
  withdraw?: boolean;
}

/**
 * Read label entries until one has the S bit. Returns the 20-bit labels. A stack that reaches
 * the end of the reader or `max` entries without an S bit is a codec error ('malformed'), at the
 * offset of the stack. With `withdraw`, a first entry equal to a compatibility value is returned
 * alone as `[0x80000]` or `[0]`, with `withdrawn` set in the result.
 */
export function readLabelStack(r: Reader, opts: LabelStackOptions = {}): { labels: number[]; withdrawn: boolean } {
  const start = r.pos;
  const max = opts.max ?? 16;
  const labels: number[] = [];
  if (opts.withdraw && r.remaining >= 3) {
    const first = (r.buf[r.pos]! << 16) | (r.buf[r.pos + 1]! << 8) | r.buf[r.pos + 2]!;
    if (first === WITHDRAW_LABEL_3107 || first === WITHDRAW_LABEL_ZERO) {
      r.pos += 3;
      return { labels: [labelOf(first)], withdrawn: true };
    }
  }
  for (;;) {
    if (labels.length >= max) r.fail('malformed', `label stack has no bottom-of-stack bit within ${max} labels`, start);
    if (r.remaining < 3) r.fail('malformed', 'label stack ends without a bottom-of-stack bit', start);
    const e = r.u24('label');
    labels.push(labelOf(e));
    if (isBottom(e)) return { labels, withdrawn: false };
  }
}

/** Write a label stack with S on the last entry (TC 0). */
export function writeLabelStack(w: Writer, labels: readonly number[]): void {
  for (let i = 0; i < labels.length; i++) w.u24(labelEntry(labels[i]!, i === labels.length - 1));
}

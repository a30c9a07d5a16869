/**
 * The parts of an RFC 8277 §2.2-2.3 label entry that the core's label scan does not keep, for
 * the two families whose NLRI starts with a label field (labeled unicast here, L3VPN in
 * families/vpn): the 3 bits between the label and S (RFC 3032 §2.1 TC, RFC 8277 §2.3 "Rsrv",
 * ignored on receipt but part of the bytes), and the one layout that the direction-blind reading
 * of RFC 8277 §2.4 cannot tell from a withdrawal.
 *
 * RFC 8277 §2.4: where the direction is unknown (decode-nlri, `withdraw` undefined) a first entry
 * of exactly 0x800000 or 0x000000 is read as a withdrawal's Compatibility field when the rest
 * then has a valid prefix length. A label stack whose first entry is label 524288 or 0 with TC 0
 * and no S bit has those very bytes, so an encoder that does not know the direction must not
 * write it (it would come back as a withdrawal of another prefix); with `withdraw: false` (an
 * MP_REACH advertisement, decoded with `withdraw: false`) it is written.
 *
 * (Shared by both families; its natural home is src/core next to label-scan.ts.)
 */
import { argsError, modelError } from '../../src/core/errors.js';

/** The TC bits of `n` entries at `p`, outermost first; undefined when all are 0. */
export function tcAt(b: Uint8Array, p: number, n: number): number[] | undefined {
  let any = 0;
  for (let i = 0; i < n; i++) any |= b[p + 3 * i + 2]! & 0x0e;
  if (any === 0) return undefined;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (b[p + 3 * i + 2]! >> 1) & 7;
  return out;
}

/** Checks `tc` against `labels` (one 3-bit value per label); a withdrawal has none. */
export function checkTc(tc: readonly number[] | undefined, labels: readonly number[], withdraw: boolean | undefined, family: string): void {
  if (tc === undefined) return;
  if (withdraw) modelError('a withdrawal has one Compatibility field, no label entries with a TC (use compatibility)', family);
  if (!Array.isArray(tc) || tc.length !== labels.length) modelError(`tc needs one value per label (${labels.length}), got ${Array.isArray(tc) ? tc.length : typeof tc}`, family);
  for (const t of tc) if (!Number.isInteger(t) || t < 0 || t > 7) modelError(`tc ${t} is not a 3-bit value`, family);
}

/** Write the stack: label, TC, S on the last entry. */
export function writeEntries(w: { u24(v: number): unknown }, labels: readonly number[], tc: readonly number[] | undefined): void {
  const last = labels.length - 1;
  for (let i = 0; i <= last; i++) w.u24((labels[i]! << 4) | ((tc?.[i] ?? 0) << 1) | (i === last ? 1 : 0));
}

/**
 * True when a direction-blind decoder reads this label stack as a withdrawal: two or more
 * entries, the first exactly 0x800000 or 0x000000 (label 524288 or 0, TC 0, no S), and the bits
 * after a 3-octet Compatibility field (`restBits`: NLRI bits − 24, RD included for VPN) fit.
 */
export function readsAsWithdrawal(labels: readonly number[], tc: readonly number[] | undefined, restBits: number, restMax: number): boolean {
  return labels.length >= 2 && (labels[0] === 0x80000 || labels[0] === 0) && (tc?.[0] ?? 0) === 0 && restBits <= restMax;
}

export function ambiguityMessage(labels: readonly number[]): string {
  const entry = labels[0] === 0 ? '0x000000' : '0x800000';
  return (
    `a label stack whose first entry is ${entry} (label ${labels[0]}, TC 0, not bottom of stack) has the bytes of an RFC 8277 §2.4 ` +
    'withdrawal Compatibility field: a decoder that does not know the direction (decode-nlri) reads it as a withdrawal of another prefix. ' +
    'Give the first label a TC (args: tc 1 after it), or build the model with withdraw: false (an MP_REACH advertisement, decoded with withdraw: false)'
  );
}

/**
 * The `tc <0..7>` tokens of the encode-nlri args (ze-nlri's, not Ze's: Ze writes TC 0): each
 * sets the TC of the `label` before it. Scans like the core's labeled args scan (the keywords
 * in `valued` take one value token); returns undefined when no `tc` is given.
 */
export function tcFromArgs(args: readonly string[], valued: ReadonlySet<string>, family: string): number[] | undefined {
  if (!args.includes('tc')) return undefined; // the usual case, without a scan through the Set
  let labels = 0;
  let tc: number[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const t = args[i]!;
    if (t === 'tc') {
      const v = args[++i];
      if (v === undefined) argsError('tc requires value', family);
      if (!/^[0-7]$/.test(v)) argsError(`invalid tc: ${v} (the 3 TC bits of a label entry, 0..7)`, family);
      if (labels === 0) argsError('tc sets the TC bits of the label before it: give label first', family);
      tc ??= [];
      tc[labels - 1] = Number(v);
      continue;
    }
    if (!valued.has(t)) continue;
    i++;
    if (t === 'label') labels++;
  }
  if (tc === undefined) return undefined;
  const out = new Array<number>(labels);
  for (let k = 0; k < labels; k++) out[k] = tc[k] ?? 0;
  return out.some((x) => x !== 0) ? out : undefined;
}

/** `label N [tc T]` tokens for a stack. */
export function labelTokens(labels: readonly number[], tc: readonly number[] | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    out.push('label', String(labels[i]));
    const t = tc?.[i] ?? 0;
    if (t !== 0) out.push('tc', String(t));
  }
  return out;
}

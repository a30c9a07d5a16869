/**
 * Which reader a file needs, from its first octets: the pcap magic numbers and the pcapng
 * Section Header Block type (see pcap.ts), hex text (only hex digits, separators, `0x`, `#`
 * comments), a BMP v3 Common Header (RFC 7854 §4.1: Version 3, a Message Length of at least 6,
 * a Message Type 0-6), an MRT Common Header (RFC 6396 §2: a Type of §4's list).
 */
import { MRT_TYPES } from './mrt.js';
import { isPcapMagic, isPcapngMagic } from './pcap.js';

export type InputFormat = 'mrt' | 'bmp' | 'pcap' | 'hex';
export const INPUT_FORMATS: readonly InputFormat[] = ['mrt', 'bmp', 'pcap', 'hex'];

/** The format of a file starting with `head` (give 64 octets or more), or undefined. */
export function detectFormat(head: Uint8Array): InputFormat | undefined {
  if (head.length === 0) return undefined;
  if (isPcapMagic(head) || isPcapngMagic(head)) return 'pcap';
  if (isHexText(head)) return 'hex';
  if (head.length >= 6 && head[0] === 3) {
    const len = ((head[1]! << 24) | (head[2]! << 16) | (head[3]! << 8) | head[4]!) >>> 0;
    if (len >= 6 && head[5]! <= 6) return 'bmp';
  }
  if (head.length >= 12 && MRT_TYPES.has((head[4]! << 8) | head[5]!)) return 'mrt';
  return undefined;
}

function isHexText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let comment = false;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0x0a) {
      comment = false;
      continue;
    }
    if (comment) {
      if (c < 0x20 && c !== 0x09 && c !== 0x0d) return false;
      continue;
    }
    if (c === 0x23) comment = true; // '#'
    else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66) || c === 0x78 || c === 0x58 || c === 0x3a || c === 0x20 || c === 0x09 || c === 0x0d)) return false;
  }
  return true;
}

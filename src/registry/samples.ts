/** A canonical sample NLRI of a family: see docs/ADDING-A-FAMILY.md §3. */
export interface Sample {
  /** Ze family name. */
  readonly family: string;
  /** One NLRI, UPPER-case hex, canonical: encoding its decoding gives the same bytes. */
  readonly hex: string;
  /** encode-nlri args that produce exactly `hex`, when the family's grammar can express it. */
  readonly args?: readonly string[];
  /** What it shows, with the RFC section. */
  readonly note: string;
}

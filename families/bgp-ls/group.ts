/**
 * The BGP-LS group as src/families.ts lists it: the codecs and samples only, without the
 * zod-checked model builders of `index.ts` (`parseBgpLsNlri`), so importing the package root
 * does not load zod.
 */
export { codecs } from './codecs.js';
export { samples } from './samples.js';

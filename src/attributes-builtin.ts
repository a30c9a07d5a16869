/**
 * The path attributes shipped with ze-nlri. One import per group (attributes/<group>/index.ts);
 * the default attribute registry, the CLI and the plugin take their attributes from this list only.
 */
import type { AttributeCodec, AttributeSample } from './attributes/attribute.js';
import * as bgpLs from '../attributes/bgp-ls/index.js';

interface AttributeGroup {
  readonly codecs: readonly AttributeCodec<any>[];
  readonly samples: readonly AttributeSample[];
}

const groups: readonly AttributeGroup[] = [bgpLs];

export const builtinAttributes: readonly AttributeCodec<any>[] = groups.flatMap((g) => g.codecs);
export const builtinAttributeSamples: readonly AttributeSample[] = groups.flatMap((g) => g.samples);

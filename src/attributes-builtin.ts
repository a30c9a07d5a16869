/**
 * The path attributes shipped with ze-nlri. One import per group (attributes/<group>/index.ts);
 * the default attribute registry, the CLI and the plugin take their attributes from this list only.
 */
import type { AttributeCodec, AttributeSample } from './attributes/attribute.js';
import * as path from '../attributes/path/index.js';
import * as mp from '../attributes/mp/index.js';
import * as communities from '../attributes/communities/index.js';
import * as pmsi from '../attributes/pmsi/index.js';
import * as tunnelEncap from '../attributes/tunnel-encap/index.js';
import * as prefixSid from '../attributes/prefix-sid/index.js';
import * as bgpLs from '../attributes/bgp-ls/index.js';

interface AttributeGroup {
  readonly codecs: readonly AttributeCodec<any>[];
  readonly samples: readonly AttributeSample[];
}

const groups: readonly AttributeGroup[] = [path, mp, communities, pmsi, tunnelEncap, prefixSid, bgpLs];

export const builtinAttributes: readonly AttributeCodec<any>[] = groups.flatMap((g) => g.codecs);
export const builtinAttributeSamples: readonly AttributeSample[] = groups.flatMap((g) => g.samples);

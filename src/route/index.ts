/**
 * ze-nlri route arguments: one route (NLRI + path attributes) from command-line tokens, for the
 * plugin's `update …` / `--announce` and the CLI (docs/attributes/route-args.md).
 */
export { parseRouteArgs, splitRouteArgs, type RouteSpec, type RouteArgsOptions } from './args.js';
export { buildUpdate, type BuildUpdateOptions } from './update.js';
export { keywordOf, keywordList } from './keywords.js';

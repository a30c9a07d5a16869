// Test-only loader hook: resolve the package name `ze-nlri` to the TypeScript sources, so the
// example family module (which imports 'ze-nlri' as a user would) loads without a build.
// Registered with `--import ./test/plugin/alias-ze-nlri.mjs` after `--import tsx`.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
const target = ${JSON.stringify(new URL('../../src/index.ts', import.meta.url).href)};
export async function resolve(spec, ctx, next) {
  if (spec === 'ze-nlri') return next(target, ctx);
  return next(spec, ctx);
}`),
);

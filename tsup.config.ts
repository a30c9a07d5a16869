import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry for the package root, one for the plugin runtime, one per family folder (so `ze-nlri/<group>` loads that
// family alone), as ESM + CJS with types; the CLI separately, ESM only. Family folders are found
// on disk: adding a family needs no edit here (only its subpath in package.json "exports").
const families = Object.fromEntries(
  readdirSync('families', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`families/${d.name}/index.ts`))
    .map((d) => [d.name, `families/${d.name}/index.ts`]),
);

const common = { target: 'node20', platform: 'node', sourcemap: false, treeshake: true } as const;

export default defineConfig([
  { ...common, entry: { index: 'src/index.ts', plugin: 'src/plugin/index.ts', ...families }, format: ['esm', 'cjs'], dts: true, splitting: true, clean: false },
  { ...common, entry: { cli: 'src/cli/main.ts' }, format: ['esm'], dts: false, splitting: false, clean: false },
]);

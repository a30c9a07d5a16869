import { readdirSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry for the package root, one per family folder (so `ze-nlri/<family>` loads that family
// alone), and the CLI. Family folders are found on disk: adding a family needs no edit here.
const families = Object.fromEntries(
  readdirSync('families', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`families/${d.name}/index.ts`))
    .map((d) => [d.name, `families/${d.name}/index.ts`]),
);

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', ...families },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: false,
  clean: true,
  target: 'node20',
  platform: 'node',
  shims: false,
  treeshake: true,
});

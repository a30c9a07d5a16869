import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One entry for the package root, one for the plugin runtime, one per family folder (so `ze-nlri/<group>` loads that
// family alone), as ESM + CJS with types. Family folders are found on disk: adding a family needs no edit here (only
// its subpath in package.json "exports").
//
// The CLI is one more entry of the ESM build, not a bundle of its own: dist/cli.js is a few KB that imports the
// library's chunks (the same files `import 'ze-nlri'` loads), and the command it runs imports only the family groups
// it names (src/cli/load.ts). So the package holds one copy of the library, and `ze-nlri decode <family> <hex>`
// starts by loading node, the registry core and one group.
const families = Object.fromEntries(
  readdirSync('families', { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`families/${d.name}/index.ts`))
    .map((d) => [d.name, `families/${d.name}/index.ts`]),
);

/** The library's entries (add a library entry here: both builds take it). */
const library: Record<string, string> = { index: 'src/index.ts', plugin: 'src/plugin/index.ts', input: 'src/input/index.ts', ...families };

const common = { target: 'node20', platform: 'node', sourcemap: false, treeshake: true, splitting: true, clean: false } as const;

export default defineConfig([
  { ...common, entry: library, format: ['cjs'], dts: true },
  { ...common, entry: { ...library, cli: 'src/cli/main.ts' }, format: ['esm'], dts: { entry: library } },
]);

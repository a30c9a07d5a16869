/**
 * Type-checks consumer files against the BUILT declarations (dist/*.d.ts), as a user of the
 * package compiles them: `strict` + `exactOptionalPropertyTypes`, no `skipLibCheck`. The package
 * is reached as `ze-nlri` through a node_modules link to the repository (its `exports` map).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../cli/cli-run.js';

/** Compile `files` (name → text); returns tsc's output ('' when it type-checks). */
export function typeCheck(files: Record<string, string>): string {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'ze-nlri-types-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'ze-nlri'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          noEmit: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
        },
        files: Object.keys(files),
      }),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    return `${r.stdout ?? ''}${r.stderr ?? ''}`.replaceAll(dir, '<dir>');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

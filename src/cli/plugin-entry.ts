/** Stand-alone entry for `ze-nlri plugin` (tests and `tsx`): `node --import tsx src/cli/plugin-entry.ts …`. */
import { runPluginCommand } from './plugin.js';

runPluginCommand(process.argv.slice(2)).then((code) => process.exit(code));

/**
 * Commands beyond the codec basics, each in its own module: the Ze plugin, attribute decoders.
 * `main.ts` lists them in its help and dispatches to them by name.
 */
import type { Registry } from '../registry/registry.js';
import { decodeAttrCommand, encodeAttrCommand } from './decode-attr.js';
import { decodeFileCommand } from './decode-file.js';
import { runPluginCommand } from './plugin.js';
import { decodeUpdateCommand, encodeUpdateCommand } from './update-commands.js';

export interface ExtraCommand {
  readonly name: string;
  /** Lines for the help text, each starting with two spaces and ending with a newline. */
  readonly help: string;
  run(argv: string[], registry: Registry): Promise<number> | number;
}

const pluginCommand: ExtraCommand = {
  name: 'plugin',
  help: `  ze-nlri plugin [--family <f>]... [--family-module <file>]... [options]
        Run as a Ze external family plugin (started by ze; see docs/PLUGIN.md, --help for options).
`,
  async run(argv) {
    // The plugin runs until ze closes the connection; end the process with its code then, even if
    // a timer or socket of a finished call is still referenced.
    process.exit(await runPluginCommand(argv));
  },
};

export const extraCommands: readonly ExtraCommand[] = [decodeUpdateCommand, encodeUpdateCommand, decodeAttrCommand, encodeAttrCommand, decodeFileCommand, pluginCommand];

/**
 * Commands beyond the codec basics, each in its own module: the Ze plugin, attribute decoders.
 * `main.ts` lists them in its help and dispatches to them by name.
 */
import type { Registry } from '../registry/registry.js';

export interface ExtraCommand {
  readonly name: string;
  /** Lines for the help text, each starting with two spaces and ending with a newline. */
  readonly help: string;
  run(argv: string[], registry: Registry): Promise<number> | number;
}

export const extraCommands: readonly ExtraCommand[] = [];

/** Feed bytes to a RouteReader in chunks of `chunk` octets and collect JSON routes and errors. */
import { defaultAttributes, defaultRegistry } from '../../src/index.js';
import type { InputFormat } from '../../src/input/detect.js';
import { RouteJson } from '../../src/input/json.js';
import { RouteReader, type FileItem, type RouteReaderOptions } from '../../src/input/routes.js';

export interface Decoded {
  routes: Record<string, unknown>[];
  lines: string[];
  errors: { code: string; offset: number; message: string; fatal?: boolean }[];
  bad: string[];
  reader: RouteReader;
}

export function decodeBytes(format: InputFormat, bytes: Uint8Array, chunk = bytes.length || 1, opts: Partial<RouteReaderOptions> = {}): Decoded {
  const reader = new RouteReader({ format, families: defaultRegistry, attributes: defaultAttributes, ...opts });
  const json = new RouteJson();
  const d: Decoded = { routes: [], lines: [], errors: [], bad: [], reader };
  const take = (items: FileItem[]): void => {
    for (const it of items) {
      if (it.kind === 'route') {
        const l = json.route(it);
        d.lines.push(l);
        d.routes.push(JSON.parse(l) as Record<string, unknown>);
      } else if (it.kind === 'error') d.errors.push({ code: it.error.code, offset: it.error.offset, message: it.error.message, fatal: it.fatal });
      else d.bad.push(json.badUpdate(it));
    }
  };
  for (let i = 0; i < bytes.length; i += chunk) take(reader.push(bytes.slice(i, i + chunk)));
  take(reader.end());
  return d;
}

/**
 * A small logger that writes Go `slog` text lines to stderr (ze-plugin-protocol.md §1.6).
 *
 * Ze reads a plugin's stderr and relays a line only when it holds `level=` and `msg=` and its
 * level is at least `ze.log.relay` (WARN by default). Anything else (plain text, a Node stack
 * trace) counts as INFO and is dropped. So every diagnostic goes out as one slog-shaped line:
 * `time=… level=WARN msg="…" key=value`. stdout is never used: Ze throws it away.
 */

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

const RANK: Record<LogLevel, number> = { DEBUG: 0, INFO: 1, WARN: 2, ERROR: 3 };

export type LogValue = string | number | bigint | boolean | null | undefined;
export type LogAttrs = Record<string, LogValue>;

/** Quote a value the way slog's text handler does: bare when safe, Go-quoted otherwise. */
export function slogValue(v: LogValue): string {
  const s = v === undefined || v === null ? '' : String(v);
  if (s !== '' && /^[\x21-\x7e]+$/.test(s) && !/["=\\]/.test(s)) return s;
  return JSON.stringify(s);
}

/** One slog text line (no newline). */
export function formatSlog(level: LogLevel, msg: string, attrs: LogAttrs = {}, time = new Date()): string {
  let line = `time=${time.toISOString()} level=${level} msg=${JSON.stringify(msg)}`;
  for (const k of Object.keys(attrs)) {
    const v = attrs[k];
    if (v === undefined) continue;
    line += ` ${k}=${slogValue(v)}`;
  }
  return line;
}

export function parseLogLevel(s: string): LogLevel | undefined {
  const u = s.toUpperCase();
  return u === 'DEBUG' || u === 'INFO' || u === 'WARN' || u === 'ERROR' ? u : undefined;
}

export interface LoggerOptions {
  /** Lowest level written (default INFO; `ZE_NLRI_LOG_LEVEL` overrides it in the CLI). */
  level?: LogLevel;
  /** Where lines go (default: stderr). */
  write?: (line: string) => void;
  /** Attributes added to every line. */
  attrs?: LogAttrs;
}

export class Logger {
  readonly level: LogLevel;
  private readonly write: (line: string) => void;
  private readonly attrs: LogAttrs;

  constructor(opts: LoggerOptions = {}) {
    this.level = opts.level ?? 'INFO';
    this.write = opts.write ?? ((line) => process.stderr.write(line + '\n'));
    this.attrs = opts.attrs ?? {};
  }

  /** A logger that adds `attrs` to every line. */
  with(attrs: LogAttrs): Logger {
    return new Logger({ level: this.level, write: this.write, attrs: { ...this.attrs, ...attrs } });
  }

  enabled(level: LogLevel): boolean {
    return RANK[level] >= RANK[this.level];
  }

  log(level: LogLevel, msg: string, attrs?: LogAttrs): void {
    if (!this.enabled(level)) return;
    this.write(formatSlog(level, msg, attrs ? { ...this.attrs, ...attrs } : this.attrs));
  }

  debug(msg: string, attrs?: LogAttrs): void {
    this.log('DEBUG', msg, attrs);
  }
  info(msg: string, attrs?: LogAttrs): void {
    this.log('INFO', msg, attrs);
  }
  warn(msg: string, attrs?: LogAttrs): void {
    this.log('WARN', msg, attrs);
  }
  error(msg: string, attrs?: LogAttrs): void {
    this.log('ERROR', msg, attrs);
  }
}

/** Message of an unknown thrown value. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

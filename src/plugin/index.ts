/**
 * The reusable Ze plugin runtime (any TypeScript Ze plugin can use it), and the ze-nlri family
 * plugin built on it. See docs/PLUGIN.md.
 */
export { ZePlugin, CommandError, runPluginMain, ENGINE, CALLBACK } from './plugin.js';
export type {
  ZePluginOptions,
  FamilyDecl,
  CommandDecl,
  SubscribeSpec,
  CommandRequest,
  CommandResult,
  CommandHandler,
  EventHandler,
  EventTextHandler,
  EventBatchBytesHandler,
  CallbackHandler,
} from './plugin.js';
export { RpcConnection, RpcError, RpcTimeoutError, RpcClosedError, AnswerError, NOT_HANDLED, type RawRequestHandler } from './rpc.js';
export { Logger, formatSlog, parseLogLevel, type LogLevel, type LogAttrs } from './log.js';
export { readPluginEnv, PluginEnvError, type PluginEnv } from './env.js';
export { connectEngine, certFingerprint, PinMismatchError } from './transport.js';
export { parseFrame, parseFrameBytes, formatFrame, LineSplitter, MAX_LINE, type Frame, type ByteFrame } from './framing.js';
export { NlriPlugin, type NlriPluginOptions } from './nlri/app.js';
export { RouteTable } from './nlri/table.js';
export { loadFamilyModule, FamilyModuleError } from './nlri/modules.js';
export { updateHexCommand, isPrefixShaped, zeHasSplitter, DEFAULT_ATTRIBUTES } from './nlri/originate.js';

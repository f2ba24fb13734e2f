export { ExitCode } from './exit-codes.js';
export type { CliIO, InputStream, OutputStream } from './io.js';
export { run } from './run.js';

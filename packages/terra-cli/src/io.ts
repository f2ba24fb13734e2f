/** A stream the CLI writes to: `process.stdout`, `process.stderr`, or a test double with the same shape. */
export interface OutputStream {
  write(chunk: string): boolean;
  /** True when a person is looking at it (a terminal); drives tables, colour and the progress bar. */
  isTTY?: boolean;
  /** The terminal width, when it is a terminal. */
  columns?: number;
}

/** A stream the CLI reads from (a payload on stdin, a confirmation answer). */
export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean };

/**
 * Everything the CLI touches in its process: streams, environment and working directory.
 * `bin.ts` passes the real ones; commands never read `process.stdout`, `process.env` or the cwd directly, which keeps them testable.
 */
export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The command being run, for messages that depend on it (`users list`, `data`, `webhooks verify`). */
export interface CommandInfo {
  /** The command path without `terra`, e.g. `users info`. */
  path: string;
}

/** The SDK's option names and the CLI flag or argument that sets each, whatever the command. */
const SDK_TO_CLI: Readonly<Record<string, string>> = {
  startDate: '--from',
  endDate: '--to',
  chunkDays: '--chunk-days',
  concurrency: '--concurrency',
  withSamples: '--samples',
  toWebhook: '--webhook',
  referenceId: '--reference-id',
  authSuccessRedirectUrl: '--success-url',
  authFailureRedirectUrl: '--failure-url',
  language: '--language',
  timeoutMs: '--timeout',
  toleranceSeconds: '--tolerance',
  baseUrl: '--base-url',
  apiKey: '--api-key',
  devId: '--dev-id',
  secret: '--secret',
};

/** The user id is an option of `terra data` and a positional argument elsewhere. */
function userIdName(command: CommandInfo | undefined): string {
  return command?.path === 'data' ? '--user' : '<user-id>';
}

/** The CLI's name for an SDK option (`startDate` -> `--from`), or the name itself when the CLI has no other. */
export function cliNameOf(sdkName: string, command: CommandInfo | undefined): string {
  if (sdkName === 'userId' || sdkName === 'user') return userIdName(command);
  if (sdkName === 'provider' || sdkName === 'resource') return '<provider>';
  return SDK_TO_CLI[sdkName] ?? sdkName;
}

const NAME_PATTERN = new RegExp(`\\b(${[...Object.keys(SDK_TO_CLI), 'userId'].join('|')})\\b`, 'g');

/**
 * Rewrites an SDK message for the command line: option names become the flags that set them
 * (`Pass toleranceSeconds to widen it` -> `pass --tolerance to widen it`), and advice that only makes sense in
 * code (`new Terra({ ... })`, `pass a Date`) is dropped.
 */
export function toCliWording(message: string, command: CommandInfo | undefined): string {
  return message
    .replace(/\s*\(?new Terra\(\{[^)]*\}\)[^)]*\)?/g, '')
    .replace(/\bpass a Date, /g, 'pass ')
    .replace(/`(\w+)`/g, (whole, name: string) => (SDK_TO_CLI[name] ? cliNameOf(name, command) : whole))
    .replace(NAME_PATTERN, (name) => cliNameOf(name, command))
    .replace(/\bPass (--|<)/g, 'pass $1');
}

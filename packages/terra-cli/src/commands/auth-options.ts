import type { Command } from 'commander';

/** The options shared by `auth url` and `auth widget`. */
export interface AuthOptions {
  referenceId?: string;
  successUrl?: string;
  failureUrl?: string;
  language?: string;
}

/** Declares the redirect, reference and language options on an auth command. */
export function addAuthOptions(command: Command): Command {
  return command
    .option('--reference-id <id>', 'your own id for the user; Terra returns it with the auth event')
    .option('--success-url <url>', 'where to send the user after connecting')
    .option('--failure-url <url>', 'where to send the user when connecting fails')
    .option('--language <code>', 'language of the connect pages, e.g. en');
}

/** The SDK's camelCase request fields for {@link AuthOptions}. */
export function authRequestFields(options: AuthOptions) {
  return {
    referenceId: options.referenceId,
    authSuccessRedirectUrl: options.successUrl,
    authFailureRedirectUrl: options.failureUrl,
    language: options.language,
  };
}

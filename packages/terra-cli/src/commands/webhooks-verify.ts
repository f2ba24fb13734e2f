import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { TerraWebhooks } from 'terra-ts';
import { type App, action } from '../app.js';
import { UsageError } from '../cli-error.js';
import { requireCredential } from '../config/credentials.js';
import { readPayload } from '../input/read-payload.js';

interface WebhooksVerifyOptions {
  header?: string;
  signature?: string;
  file?: string;
  tolerance?: number;
}

const USAGE = "terra webhooks verify --secret <secret> --header 't=...,v1=...' < payload.json";

/** Parses `--tolerance`: whole seconds, at least 1. */
export function parseTolerance(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new InvalidArgumentError('expected whole seconds, e.g. 300');
  return seconds;
}

/** Accepts the bare value or a pasted `terra-signature: t=...` header line. */
export function headerValue(text: string): string {
  return text.replace(/^\s*(x-)?terra-signature\s*:\s*/i, '').trim();
}

/** `terra webhooks verify`: checks a payload's signature with terra-ts, exit code 6 and the reason on failure. */
export function registerWebhooksVerify(parent: Command, app: App): void {
  parent
    .command('verify')
    .description(
      'verify a webhook payload (stdin) against its terra-signature header; exit code 6 if it fails',
    )
    .option('--header <value>', 'the terra-signature header value, t=<seconds>,v1=<hex>')
    .option('--signature <value>', 'same as --header')
    .option('--file <path>', 'read the payload from this file instead of stdin')
    .option('--tolerance <seconds>', 'accepted age of the signature (default 300)', parseTolerance)
    .action(
      action<WebhooksVerifyOptions>(app, async (context, options) => {
        if (options.header !== undefined && options.signature !== undefined) {
          throw new UsageError('--header and --signature are the same option', 'give one of them');
        }
        const raw = options.header ?? options.signature;
        if (raw === undefined) throw new UsageError('no signature header given', USAGE);
        const secret = requireCredential(await context.apiCredentials(), 'secret');
        const payload = await readPayload(context.io, options.file, USAGE);
        const webhooks = new TerraWebhooks({ secret, toleranceSeconds: options.tolerance });
        const event = await webhooks.handleWebhook(payload, headerValue(raw));
        const json = event.getJson() as Record<string, unknown>;
        const user = json.user as Record<string, unknown> | undefined;
        context.printer.object(
          { valid: true, type: json.type ?? null, user_id: user?.user_id ?? null, payload: json },
          [
            ['valid', 'valid'],
            ['type', 'type'],
            ['user id', 'user_id'],
          ],
        );
      }),
    );
}

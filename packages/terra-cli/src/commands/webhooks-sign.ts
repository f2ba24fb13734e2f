import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { generateTestSignatureHeader } from 'terra-ts/testing';
import { type App, action } from '../app.js';
import { requireCredential } from '../config/credentials.js';
import { readPayload } from '../input/read-payload.js';

interface WebhooksSignOptions {
  file?: string;
  timestamp?: number;
}

const USAGE = 'terra webhooks sign --secret <secret> < payload.json   (or --file payload.json)';

/** Parses `--timestamp`: unix seconds. */
export function parseUnixSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 9_999_999_999) {
    throw new InvalidArgumentError('expected unix seconds, e.g. 1723808700');
  }
  return seconds;
}

/** `terra webhooks sign`: prints a valid `terra-signature` header for a payload (for tests and replays). */
export function registerWebhooksSign(parent: Command, app: App): void {
  parent
    .command('sign')
    .description('print a valid terra-signature header for a payload read from stdin (for tests)')
    .option('--file <path>', 'read the payload from this file instead of stdin')
    .option('--timestamp <seconds>', 'sign as of this unix time (default: now)', parseUnixSeconds)
    .action(
      action<WebhooksSignOptions>(app, async (context, options) => {
        const secret = requireCredential(await context.apiCredentials(), 'secret');
        const payload = await readPayload(context.io, options.file, USAGE);
        const header = await generateTestSignatureHeader({
          payload,
          secret,
          timestamp: options.timestamp,
        });
        if (context.printer.format === 'table') context.printer.out(`${header}\n`);
        else context.printer.object({ 'terra-signature': header }, [['terra-signature', 'terra-signature']]);
      }),
    );
}

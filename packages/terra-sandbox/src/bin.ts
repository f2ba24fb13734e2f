#!/usr/bin/env node
import { CliArgsError, parseCliArgs, USAGE } from './cli-args.js';
import type { SandboxOptions } from './options.js';
import { type Sandbox, startSandbox } from './sandbox.js';
import { DataFileError } from './state/persistence.js';

/** The clock and live-mode lines of the banner, when either was asked for. */
function clockLines(sandbox: Sandbox, options: SandboxOptions): string[] {
  const lines: string[] = [];
  if (options.clock) {
    const now = new Date(sandbox.clock.now()).toISOString();
    lines.push(
      `  clock         ${now} at ${sandbox.clock.speed}x (POST /sandbox/api/clock/advance {"ms":n})`,
    );
  }
  if (options.live) {
    const chaos = typeof options.live === 'object' && options.live.chaos ? ', with delivery chaos' : '';
    lines.push(`  live mode     on${chaos}; ground truth at GET /sandbox/api/ground-truth`);
  }
  return lines;
}

async function main(): Promise<void> {
  const { help, options } = parseCliArgs(process.argv.slice(2));
  if (help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const sandbox = await startSandbox(options);
  const users = sandbox.users();
  const lines = [
    `terra-sandbox listening on ${sandbox.url}`,
    `  API base URL  ${sandbox.baseUrl}  (also ${sandbox.url}/api/v2)`,
    `  dashboard     ${sandbox.url}/dashboard`,
    `  x-api-key     ${sandbox.apiKey}`,
    `  dev-id        ${sandbox.devId}`,
    `  secret        ${sandbox.secret}`,
    `  webhook URL   ${sandbox.webhookUrl ?? '(none; set with --webhook-url or PUT /sandbox/api/webhook-url)'}`,
    ...clockLines(sandbox, options),
    `  users         ${users.length === 0 ? '(none)' : ''}`,
    ...users.map((u) => `    ${u.provider.padEnd(8)} ${u.user_id}  reference_id=${u.reference_id ?? ''}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof CliArgsError || err instanceof DataFileError) {
    process.stderr.write(`terra-sandbox: ${err.message}\n`);
    process.exit(2);
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') {
    process.stderr.write(
      'terra-sandbox: the port is already in use; pick another with --port (0 = any free port)\n',
    );
    process.exit(2);
  }
  process.stderr.write(`terra-sandbox: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});

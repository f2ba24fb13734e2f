import { parseArgs } from 'node:util';
import { FaultParseError, parseFaults } from './faults/parse.js';
import { type ClockOptions, MAX_CLOCK_SPEED } from './live/clock.js';
import { LiveOptionError, parseChaosSpec } from './live/options.js';
import { DEFAULTS, type SandboxOptions } from './options.js';
import { checkWebhookUrl, WebhookUrlError } from './webhooks/webhook-url.js';

/** Usage text of the `terra-sandbox` command. */
export const USAGE = `Usage: terra-sandbox [options]

  --port <n>            port to listen on (default ${DEFAULTS.port}; 0 picks a free one)
  --host <addr>         interface to bind (default ${DEFAULTS.host}; anything else
                        exposes the sandbox to the network, with a warning)
  --allowed-host <name> another name to answer to in the Host header (repeatable;
                        loopback names and the bound address always work)
  --api-key <key>       x-api-key to accept (default ${DEFAULTS.apiKey})
  --dev-id <id>         dev-id to accept (default ${DEFAULTS.devId})
  --secret <secret>     webhook signing secret (default ${DEFAULTS.secret})
  --webhook-url <url>   where webhooks are delivered
  --seed <n>            data generator seed (default ${DEFAULTS.seed})
  --data <file>         keep users, deliveries, workouts, lab reports and connect
                        sessions in this JSON file across restarts
  --fault <spec>        global faults, e.g. "status=503;times=2" or "latency=200"
  --retry-base <ms>     first webhook retry delay, doubling (default ${DEFAULTS.webhookRetryBaseMs})
  --lab-report-delay <ms>  how long an uploaded lab report stays processing (default ${DEFAULTS.labReportDelayMs})
  --max-deliveries <n>  webhook deliveries kept; the oldest settled ones go first
                        (default ${DEFAULTS.maxDeliveries})
  --max-delivery-bytes <n>  payload bytes kept across deliveries (default
                        ${DEFAULTS.maxDeliveryBytes}, 64 MiB)
  --no-demo-users       start without the three demo users
  --clock-start <time>  the sandbox clock's start, an ISO 8601 date-time such as
                        2026-03-04T06:00:00-05:00 (default now); data is served as of
                        the clock: today holds only what has happened so far
  --speed <n>           simulated seconds per real second (default 1; 0 stops the
                        clock, POST /sandbox/api/clock/advance moves it)
  --live                live mode: as the clock passes, send data webhooks the way
                        Terra does after a provider sync; GET /sandbox/api/ground-truth
  --chaos               with --live: duplicates, reordering, late retries of older
                        versions and bursts, seeded by --seed
  --chaos-rates <spec>  with --chaos: e.g. duplicates=0.2,reorder=0.1,lateRetries=0.1,
                        bursts=0.05 (each a share from 0 to 1; defaults 0.1/0.1/0.1/0.05)
  -h, --help            show this help`;

/** Thrown for bad command-line input; the message says what to fix. */
export class CliArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliArgsError';
  }
}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new CliArgsError(
      `--${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

/** Parses the command line into sandbox options; `help: true` when usage was asked for. */
export function parseCliArgs(argv: string[]): { help: boolean; options: SandboxOptions } {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'api-key': { type: 'string' },
        'dev-id': { type: 'string' },
        secret: { type: 'string' },
        'webhook-url': { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        fault: { type: 'string' },
        'retry-base': { type: 'string' },
        'lab-report-delay': { type: 'string' },
        'max-deliveries': { type: 'string' },
        'max-delivery-bytes': { type: 'string' },
        'no-demo-users': { type: 'boolean' },
        'clock-start': { type: 'string' },
        speed: { type: 'string' },
        live: { type: 'boolean' },
        chaos: { type: 'boolean' },
        'chaos-rates': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new CliArgsError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const str = (k: string) => values[k] as string | undefined;
  const options: SandboxOptions = {};
  const port = integer('port', str('port'), 0, 65535);
  if (port !== undefined) options.port = port;
  const seed = integer('seed', str('seed'), 0, Number.MAX_SAFE_INTEGER);
  if (seed !== undefined) options.seed = seed;
  const retryBase = integer('retry-base', str('retry-base'), 1, 3_600_000);
  if (retryBase !== undefined) options.webhookRetryBaseMs = retryBase;
  const labReportDelay = integer('lab-report-delay', str('lab-report-delay'), 0, 3_600_000);
  if (labReportDelay !== undefined) options.labReportDelayMs = labReportDelay;
  const maxDeliveries = integer('max-deliveries', str('max-deliveries'), 1, Number.MAX_SAFE_INTEGER);
  if (maxDeliveries !== undefined) options.maxDeliveries = maxDeliveries;
  const maxDeliveryBytes = integer(
    'max-delivery-bytes',
    str('max-delivery-bytes'),
    1,
    Number.MAX_SAFE_INTEGER,
  );
  if (maxDeliveryBytes !== undefined) options.maxDeliveryBytes = maxDeliveryBytes;
  if (str('host') !== undefined) options.host = str('host');
  if (str('api-key') !== undefined) options.apiKey = str('api-key');
  if (str('dev-id') !== undefined) options.devId = str('dev-id');
  if (str('secret') !== undefined) options.secret = str('secret');
  if (str('data') !== undefined) options.dataFile = str('data');
  const webhookUrl = str('webhook-url');
  if (webhookUrl !== undefined) {
    try {
      options.webhookUrl = checkWebhookUrl(webhookUrl, '--webhook-url');
    } catch (err) {
      if (err instanceof WebhookUrlError) throw new CliArgsError(err.message);
      throw err;
    }
  }
  const fault = str('fault');
  if (fault !== undefined) {
    try {
      options.faults = parseFaults(fault);
    } catch (err) {
      if (err instanceof FaultParseError) throw new CliArgsError(`--fault: ${err.message}`);
      throw err;
    }
  }
  const allowedHosts = values['allowed-host'] as string[] | undefined;
  if (allowedHosts !== undefined) {
    for (const name of allowedHosts) {
      if (!/^[\w.-]+$|^\[[\da-f:.]+\]$/i.test(name)) {
        throw new CliArgsError(
          `--allowed-host takes a host name or address without scheme or port, e.g. host.docker.internal; got ${JSON.stringify(name)}`,
        );
      }
    }
    options.allowedHosts = allowedHosts;
  }
  if (values['no-demo-users']) options.users = [];
  readClockAndLive(values, options);
  return { help: Boolean(values.help), options };
}

/** `--clock-start`, `--speed`, `--live`, `--chaos`, `--chaos-rates` into `options.clock` and `options.live`. */
function readClockAndLive(values: Record<string, unknown>, options: SandboxOptions): void {
  const start = values['clock-start'] as string | undefined;
  const speed = values.speed as string | undefined;
  if (start !== undefined || speed !== undefined) {
    const clock: ClockOptions = {};
    if (start !== undefined) {
      if (!/^\d{4}-\d{2}-\d{2}T/.test(start) || Number.isNaN(Date.parse(start))) {
        throw new CliArgsError(
          `--clock-start takes an ISO 8601 date-time such as 2026-03-04T06:00:00-05:00; got ${JSON.stringify(start)}`,
        );
      }
      clock.start = start;
    }
    if (speed !== undefined) {
      const n = Number(speed);
      if (!/^\d+(\.\d+)?$/.test(speed) || n > MAX_CLOCK_SPEED) {
        throw new CliArgsError(
          `--speed takes a number from 0 (stopped) to ${MAX_CLOCK_SPEED}, e.g. 60 for an hour a minute; got ${JSON.stringify(speed)}`,
        );
      }
      clock.speed = n;
    }
    options.clock = clock;
  }
  const rates = values['chaos-rates'] as string | undefined;
  const chaos = values.chaos === true || rates !== undefined;
  if (chaos && values.live !== true) {
    throw new CliArgsError('--chaos and --chaos-rates shape live mode deliveries; add --live');
  }
  if (values.live !== true) return;
  if (!chaos) {
    options.live = true;
    return;
  }
  try {
    options.live = { chaos: rates === undefined ? true : parseChaosSpec(rates) };
  } catch (err) {
    if (err instanceof LiveOptionError) throw new CliArgsError(`--chaos-rates: ${err.message}`);
    throw err;
  }
}

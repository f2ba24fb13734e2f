import type { Sandbox } from 'terra-sandbox';
import { Terra } from 'terra-ts';
import { checkBaseUrlPolicy } from './config/base-url-policy.js';
import { type Credentials, requireCredential, resolveCredentials } from './config/credentials.js';
import { readEnvFile } from './config/env-file.js';
import type { GlobalOptions } from './global-options.js';
import { createTracingFetch } from './http/tracing-fetch.js';
import type { CliIO } from './io.js';
import { parseFields } from './output/fields.js';
import { resolveFormat } from './output/format.js';
import { Printer } from './output/printer.js';
import type { Redactor } from './output/redactor.js';

/**
 * What a command runs with: its printer, credentials, the traced fetch and a Terra client, all built from the
 * global options on first use and released by {@link CommandContext.close}.
 */
export class CommandContext {
  /** The process streams and environment. */
  readonly io: CliIO;
  /** Prints records, objects and notes in the chosen format, redacted. */
  readonly printer: Printer;
  /** The parsed global options. */
  readonly options: GlobalOptions;
  /** fetch with `--show-headers` tracing and `--dry-run` interception. */
  readonly fetch: typeof fetch;
  readonly #redactor: Redactor;
  readonly #cleanups: Array<() => Promise<void> | void> = [];
  #credentials: Credentials | undefined;
  #sandbox: Promise<Sandbox> | undefined;
  #client: Promise<Terra> | undefined;

  /** @param io - process streams; @param redactor - shared with error reporting; @param options - global options. */
  constructor(io: CliIO, redactor: Redactor, options: GlobalOptions) {
    this.io = io;
    this.options = options;
    this.#redactor = redactor;
    this.printer = new Printer(io, {
      format: resolveFormat(options),
      fields: options.fields === undefined ? undefined : parseFields(options.fields),
      redactor,
      color: options.color,
      dryRun: options.dryRun,
      allowMissingFields: options.allowMissingFields,
    });
    this.fetch = createTracingFetch({
      fetch: globalThis.fetch,
      showHeaders: options.showHeaders === true,
      dryRun: options.dryRun === true,
      trace: (text) => this.printer.err(text),
      printRequest: (text) => this.printer.out(text),
    });
  }

  /** True under `--dry-run`. */
  get dryRun(): boolean {
    return this.options.dryRun === true;
  }

  /**
   * Credentials from flags, environment and `.env` (in that order). Every secret found is registered with the
   * redactor before anything can print it.
   */
  credentials(): Credentials {
    if (this.#credentials === undefined) {
      const envFile = readEnvFile(this.io.cwd, this.options.dotenv);
      this.#credentials = resolveCredentials(this.options, this.io.env, envFile);
      this.#redactor.add(this.#credentials.apiKey);
      this.#redactor.add(this.#credentials.secret);
    }
    return this.#credentials;
  }

  /** The in-process sandbox of `--sandbox`, started on a free port on first use and closed with the context. */
  sandbox(): Promise<Sandbox> {
    // Loaded on demand: most commands never need the sandbox, and it is the biggest module to load.
    this.#sandbox ??= import('terra-sandbox').then(async ({ startSandbox }) => {
      const sandbox = await startSandbox({ port: 0 });
      this.#cleanups.push(() => sandbox.close());
      return sandbox;
    });
    return this.#sandbox;
  }

  /** Credentials for the API: the sandbox's own under `--sandbox`, otherwise the resolved ones. */
  async apiCredentials(): Promise<Credentials> {
    if (this.options.sandbox !== true) return this.credentials();
    const sandbox = await this.sandbox();
    const source = 'sandbox' as const;
    return {
      apiKey: sandbox.apiKey,
      devId: sandbox.devId,
      secret: sandbox.secret,
      baseUrl: sandbox.baseUrl,
      sources: { apiKey: source, devId: source, secret: source, baseUrl: source },
    };
  }

  /**
   * A Terra client on the resolved credentials, sending through {@link CommandContext.fetch}. Refuses (before
   * any request) a base URL the credentials may not go to: see {@link checkBaseUrlPolicy}.
   */
  client(): Promise<Terra> {
    this.#client ??= this.apiCredentials().then((credentials) => {
      const apiKey = requireCredential(credentials, 'apiKey');
      const devId = requireCredential(credentials, 'devId');
      checkBaseUrlPolicy(credentials, this.options.allowInsecureHttp === true);
      return this.#newClient(apiKey, devId, credentials, this.fetch);
    });
    return this.#client;
  }

  /**
   * A client for Terra's public endpoints (`GET /integrations[/detailed]`): {@link CommandContext.client} when the
   * API key and developer ID are both known, else a terra-ts client given no credentials, which sends none, so a
   * developer can list the wearables before setting any credentials up.
   */
  async publicClient(): Promise<Terra> {
    const credentials = await this.apiCredentials();
    if (credentials.apiKey !== undefined && credentials.devId !== undefined) return this.client();
    // Half a pair is not passed on either: it authenticates nothing, so it would put a secret on the wire for no use.
    return this.#newClient(undefined, undefined, credentials, this.fetch);
  }

  #newClient(
    apiKey: string | undefined,
    devId: string | undefined,
    credentials: Credentials,
    fetchImpl: typeof fetch,
  ): Terra {
    return new Terra({
      apiKey,
      devId,
      secret: credentials.secret,
      baseUrl: credentials.baseUrl,
      fetch: fetchImpl,
      // A dry run sends nothing, so there is nothing to retry.
      maxRetries: this.dryRun ? 0 : undefined,
      timeoutMs: this.options.timeout === undefined ? undefined : this.options.timeout * 1000,
    });
  }

  /** Registers work to do when the command ends (close a server, stop a sandbox). */
  defer(cleanup: () => Promise<void> | void): void {
    this.#cleanups.push(cleanup);
  }

  /** Runs the registered cleanups, last first. */
  async close(): Promise<void> {
    for (const cleanup of this.#cleanups.reverse()) await cleanup();
    this.#cleanups.length = 0;
  }
}

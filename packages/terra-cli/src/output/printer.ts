import pc from 'picocolors';
import type { CliIO, OutputStream } from '../io.js';
import { csvLine } from './csv.js';
import { matchesAny, missingFieldsError } from './field-check.js';
import { formatCell, getPath, pickFields } from './fields.js';
import type { OutputFormat } from './format.js';
import { type Column, RecordWriter } from './record-writer.js';
import type { Redactor } from './redactor.js';
import { renderSummary } from './table.js';

/** Colour functions; all identity when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/** How a command's records should be shown. */
export interface RecordsOptions {
  /** Columns for the table and CSV when `--fields` is not given; inferred from the first record when absent. */
  columns?: readonly Column[];
  /** Printed on a terminal instead of an empty table. */
  emptyMessage?: string;
}

/** A line of a single object's summary: label, field path, and how the table shows the value. */
export type SummaryEntry =
  | readonly [label: string, path: string]
  | readonly [label: string, path: string, format: (value: unknown) => string];

/** Settings of a {@link Printer}. */
export interface PrinterOptions {
  format: OutputFormat;
  fields?: readonly string[];
  redactor: Redactor;
  color?: boolean;
  /** Under `--dry-run` the printed request is the whole output: empty record lists print nothing. */
  dryRun?: boolean;
  /** `--allow-missing-fields`: `--fields` paths that match nothing print empty instead of failing. */
  allowMissingFields?: boolean;
}

/**
 * The one way commands print. Everything goes through the redactor; records go to stdout in the chosen format,
 * messages for people go to stderr so pipes carry only data.
 */
export class Printer {
  /** The output format chosen by the flags. */
  readonly format: OutputFormat;
  /** Colours for stdout (off on a pipe, with NO_COLOR or --no-color). */
  readonly colors: Colors;
  /** Colours for stderr. */
  readonly errorColors: Colors;
  readonly #io: CliIO;
  readonly #fields: readonly string[] | undefined;
  readonly #redactor: Redactor;
  readonly #dryRun: boolean;
  readonly #allowMissingFields: boolean;

  /** @param io - the process streams; @param options - format, fields, redactor and colour switch. */
  constructor(io: CliIO, options: PrinterOptions) {
    this.#io = io;
    this.format = options.format;
    this.#fields = options.fields;
    this.#redactor = options.redactor;
    this.#dryRun = options.dryRun === true;
    this.#allowMissingFields = options.allowMissingFields === true;
    const colorAllowed = options.color !== false && io.env.NO_COLOR === undefined;
    const forced = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
    this.colors = pc.createColors(colorAllowed && (forced || io.stdout.isTTY === true));
    this.errorColors = pc.createColors(colorAllowed && (forced || io.stderr.isTTY === true));
  }

  /** True when stdout is a terminal (tables fit its width, charts may be drawn). */
  get isTerminal(): boolean {
    return this.#io.stdout.isTTY === true;
  }

  /** The stderr stream, for live displays such as the progress bar. */
  get statusStream(): OutputStream {
    return {
      write: (chunk) => this.#io.stderr.write(this.#redactor.redact(chunk)),
      isTTY: this.#io.stderr.isTTY,
      columns: this.#io.stderr.columns,
    };
  }

  /** Hides every known secret in `text` (for text that is cut to fit before it is printed). */
  redact(text: string): string {
    return this.#redactor.redact(text);
  }

  /** Writes text to stdout, redacted. */
  out(text: string): void {
    this.#io.stdout.write(this.#redactor.redact(text));
  }

  /** Writes text to stderr, redacted. */
  err(text: string): void {
    this.#io.stderr.write(this.#redactor.redact(text));
  }

  /** Prints a status line for people on stderr (never mixed into data on stdout). */
  note(text: string): void {
    this.err(`${text}\n`);
  }

  /** The terminal width to fit tables and charts into, when stdout is a terminal. */
  get width(): number | undefined {
    return this.isTerminal ? (this.#io.stdout.columns ?? 80) : undefined;
  }

  /** Starts printing a stream of records (a list command). */
  records(options: RecordsOptions = {}): RecordWriter {
    return new RecordWriter({
      format: this.format,
      fields: this.#fields,
      columns: options.columns,
      emptyMessage: this.errorColors.dim(options.emptyMessage ?? 'No records.'),
      dryRun: this.#dryRun,
      allowMissingFields: this.#allowMissingFields,
      width: this.width,
      header: this.colors.bold,
      redact: (text) => this.#redactor.redact(text),
      out: (text) => this.out(text),
      note: (text) => this.note(text),
    });
  }

  /**
   * Prints one object (the answer of a single request). On a terminal it is a summary of the given
   * label/path pairs; the machine formats print the whole object (or the `--fields` selection).
   */
  object(value: unknown, summary: ReadonlyArray<SummaryEntry>): void {
    const fields = this.#fields;
    const missing = fields?.filter((field) => !this.#allowMissingFields && !matchesAny([value], field)) ?? [];
    if (missing.length > 0) throw missingFieldsError(missing, [value]);
    const selected = fields ? pickFields(value, fields) : value;
    switch (this.format) {
      case 'json':
        this.out(`${JSON.stringify(selected, null, 2)}\n`);
        return;
      case 'ndjson':
        this.out(`${JSON.stringify(selected)}\n`);
        return;
      case 'csv': {
        const columns = fields ?? summary.map(([, path]) => path);
        this.out(csvLine(columns) + csvLine(columns.map((column) => getPath(value, column))));
        return;
      }
      case 'table': {
        const cell = (path: string, format?: (value: unknown) => string) => {
          const found = getPath(value, path);
          const text = format && found !== undefined && found !== null ? format(found) : formatCell(found);
          return this.#redactor.redact(text);
        };
        const entries = fields
          ? fields.map((field) => [field, cell(field)] as const)
          : summary.map(([label, path, format]) => [label, cell(path, format)] as const);
        this.out(renderSummary(entries, this.colors.dim));
      }
    }
  }
}

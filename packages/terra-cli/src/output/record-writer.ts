import { csvLine } from './csv.js';
import { matchesAny, missingFieldsError } from './field-check.js';
import { formatCell, getPath, inferColumns, pickFields } from './fields.js';
import type { OutputFormat } from './format.js';
import { renderTable } from './table.js';

/** Records held back while waiting for a `--fields` path to match (then the path is refused). */
const MAX_HELD = 10_000;

/**
 * A column: a field path, or a short table label and its path, optionally with a formatter for the table cell
 * (CSV and JSON always carry the raw value, and CSV headers the path).
 */
export type Column =
  | string
  | readonly [label: string, path: string]
  | readonly [label: string, path: string, format: (value: unknown) => string];

/** Where and how a {@link RecordWriter} prints. */
export interface RecordWriterOptions {
  format: OutputFormat;
  /** `--fields`: overrides the columns and selects what JSON prints. */
  fields: readonly string[] | undefined;
  /** Columns when `--fields` is not given; inferred from the first record when absent. */
  columns: readonly Column[] | undefined;
  /** Printed (via `note`) instead of an empty table. */
  emptyMessage: string;
  /** `--allow-missing-fields`: a `--fields` path no record has prints empty instead of failing. */
  allowMissingFields?: boolean;
  /** Under `--dry-run` the printed requests are the whole output. */
  dryRun: boolean;
  /** The terminal width a table must fit, when on a terminal. */
  width: number | undefined;
  /** Styles table headers. */
  header: (text: string) => string;
  /** Hides secrets in a table cell before it is cut to its column (a cut could leave half a key visible). */
  redact: (text: string) => string;
  out: (text: string) => void;
  note: (text: string) => void;
}

/**
 * Prints a stream of records in one format. NDJSON, JSON and CSV are written record by record as they arrive;
 * a table is drawn once at the end, because its column widths depend on every row.
 */
export class RecordWriter {
  readonly #options: RecordWriterOptions;
  readonly #labels: readonly string[] | undefined;
  readonly #formats: ReadonlyArray<((value: unknown) => string) | undefined> | undefined;
  readonly #rows: string[][] = [];
  /** `--fields` paths no record has had yet; records wait in `#pending` until each has been seen once. */
  readonly #unmatched: Set<string>;
  #pending: unknown[] = [];
  #columns: readonly string[] | undefined;
  #count = 0;

  /** @param options - format, columns and output functions. */
  constructor(options: RecordWriterOptions) {
    this.#options = options;
    const given = options.fields ?? options.columns;
    this.#columns = given?.map((column) => (typeof column === 'string' ? column : column[1]));
    this.#labels = given?.map((column) => (typeof column === 'string' ? column : column[0]));
    this.#formats = given?.map((column) => (typeof column === 'string' ? undefined : column[2]));
    this.#unmatched = new Set(options.allowMissingFields === true ? [] : (options.fields ?? []));
  }

  /** How many records were written. */
  get count(): number {
    return this.#count;
  }

  /**
   * Prints (or, for a table, keeps) one record. While a `--fields` path has matched no record yet, records are held
   * back (nothing is printed that a failed check would have to take back); after {@link MAX_HELD} of them without
   * a match the path is refused.
   */
  write(record: unknown): void {
    if (this.#unmatched.size === 0) {
      this.#emit(record);
      return;
    }
    this.#pending.push(record);
    for (const path of this.#unmatched) if (matchesAny([record], path)) this.#unmatched.delete(path);
    if (this.#unmatched.size === 0) this.#flush();
    else if (this.#pending.length >= MAX_HELD) throw missingFieldsError([...this.#unmatched], this.#pending);
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = [];
    for (const record of pending) this.#emit(record);
  }

  #emit(record: unknown): void {
    this.#columns ??= inferColumns(record);
    const { format, out } = this.#options;
    if (format === 'ndjson') out(`${JSON.stringify(this.#select(record))}\n`);
    if (format === 'json')
      out(`${this.#count === 0 ? '[\n' : ',\n'}${indent(JSON.stringify(this.#select(record), null, 2))}`);
    if (format === 'csv') {
      if (this.#count === 0) out(csvLine(this.#columns));
      out(csvLine(this.#columns.map((column) => getPath(record, column))));
    }
    if (format === 'table') this.#rows.push(this.#columns.map((column, i) => this.#cell(record, column, i)));
    this.#count += 1;
  }

  /**
   * Finishes the output: closes the JSON array, draws the table. After a failure pass `{ failed: true }`: what
   * arrived is still printed, but no "no records" message contradicts the error that follows.
   */
  end(options: { failed?: boolean } = {}): void {
    if (this.#unmatched.size > 0 && this.#pending.length > 0 && options.failed !== true) {
      throw missingFieldsError([...this.#unmatched], this.#pending);
    }
    this.#flush();
    const { format, out, note } = this.#options;
    if (this.#count === 0 && (this.#options.dryRun || options.failed === true)) return;
    if (format === 'json') out(this.#count === 0 ? '[]\n' : '\n]\n');
    if (format === 'csv' && this.#count === 0 && this.#columns) out(csvLine(this.#columns));
    if (format !== 'table') return;
    if (this.#count === 0) {
      note(this.#options.emptyMessage);
      return;
    }
    const headers = this.#labels ?? this.#columns ?? [];
    out(renderTable(headers, this.#rows, { maxWidth: this.#options.width, header: this.#options.header }));
  }

  #cell(record: unknown, column: string, index: number): string {
    const value = getPath(record, column);
    const format = this.#formats?.[index];
    const text = format && value !== undefined && value !== null ? format(value) : formatCell(value);
    return this.#options.redact(text);
  }

  #select(record: unknown): unknown {
    return this.#options.fields ? pickFields(record, this.#options.fields) : record;
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

import { describe, expect, it } from 'vitest';
import type { OutputFormat } from '../../src/output/format.js';
import { type Column, RecordWriter } from '../../src/output/record-writer.js';

function writer(format: OutputFormat, columns?: Column[], fields?: string[]) {
  const out: string[] = [];
  const notes: string[] = [];
  const recordWriter = new RecordWriter({
    format,
    fields,
    columns,
    emptyMessage: 'nothing',
    dryRun: false,
    width: undefined,
    header: (text) => text,
    redact: (text) => text,
    out: (text) => out.push(text),
    note: (text) => notes.push(text),
  });
  return { recordWriter, out, notes };
}

const records = [{ metadata: { type: 8, name: 'Run' } }, { metadata: { type: 1, name: 'Ride' } }];
const columns: Column[] = [
  ['name', 'metadata.name'],
  ['type', 'metadata.type', (value) => (value === 8 ? 'running' : 'biking')],
];

describe('RecordWriter', () => {
  it('shows formatted values and labels in a table, drawn at the end', () => {
    const { recordWriter, out } = writer('table', columns);
    for (const record of records) recordWriter.write(record);
    expect(out).toEqual([]);
    recordWriter.end();
    expect(out.join('')).toBe('name  type\nRun   running\nRide  biking\n');
  });

  it('keeps raw values and path headers in CSV, written as records arrive', () => {
    const { recordWriter, out } = writer('csv', columns);
    recordWriter.write(records[0]);
    expect(out.join('')).toBe('metadata.name,metadata.type\nRun,8\n');
  });

  it('streams a valid JSON array and one line per record in NDJSON', () => {
    const json = writer('json', columns);
    for (const record of records) json.recordWriter.write(record);
    json.recordWriter.end();
    expect(JSON.parse(json.out.join(''))).toEqual(records);
    const ndjson = writer('ndjson', columns);
    for (const record of records) ndjson.recordWriter.write(record);
    expect(ndjson.out).toEqual(records.map((record) => `${JSON.stringify(record)}\n`));
  });

  it('prints an empty JSON array, a CSV header, or a note for a table when there are no records', () => {
    const json = writer('json');
    json.recordWriter.end();
    expect(json.out.join('')).toBe('[]\n');
    const csv = writer('csv', columns);
    csv.recordWriter.end();
    expect(csv.out.join('')).toBe('metadata.name,metadata.type\n');
    const table = writer('table', columns);
    table.recordWriter.end();
    expect(table.out).toEqual([]);
    expect(table.notes).toEqual(['nothing']);
  });

  it('says nothing about an empty result after a failure', () => {
    const table = writer('table', columns);
    table.recordWriter.end({ failed: true });
    expect(table.notes).toEqual([]);
  });

  it('uses --fields as the columns', () => {
    const { recordWriter, out } = writer('csv', columns, ['metadata.type']);
    recordWriter.write(records[1]);
    expect(out.join('')).toBe('metadata.type\n1\n');
  });
});

describe('RecordWriter redaction', () => {
  it('redacts a table cell before cutting it to the column, so no part of a secret shows', () => {
    const out: string[] = [];
    const secret = 'sk_test_SECRET_0123456789';
    const recordWriter = new RecordWriter({
      format: 'table',
      fields: undefined,
      columns: ['id', 'ref'],
      emptyMessage: 'nothing',
      dryRun: false,
      width: 30,
      header: (text) => text,
      redact: (text) => text.replaceAll(secret, '[redacted]'),
      out: (text) => out.push(text),
      note: () => {},
    });
    recordWriter.write({ id: 'u1', ref: `ref-${secret}-${'x'.repeat(40)}` });
    recordWriter.end();
    const table = out.join('');
    expect(table).toContain('ref-[redacted]');
    expect(table).not.toContain('sk_test');
  });
});

describe('RecordWriter --fields check', () => {
  it('refuses a path no record has, with a did-you-mean, before printing anything', () => {
    const { recordWriter, out } = writer('ndjson', undefined, ['id', 'nmae']);
    recordWriter.write({ id: 1, name: 'a' });
    recordWriter.write({ id: 2, name: 'b' });
    expect(out).toEqual([]);
    expect(() => recordWriter.end()).toThrow(/"nmae" matches no field in the records/);
    try {
      recordWriter.end();
    } catch (error) {
      expect((error as { hint?: string }).hint).toContain('did you mean name?');
    }
  });

  it('holds records back only until every path has matched once (a field absent from the first record is fine)', () => {
    const { recordWriter, out } = writer('ndjson', undefined, ['id', 'note']);
    recordWriter.write({ id: 1 });
    expect(out).toEqual([]);
    recordWriter.write({ id: 2, note: 'x' });
    recordWriter.write({ id: 3 });
    recordWriter.end();
    expect(out.join('')).toBe('{"id":1,"note":null}\n{"id":2,"note":"x"}\n{"id":3,"note":null}\n');
  });
});

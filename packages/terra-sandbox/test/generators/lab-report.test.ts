import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PANELS } from '../../src/generators/lab-report/biomarkers.js';
import { type LabReportExtraction, processLabReport } from '../../src/generators/lab-report/lab-report.js';
import { assertSchema } from '../support/schemas.js';

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`);
const FILES = Array.from({ length: 120 }, (_, i) =>
  pdf(createHash('sha256').update(String(i)).digest('hex')),
);

function extracted(file: Buffer, seed = 42): LabReportExtraction {
  const outcome = processLabReport(seed, file, 'application/pdf');
  if (!outcome.ok) throw new Error(`expected an extraction, got ${outcome.error.code}`);
  return outcome.extraction;
}

const MARKERS = new Map(PANELS.flatMap((p) => p.biomarkers.map((b) => [b.key, { ...b, panel: p.key }])));

describe('lab report extraction', () => {
  it('is a function of the file bytes (and seed): the same file reads the same, another file differently', () => {
    const file = FILES[0] as Buffer;
    expect(extracted(Buffer.from(file))).toEqual(extracted(file));
    expect(extracted(FILES[1] as Buffer)).not.toEqual(extracted(file));
    expect(extracted(file, 7)).not.toEqual(extracted(file, 42));
  });

  it('produces results that are valid LabReportResults and panels that they reference', () => {
    for (const file of FILES) {
      const report = extracted(file);
      for (const result of report.results) assertSchema('LabReportResult.yaml', result);
      for (const panel of report.panels) assertSchema('LabReportPanel.yaml', panel);
      const panelIds = new Set(report.panels.map((p) => p.id));
      for (const { biomarker } of report.results) {
        if (biomarker.key !== null) expect(panelIds).toContain(biomarker.panel_id);
      }
      expect(report.results.length).toBeGreaterThanOrEqual(4);
      expect(report.collection_date <= report.report_date).toBe(true);
      expect(report.report_time).toMatch(/^\d{2}:\d{2}$/);
    }
  });

  it('flags each value against the range it prints, and marks out-of-range ones as the report would', () => {
    const flags = new Set<string | null>();
    for (const file of FILES) {
      for (const { source, biomarker, measurement, interpretation } of extracted(file).results) {
        flags.add(interpretation.flag);
        if (biomarker.key === null) {
          expect(interpretation).toEqual({ flag: null, source: 'none' });
          continue;
        }
        const marker = MARKERS.get(biomarker.key);
        expect(marker?.loinc).toBe(biomarker.loinc_code);
        expect(marker?.panel).toBe(biomarker.panel_key);
        if (measurement.type === 'bounded') {
          expect(source.value).toBe(`<${measurement.bounded?.value}`);
          continue;
        }
        expect(measurement.type).toBe('numeric');
        const value = measurement.numeric as number;
        expect(value).toBeGreaterThan(0);
        expect(Number(source.value)).toBe(value);
        const { lower, upper } = interpretation.applied_range ?? {};
        const expected =
          lower !== undefined && value < lower
            ? 'low'
            : upper !== undefined && value > upper
              ? 'high'
              : 'normal';
        expect(interpretation.flag).toBe(expected);
        expect(source.flag).toBe(expected === 'normal' ? undefined : expected === 'high' ? 'H' : 'L');
        expect(interpretation.source).toBe(expected === 'normal' ? 'computed' : 'report');
      }
    }
    // Over many files the sandbox produces every kind of signal a client must handle.
    expect([...flags].sort()).toEqual(['high', 'low', 'normal', null].sort());
  });

  it('prints SI units on en-GB reports and conventional units on en-US ones', () => {
    const reports = FILES.map((f) => extracted(f));
    const hemoglobinUnits = (locale: string) =>
      new Set(
        reports
          .filter((r) => r.report_locale === locale)
          .flatMap((r) =>
            r.results.filter((x) => x.biomarker.key === 'hemoglobin').map((x) => x.measurement.units),
          ),
      );
    expect(hemoglobinUnits('en-US')).toEqual(new Set(['g/dL']));
    expect(hemoglobinUnits('en-GB')).toEqual(new Set(['g/L']));
  });

  it('fails a truncated PDF as file_unreadable, not retriable', () => {
    const outcome = processLabReport(42, Buffer.from('%PDF-1.4\nhalf a file'), 'application/pdf');
    expect(outcome).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'file_unreadable', retriable: false }),
    });
    if (!outcome.ok) assertSchema('LabReportEventError.yaml', outcome.error);
  });
});

import { createHash } from 'node:crypto';
import type { LabReportEventError, LabReportPanel, LabReportReferenceRange, LabReportResult } from 'terra-ts';
import { formatDay } from '../world/calendar.js';
import { clamp } from '../world/numbers.js';
import { createRandom, type Random } from '../world/random.js';
import { type Biomarker, LAB_NAMES, PANELS, type PatientSex, type PrintedUnits } from './biomarkers.js';

/** What processing read off a report: the LabReportSession fields a completed session gains. */
export interface LabReportExtraction {
  report_date: string;
  report_time: string;
  collection_date: string;
  collection_time: string;
  report_locale: 'en-US' | 'en-GB';
  lab_name: string;
  patient_age_at_collection: number;
  patient_sex: PatientSex;
  results: LabReportResult[];
  panels: LabReportPanel[];
  report_notes?: string;
}

/** The outcome of processing one file: an extraction, or the terminal failure Terra would report. */
export type LabReportOutcome =
  | { ok: true; extraction: LabReportExtraction }
  | { ok: false; error: LabReportEventError };

const DAY_MS = 86_400_000;
// Reports are dated in the few years before now; anchored to a fixed day so the same file always reads the same.
const EARLIEST_REPORT_DAY = Date.UTC(2022, 0, 1) / DAY_MS;
const REPORT_DAYS = 3 * 365;

/**
 * Processes an uploaded lab report the way Terra's extraction would, deterministically: every value
 * derives from the sandbox seed and the file's bytes (its SHA-256), so the same file always yields the
 * same report and a different file a different one. A PDF without its `%%EOF` trailer is a truncated
 * upload and fails as `file_unreadable`, which cannot succeed on a retry of the same bytes.
 *
 * @example
 * const outcome = processLabReport(42, fileBytes, 'application/pdf');
 * if (outcome.ok) outcome.extraction.results.length; // 5 to 15 results from 2 to 4 panels
 */
export function processLabReport(seed: number, data: Buffer, contentType: string): LabReportOutcome {
  if (contentType === 'application/pdf' && !data.subarray(-1024).includes('%%EOF')) {
    return {
      ok: false,
      error: {
        code: 'file_unreadable',
        message: 'The uploaded PDF is truncated (it has no %%EOF trailer); upload the complete file.',
        retriable: false,
      },
    };
  }
  const digest = createHash('sha256').update(data).digest('hex');
  return { ok: true, extraction: extract(createRandom(seed, 'lab-report', digest)) };
}

function extract(rng: Random): LabReportExtraction {
  const locale = rng.chance(0.5) ? 'en-US' : 'en-GB';
  const sex: PatientSex = rng.chance(0.5) ? 'female' : 'male';
  const collectionDay = EARLIEST_REPORT_DAY + rng.int(0, REPORT_DAYS);
  const reportDay = collectionDay + rng.int(0, 2);
  const chosen = PANELS.filter((_, i) => i === 0 || rng.chance(0.55)).slice(0, 4);
  const panels: LabReportPanel[] = [];
  const results: LabReportResult[] = [];
  chosen.forEach((panel, i) => {
    const printed = (locale === 'en-GB' && panel.britishName) || panel.name;
    panels.push({ id: i + 1, name: printed, key: panel.key });
    for (const marker of panel.biomarkers) {
      results.push(resultOf(rng, marker, { id: i + 1, key: panel.key, printed }, sex, locale));
    }
  });
  if (rng.chance(0.3)) results.push(unmatchedResult(rng));
  const extraction: LabReportExtraction = {
    report_date: formatDay(reportDay),
    report_time: clock(rng.int(12 * 60, 18 * 60)),
    collection_date: formatDay(collectionDay),
    collection_time: clock(rng.int(7 * 60, 11 * 60 + 30)),
    report_locale: locale,
    lab_name: rng.pick(LAB_NAMES[locale]),
    patient_age_at_collection: rng.int(19, 82),
    patient_sex: sex,
    results,
    panels,
  };
  if (rng.chance(0.4)) extraction.report_notes = rng.pick(NOTES);
  return extraction;
}

const NOTES = [
  'Fasting specimen.',
  'Non-fasting specimen; interpret glucose and triglycerides accordingly.',
  'Results reviewed by the duty biochemist.',
];

function resultOf(
  rng: Random,
  marker: Biomarker,
  panel: { id: number; key: string; printed: string },
  sex: PatientSex,
  locale: 'en-US' | 'en-GB',
): LabReportResult {
  const printed = (locale === 'en-GB' && marker.si) || marker.conventional;
  const { mean, sd } = marker.typical(sex);
  // Lab values are never negative; the long right tail of the normal keeps a few results out of range.
  const conventional = Math.max(mean * 0.2, rng.normal(mean, sd));
  const range = marker.range(sex);
  const value = inUnits(conventional, printed);
  const lower = range.lower === undefined ? undefined : inUnits(range.lower, printed);
  const upper = range.upper === undefined ? undefined : inUnits(range.upper, printed);
  const name = (locale === 'en-GB' && marker.britishName) || marker.displayName;
  const belowLimit = marker.detectionLimit !== undefined && conventional < marker.detectionLimit;
  const limit = marker.detectionLimit === undefined ? 0 : inUnits(marker.detectionLimit, printed);
  const flag = belowLimit ? 'normal' : flagOf(value, lower, upper);
  const rawFlag = flag === 'high' ? 'H' : flag === 'low' ? 'L' : undefined;
  const appliedRange = withBounds({}, lower, upper);
  const referenceRange = withBounds<LabReportReferenceRange>({ type: marker.rangeType }, lower, upper);
  if (JSON.stringify(marker.range('female')) !== JSON.stringify(marker.range('male'))) {
    referenceRange.context = { sex };
  }
  return {
    source: {
      name,
      panel: panel.printed,
      value: belowLimit ? `<${limit}` : value.toFixed(printed.decimals),
      units: printed.units,
      ...(rawFlag ? { flag: rawFlag } : {}),
      reference_text: referenceText(lower, upper, printed.decimals),
    },
    biomarker: {
      key: marker.key,
      display_name: marker.displayName,
      loinc_code: marker.loinc,
      panel_id: panel.id,
      panel_key: panel.key,
      specimen: marker.specimen,
    },
    measurement: belowLimit
      ? {
          type: 'bounded',
          bounded: { operator: 'lt', value: limit },
          units: printed.units,
          ucum_code: printed.ucum,
        }
      : { type: 'numeric', numeric: value, units: printed.units, ucum_code: printed.ucum },
    interpretation: {
      flag,
      ...(rawFlag ? { flag_raw: rawFlag } : {}),
      // A lab prints flags only beside abnormal values; normal ones are judged against the range.
      source: rawFlag ? 'report' : 'computed',
      applied_range: appliedRange,
    },
    reference_ranges: [referenceRange],
  };
}

/** A line the report printed that matches no known biomarker: `key: null` is Terra's no-match signal. */
function unmatchedResult(rng: Random): LabReportResult {
  const text = rng.pick(['Clear', 'Slightly hazy', 'Straw coloured']);
  return {
    source: { name: 'Specimen appearance', value: text },
    biomarker: { key: null },
    measurement: { type: 'text', text },
    interpretation: { flag: null, source: 'none' },
  };
}

function inUnits(conventional: number, printed: PrintedUnits): number {
  const scale = 10 ** printed.decimals;
  return Math.round(conventional * printed.factor * scale) / scale;
}

function flagOf(
  value: number,
  lower: number | undefined,
  upper: number | undefined,
): 'low' | 'high' | 'normal' {
  if (lower !== undefined && value < lower) return 'low';
  if (upper !== undefined && value > upper) return 'high';
  return 'normal';
}

function withBounds<T extends { lower?: number; upper?: number }>(
  target: T,
  lower: number | undefined,
  upper: number | undefined,
): T {
  if (lower !== undefined) target.lower = lower;
  if (upper !== undefined) target.upper = upper;
  return target;
}

function referenceText(lower: number | undefined, upper: number | undefined, decimals: number): string {
  const f = (n: number) => n.toFixed(decimals);
  if (lower !== undefined && upper !== undefined) return `${f(lower)} - ${f(upper)}`;
  return lower !== undefined ? `> ${f(lower)}` : `< ${f(upper ?? 0)}`;
}

/** `HH:MM` of minutes after midnight. */
function clock(minutes: number): string {
  const m = clamp(minutes, 0, 24 * 60 - 1);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

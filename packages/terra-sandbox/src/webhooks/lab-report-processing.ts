import { randomUUID } from 'node:crypto';
import type { LabReportEventData, LabReportEventResult, LabReportFailureData } from 'terra-ts';
import { type LabReportExtraction, processLabReport } from '../generators/lab-report/lab-report.js';
import type { LabReport, LabReportStore } from '../state/lab-reports.js';
import type { EventService } from './events.js';

/** What processing a lab report needs of the sandbox (the runtime is one). */
export interface LabReportHost {
  /** Seed of the extracted values. */
  readonly seed: number;
  /** Where report events go; none configured, none sent. */
  readonly webhookUrl: string | undefined;
  /** The reports whose status processing moves on. */
  readonly labReports: LabReportStore;
  /** Where report events are sent. */
  readonly events: Pick<EventService, 'sendEvent'>;
  /** Runs work after the response, reporting a failure on stderr. */
  runBackground(what: string, work: () => void): void;
}

/**
 * Processes uploaded lab reports in the background, like Terra: a session stays `processing` for
 * `delayMs`, then completes with the values extracted from its file (or fails), and with a webhook URL
 * configured its `lab_report.completed` / `lab_report.failed` event is sent and the session becomes `sent`.
 */
export class LabReportProcessor {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly sandbox: LabReportHost,
    private readonly delayMs: number,
  ) {}

  /** Finishes `report` after the delay (a session restored from the data file while processing, too). */
  schedule(report: LabReport): void {
    // A timer even for 0 ms: the upload is answered (202, processing) before the report moves on.
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.sandbox.runBackground(`lab report ${report.session.session_id}`, () => this.finish(report));
    }, this.delayMs);
    this.timers.add(timer);
  }

  /** Stops pending processing; those sessions stay `processing` and resume on the next start. */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private finish(report: LabReport): void {
    const { sandbox } = this;
    if (report.deleted) return;
    const { session } = report;
    const outcome = processLabReport(sandbox.seed, report.data, report.contentType);
    const about: { session_id: string; reference_id?: string } = { session_id: session.session_id };
    if (session.reference_id !== undefined) about.reference_id = session.reference_id;
    let event: { type: 'lab_report.completed' | 'lab_report.failed'; data: object };
    if (outcome.ok) {
      complete(report, outcome.extraction);
      sandbox.labReports.setStatus(report, 'completed');
      const data: LabReportEventData = { ...about, ...eventData(outcome.extraction) };
      event = { type: 'lab_report.completed', data };
    } else {
      sandbox.labReports.setStatus(report, 'failed', outcome.error.message);
      const data: LabReportFailureData = { ...about, error: outcome.error };
      event = { type: 'lab_report.failed', data };
    }
    // Terra sends report events to the destinations configured; with none, there is nothing to send.
    if (!sandbox.webhookUrl) return;
    const delivery = sandbox.events.sendEvent(event.type, {
      event_id: `evt_${randomUUID()}`,
      occurred_at: new Date().toISOString(),
      upload_id: session.upload_id,
      data: event.data,
    });
    report.deliveryId = delivery.id;
    if (outcome.ok) sandbox.labReports.setStatus(report, 'sent');
    else sandbox.labReports.changed();
  }
}

/** Writes what processing read off the file onto the session (the retrieve endpoint's view). */
function complete(report: LabReport, extraction: LabReportExtraction): void {
  const { results, ...fields } = extraction;
  Object.assign(report.session, fields, {
    results_count: results.length,
    output_bytes: Buffer.byteLength(JSON.stringify(results)),
    results,
  });
}

/** The webhook's `data`: the session's results, each source also carrying the collection date and time. */
function eventData(extraction: LabReportExtraction): Omit<LabReportEventData, 'session_id'> {
  const results: LabReportEventResult[] = extraction.results.map((r) => ({
    ...r,
    source: {
      ...r.source,
      collection_date: extraction.collection_date,
      collection_time: extraction.collection_time,
    },
  }));
  const data: Omit<LabReportEventData, 'session_id'> = {
    report_date: extraction.report_date,
    report_time: extraction.report_time,
    report_locale: extraction.report_locale,
    results_count: results.length,
    results,
    panels: extraction.panels,
  };
  if (extraction.report_notes !== undefined) data.report_notes = extraction.report_notes;
  return data;
}

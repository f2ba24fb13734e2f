import { randomBytes } from 'node:crypto';

/** A stored lab report session (LabReportSession) plus its file. */
export interface LabReport {
  session: {
    session_id: string;
    upload_id: string;
    reference_id?: string;
    report_type: string;
    current_status: string;
    uploaded_at: string;
    updated_at: string;
    report_date: string;
    input_bytes: number;
    results_count: number;
    file_count: number;
    status_history: Array<{ status: string; timestamp: string; note?: string }>;
    results: unknown[];
    panels: unknown[];
  };
  filename: string;
  contentType: string;
  data: Buffer;
  /** Unguessable part of the file's download URL. */
  token: string;
  deleted: boolean;
}

/** Lab report uploads. Session ids are decimal strings, like Terra's snowflakes. */
export class LabReportStore {
  private readonly sessions = new Map<string, LabReport>();
  private nextId = 297405620317847552n;

  /** Stores an upload as one session, processed at once. */
  add(input: { filename: string; contentType: string; data: Buffer; referenceId?: string }): LabReport {
    const now = new Date().toISOString();
    const sessionId = String(this.nextId++);
    const report: LabReport = {
      session: {
        session_id: sessionId,
        upload_id: `upl_${randomBytes(4).toString('hex')}`,
        report_type: 'lab',
        current_status: 'processing',
        uploaded_at: now,
        updated_at: now,
        report_date: now.slice(0, 10),
        input_bytes: input.data.length,
        results_count: 0,
        file_count: 1,
        status_history: [{ status: 'processing', timestamp: now }],
        results: [],
        panels: [],
      },
      filename: input.filename,
      contentType: input.contentType,
      data: Buffer.from(input.data),
      token: randomBytes(12).toString('hex'),
      deleted: false,
    };
    if (input.referenceId !== undefined) report.session.reference_id = input.referenceId;
    this.sessions.set(sessionId, report);
    return report;
  }

  /** A live (not deleted) session. */
  get(sessionId: string): LabReport | undefined {
    const report = this.sessions.get(sessionId);
    return report && !report.deleted ? report : undefined;
  }

  /** All live sessions, oldest first. */
  list(): LabReport[] {
    return [...this.sessions.values()].filter((r) => !r.deleted);
  }

  /** Soft-deletes a session, as Terra does; false when unknown. */
  delete(sessionId: string): boolean {
    const report = this.get(sessionId);
    if (!report) return false;
    report.deleted = true;
    return true;
  }
}

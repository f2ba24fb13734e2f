import { randomBytes } from 'node:crypto';
import type { LabReportSession } from 'terra-ts';
import { ChangeSignal } from './change-signal.js';

/** A lab report session as stored: the wire LabReportSession, whose required status fields are always set. */
export type StoredLabReportSession = LabReportSession & {
  upload_id: string;
  uploaded_at: string;
  updated_at: string;
  status_history: NonNullable<LabReportSession['status_history']>;
};

/** A stored lab report session (LabReportSession) plus its file. */
export interface LabReport {
  session: StoredLabReportSession;
  filename: string;
  contentType: string;
  data: Buffer;
  /** Unguessable part of the file's download URL. */
  token: string;
  deleted: boolean;
  /** The webhook delivery of its `lab_report.*` event, once sent. */
  deliveryId?: string;
}

/** A lab report as the data file keeps it: the file's bytes as base64. */
export type SavedLabReport = Omit<LabReport, 'data'> & { data: string };

/** Lab report uploads. Session ids are decimal strings, like Terra's snowflakes. */
export class LabReportStore extends ChangeSignal {
  private readonly sessions = new Map<string, LabReport>();
  private nextId = 297405620317847552n;

  /** Stores an upload as one session, `processing` until {@link LabReportStore.setStatus} moves it on. */
  add(input: { filename: string; contentType: string; data: Buffer; referenceId?: string }): LabReport {
    const now = new Date().toISOString();
    const sessionId = String(this.nextId++);
    const session: StoredLabReportSession = {
      session_id: sessionId,
      upload_id: `upl_${randomBytes(4).toString('hex')}`,
      report_type: 'lab',
      current_status: 'processing',
      uploaded_at: now,
      updated_at: now,
      input_bytes: input.data.length,
      results_count: 0,
      file_count: 1,
      status_history: [{ status: 'processing', timestamp: now }],
    };
    if (input.referenceId !== undefined) session.reference_id = input.referenceId;
    const report: LabReport = {
      session,
      filename: input.filename,
      contentType: input.contentType,
      data: Buffer.from(input.data),
      token: randomBytes(12).toString('hex'),
      deleted: false,
    };
    this.sessions.set(sessionId, report);
    this.changed();
    return report;
  }

  /** Moves a session to a new status, recording it in its history. */
  setStatus(report: LabReport, status: string, note?: string, at: string = new Date().toISOString()): void {
    report.session.current_status = status;
    report.session.updated_at = at;
    report.session.status_history.push(
      note === undefined ? { status, timestamp: at } : { status, timestamp: at, note },
    );
    this.changed();
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
    this.changed();
    return true;
  }

  /** Every session, deleted ones too (their ids must never be handed out again), for the data file. */
  snapshot(): SavedLabReport[] {
    return [...this.sessions.values()].map((r) => ({ ...r, data: r.data.toString('base64') }));
  }

  /** Puts saved sessions back (loading a data file). */
  restore(saved: SavedLabReport[]): void {
    for (const r of saved) {
      this.sessions.set(r.session.session_id, { ...r, data: Buffer.from(r.data, 'base64') });
      const id = BigInt(r.session.session_id);
      if (id >= this.nextId) this.nextId = id + 1n;
    }
  }
}

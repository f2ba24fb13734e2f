import type {
  LabReportDeliveriesResponse,
  LabReportDelivery,
  LabReportFile,
  LabReportFilesResponse,
  LabReportListResponse,
  LabReportSession,
  LabReportUploadResponse,
} from '../models/index.js';
import { wireView } from './wire-view.js';

/** A lab report file was accepted for processing (`POST /lab-reports`, HTTP 202). */
export class LabReportUpload extends wireView<LabReportUploadResponse>()('lab_report_upload', [
  'upload_id',
  'current_status',
]) {}

/** Lab report sessions matching a filter (`GET /lab-reports`). */
export class LabReportList {
  /** Discriminant. */
  readonly kind = 'lab_report_list' as const;
  /** The wire body. */
  readonly json: LabReportListResponse;
  /** The sessions, by reference. */
  readonly sessions: LabReportSession[];

  /** @param json - the wire body (kept by reference). */
  constructor(json: LabReportListResponse) {
    this.json = json;
    this.sessions = json.sessions ?? [];
  }
}

/** One lab report session with its results (`GET /lab-reports/{session_id}`). */
export class LabReportDetails {
  /** Discriminant. */
  readonly kind = 'lab_report' as const;
  /** The wire body. */
  readonly json: LabReportSession;
  /** The session, by reference. */
  readonly session: LabReportSession;

  /** @param json - the wire body (kept by reference). */
  constructor(json: LabReportSession) {
    this.json = json;
    this.session = json;
  }
}

/** Where a lab report's results were delivered (`GET /lab-reports/{session_id}/deliveries`). */
export class LabReportDeliveries {
  /** Discriminant. */
  readonly kind = 'lab_report_deliveries' as const;
  /** The wire body. */
  readonly json: LabReportDeliveriesResponse;
  /** The deliveries, by reference. */
  readonly deliveries: LabReportDelivery[];

  /** @param json - the wire body (kept by reference). */
  constructor(json: LabReportDeliveriesResponse) {
    this.json = json;
    this.deliveries = json.deliveries ?? [];
  }
}

/** Short-lived download links for a lab report's files (`GET /lab-reports/{session_id}/files`). */
export class LabReportFiles {
  /** Discriminant. */
  readonly kind = 'lab_report_files' as const;
  /** The wire body. */
  readonly json: LabReportFilesResponse;
  /** The files, by reference. */
  readonly files: LabReportFile[];
  /** The thumbnail, when there is one. */
  readonly thumbnail: LabReportFile | undefined;
  /** When the links expire. */
  readonly expires_at: string | undefined;

  /** @param json - the wire body (kept by reference). */
  constructor(json: LabReportFilesResponse) {
    this.json = json;
    this.files = json.files ?? [];
    this.thumbnail = json.thumbnail;
    this.expires_at = json.expires_at;
  }
}

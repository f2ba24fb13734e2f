import type { LabReportCompletedEvent, LabReportFailedEvent } from '../../models/index.js';
import { HookResponse } from './hook-response.js';

// Lab report events are report-scoped: no user and no version; `event_id` is the de-duplication key.

abstract class LabReportHookResponse<
  J extends LabReportCompletedEvent | LabReportFailedEvent,
> extends HookResponse<J> {
  /** Stable across redeliveries of the same event. */
  readonly event_id: string;
  /** RFC 3339 instant the event occurred. */
  readonly occurred_at: string;
  /** Correlates the events of one upload, when present. */
  readonly upload_id: string | undefined;
  /** The report (`completed`) or the failure (`failed`), by reference. */
  readonly data: J['data'];

  constructor(json: J) {
    super(json);
    this.event_id = json.event_id;
    this.occurred_at = json.occurred_at;
    this.upload_id = json.upload_id;
    this.data = json.data;
  }
}

/** `lab_report.completed`: a report finished processing; the normalised results are in `data`. */
export class LabReportCompletedHookResponse extends LabReportHookResponse<LabReportCompletedEvent> {
  /** Discriminant. */
  readonly type = 'lab_report.completed' as const;
}

/** `lab_report.failed`: a report terminally failed; `data.error` says why and whether a retry can help. */
export class LabReportFailedHookResponse extends LabReportHookResponse<LabReportFailedEvent> {
  /** Discriminant. */
  readonly type = 'lab_report.failed' as const;
}

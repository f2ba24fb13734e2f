import type { LabReportCompletedEvent, LabReportFailedEvent } from '../../models/index.js';
import { eventView } from './event-view.js';

// Lab report events are report-scoped: no user and no version; `event_id` is the de-duplication key.

/** `lab_report.completed`: a report finished processing; the normalised results are in `data`. */
export class LabReportCompletedHookResponse extends eventView<LabReportCompletedEvent>()(
  'lab_report.completed',
  ['event_id', 'occurred_at', 'upload_id', 'data'],
) {}

/** `lab_report.failed`: a report terminally failed; `data.error` says why and whether a retry can help. */
export class LabReportFailedHookResponse extends eventView<LabReportFailedEvent>()('lab_report.failed', [
  'event_id',
  'occurred_at',
  'upload_id',
  'data',
]) {}

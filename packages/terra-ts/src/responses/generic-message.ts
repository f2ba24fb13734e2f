import { wireView } from './wire-view.js';

/** Wire shape: any object with an optional `status` and `message`. */
export interface GenericMessageJson {
  /** e.g. `success`, `error`, `processing`. */
  status?: string;
  /** Terra's explanation. */
  message?: string;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A body that is none of the known shapes (e.g. a large-request processing notice). Nothing is dropped: see `json`. */
export class GenericMessage extends wireView<GenericMessageJson>()('generic_message', [
  'status',
  'message',
]) {}

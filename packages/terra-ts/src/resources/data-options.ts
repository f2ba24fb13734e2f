import type { RequestOptions } from '../client/options.js';
import type { DateInput } from '../dates/date-input.js';

/** Options of the data calls (`getSleep`, `getActivityForUser`, ...). */
export interface DataRequestOptions extends RequestOptions {
  /** Start of the range: a `Date` (sent as unix seconds), `'YYYY-MM-DD'`, or unix seconds. */
  startDate: DateInput;
  /** End of the range, same forms. Omitted: not sent (Terra defaults to one day after `startDate`). */
  endDate?: DateInput;
  /** Deliver to your webhook (default true, like the Python client) or return the data in the response. Always sent. */
  toWebhook?: boolean;
  /** Include detailed sample arrays (default true, like the Python client). Always sent. */
  withSamples?: boolean;
  /**
   * Split the range into requests of at most this many days, fetched concurrently and merged in order.
   * Ranges longer than Terra's 1,825-day limit are always split.
   */
  chunkDays?: number;
  /** How many chunk requests run at once (default 8). */
  concurrency?: number;
  /** Extra query parameters, sent as given. */
  query?: Record<string, string | number | boolean | undefined>;
}

/** Options of the streaming data iterators (`user.iterateSleep`, `terra.iterateDataForUser`). */
export interface DataIterateOptions extends Omit<DataRequestOptions, 'endDate' | 'toWebhook'> {
  /** End of the range (required: an iterator needs an end). */
  endDate: DateInput;
  /** Days per chunk (default 30). */
  chunkDays?: number;
  /** Deliver to your webhook instead (default false: iterators exist to hand you the data). */
  toWebhook?: boolean;
}

/** Options of `getAthlete`. */
export interface AthleteRequestOptions extends RequestOptions {
  /** Deliver to your webhook (default true) or return the profile in the response. Always sent. */
  toWebhook?: boolean;
}

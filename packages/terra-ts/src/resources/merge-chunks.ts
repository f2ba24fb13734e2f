import { TerraApiResponse } from '../client/api-response.js';
import { DataReturned } from '../responses/data-returned.js';
import type { DataResponse } from '../responses/parse-data-body.js';
import { SentToWebhook } from '../responses/sent-to-webhook.js';
import type { UserClient } from '../user.js';

/**
 * Merges the responses of consecutive chunks into one, in order:
 * - any data: one {@link DataReturned} whose `data` is every chunk's records concatenated;
 * - all acknowledgements: one {@link SentToWebhook} listing every chunk's reference;
 * - otherwise the first chunk's answer (e.g. `NoDataReturned`).
 * Every chunk's own response stays available in `chunks`.
 */
export function mergeChunks<T>(
  responses: TerraApiResponse<DataResponse<T>>[],
  client: UserClient,
): TerraApiResponse<DataResponse<T>> {
  const last = responses[responses.length - 1] as TerraApiResponse<DataResponse<T>>;
  let firstData: DataReturned<T> | undefined;
  const data: T[] = [];
  const references: string[] = [];
  let allAcks = true;
  for (const res of responses) {
    const parsed = res.getParsedResponse();
    if (parsed.kind === 'data_returned') {
      firstData ??= parsed;
      for (const record of parsed.data) data.push(record);
    }
    if (parsed.kind === 'sent_to_webhook') references.push(...parsed.references);
    else allAcks = false;
  }
  let parsed: DataResponse<T>;
  let json: unknown;
  if (firstData) {
    json = { user: firstData.json.user, data, type: firstData.json.type ?? null };
    parsed = new DataReturned<T>(json as DataReturned<T>['json'], client);
  } else {
    const first = (responses[0] as TerraApiResponse<DataResponse<T>>).getParsedResponse();
    parsed = allAcks && first.kind === 'sent_to_webhook' ? new SentToWebhook(first.json, references) : first;
    json = parsed.json;
  }
  return new TerraApiResponse({
    status: last.status,
    headers: last.headers,
    rawBody: undefined,
    json,
    parsed,
    chunks: responses,
  });
}

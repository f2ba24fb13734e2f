import { fetchS3Payload, parseWebhookEvent, S3PayloadHookResponse } from 'terra-ts';
import type { InboxRow } from '../inbox/inbox-row.js';
import { type DeliveryContext, webhookContextOf } from './delivery-context.js';
import type { ResolvedProcessing } from './processing-options.js';

/** An inbox row parsed and (for `s3_payload`) downloaded: ready to apply. */
export interface PreparedRow {
  readonly id: number;
  readonly json: Record<string, unknown>;
  readonly text: string;
  readonly ctx: DeliveryContext;
}

/** Parses a row and downloads an `s3_payload` body (outside any transaction). */
export async function prepareRow(row: InboxRow, options: ResolvedProcessing): Promise<PreparedRow> {
  let text = row.text;
  let json = JSON.parse(text) as Record<string, unknown>;
  const event = parseWebhookEvent(json);
  if (event instanceof S3PayloadHookResponse) {
    const downloaded = await fetchS3Payload(event, options.s3);
    json = (downloaded as unknown as { json: Record<string, unknown> }).json;
    text = JSON.stringify(json);
  }
  return { id: row.id, json, text, ctx: webhookContextOf(row) };
}

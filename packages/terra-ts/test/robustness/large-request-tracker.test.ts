import { LargeRequestTracker, parseWebhookEvent, TerraWebhookResponse } from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';

/** A verified delivery as the webhook module builds it. */
function delivery(json: object, reference: string, traceId: string): TerraWebhookResponse {
  const body = structuredClone(json) as Record<string, unknown>;
  return new TerraWebhookResponse(body, parseWebhookEvent(body), {
    reference,
    traceId,
    orderingTimestamp: undefined,
  });
}

/** The synchronous path and the async one over the default in-memory store keep the same bounds. */
const paths = {
  observe: (tracker: LargeRequestTracker, response: TerraWebhookResponse) => tracker.observe(response),
  observeAsync: (tracker: LargeRequestTracker, response: TerraWebhookResponse) =>
    tracker.observeAsync(response),
};

describe.each(Object.keys(paths) as Array<keyof typeof paths>)(
  'the large request tracker under everyday traffic (%s)',
  (path) => {
    const observe = async (tracker: LargeRequestTracker, response: TerraWebhookResponse) =>
      paths[path](tracker, response);

    it('keeps an announced large request while more ordinary deliveries than maxRequests arrive', async () => {
      const tracker = new LargeRequestTracker({ maxRequests: 50 });
      const announce = { ...examplePayloads.large_request_sending, reference: 'big', expected_payloads: 2 };
      expect((await observe(tracker, delivery(announce, 'big', 'big:sending')))?.expected).toBe(2);
      expect((await observe(tracker, delivery(examplePayloads.sleep, 'big', 'big:chunk:1')))?.received).toBe(
        1,
      );
      // Ordinary data deliveries carry their own terra-reference too.
      for (let i = 0; i < 500; i++)
        await observe(tracker, delivery(examplePayloads.daily, `single-${i}`, `trace-${i}`));
      expect(await observe(tracker, delivery(examplePayloads.sleep, 'big', 'big:chunk:2'))).toMatchObject({
        received: 2,
        complete: true,
      });
    });

    it('counts chunks that come before the announcement, however many ordinary deliveries arrive', async () => {
      const tracker = new LargeRequestTracker({ maxRequests: 50 });
      expect(
        (await observe(tracker, delivery(examplePayloads.sleep, 'early', 'early:chunk:2')))?.received,
      ).toBe(1);
      for (let i = 0; i < 500; i++) {
        expect(
          await observe(tracker, delivery(examplePayloads.daily, `single-${i}`, `trace-${i}`)),
        ).toBeUndefined();
      }
      expect(
        (await observe(tracker, delivery(examplePayloads.sleep, 'early', 'early:chunk:1')))?.received,
      ).toBe(2);
      const announce = { ...examplePayloads.large_request_sending, reference: 'early', expected_payloads: 2 };
      expect(await observe(tracker, delivery(announce, 'early', 'early:sending'))).toMatchObject({
        received: 2,
        complete: true,
      });
    });
  },
);

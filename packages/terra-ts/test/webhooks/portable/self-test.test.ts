import * as sdk from 'terra-ts';
import * as testing from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module, kept runtime-neutral on purpose
import { runWebhookSelfTest } from './self-test.mjs';

describe('portable webhook self-test', () => {
  it('signs, verifies and parses with both HMAC implementations from the sources', async () => {
    expect(await runWebhookSelfTest({ sdk, testing })).toEqual([
      'auto: ok',
      'webcrypto: ok',
      'parse + fetch handler: ok',
    ]);
  });
});

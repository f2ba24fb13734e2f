import {
  AthleteReturned,
  DataReturned,
  GenericMessage,
  NoDataReturned,
  parseDataBody,
  SentToWebhook,
  User,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { wireUser } from '../support/terra-for.js';

describe('parseDataBody', () => {
  it('parses { user, data, type } to DataReturned, keeping the wire objects by reference', () => {
    const json = { user: wireUser(), data: [{ metadata: { start_time: 'a' } }], type: 'sleep' };
    const parsed = parseDataBody(json) as DataReturned;
    expect(parsed).toBeInstanceOf(DataReturned);
    expect(parsed.kind).toBe('data_returned');
    expect(parsed.type).toBe('sleep');
    expect(parsed.data).toBe(json.data);
    expect(parsed.json).toBe(json);
    expect(parsed.user).toBeInstanceOf(User);
    expect(parsed.user.json).toBe(json.user);
    expect(parsed.user.user_id).toBe('user-1');
  });

  it('parses an empty data array to DataReturned with no records', () => {
    const parsed = parseDataBody({ user: wireUser(), data: [], type: 'body' });
    expect(parsed.kind).toBe('data_returned');
  });

  it('parses the to_webhook acknowledgement to SentToWebhook, not to empty data (the Python bug)', () => {
    const json = {
      status: 'success',
      type: 'sleep',
      reference: 'ref-9',
      trace_id: 'ref-9',
      user: { user_id: 'user-1', provider: 'GARMIN' },
    };
    const parsed = parseDataBody(json) as SentToWebhook;
    expect(parsed).toBeInstanceOf(SentToWebhook);
    expect(parsed.kind).toBe('sent_to_webhook');
    expect(parsed.reference).toBe('ref-9');
    expect(parsed.references).toEqual(['ref-9']);
    expect(parsed.type).toBe('sleep');
  });

  it('parses a large-request acknowledgement with a message to SentToWebhook', () => {
    const parsed = parseDataBody({
      status: 'success',
      type: 'activity',
      reference: 'r',
      message: 'Large request',
    });
    expect(parsed.kind).toBe('sent_to_webhook');
    expect((parsed as SentToWebhook).message).toBe('Large request');
  });

  it('parses an older acknowledgement without a reference to SentToWebhook', () => {
    expect(parseDataBody({ status: 'success', type: 'daily', user: wireUser() }).kind).toBe(
      'sent_to_webhook',
    );
  });

  it('parses { user, athlete } to AthleteReturned, keeping the profile (the Python bug lost it)', () => {
    const json = { user: wireUser(), athlete: { first_name: 'Ada', age: 36 }, type: 'athlete' };
    const parsed = parseDataBody(json) as AthleteReturned;
    expect(parsed).toBeInstanceOf(AthleteReturned);
    expect(parsed.kind).toBe('athlete_returned');
    expect(parsed.athlete).toBe(json.athlete);
    expect(parsed.user.provider).toBe('GARMIN');
  });

  it('parses status not_available to NoDataReturned', () => {
    const json = {
      status: 'not_available',
      message: 'Data type not available',
      user: wireUser(),
      type: 'menstruation',
    };
    const parsed = parseDataBody(json) as NoDataReturned;
    expect(parsed).toBeInstanceOf(NoDataReturned);
    expect(parsed.message).toBe('Data type not available');
    expect(parsed.user?.user_id).toBe('user-1');
  });

  it('keeps anything else whole as GenericMessage', () => {
    const json = { status: 'processing', message: 'later', extra: { a: 1 } };
    const parsed = parseDataBody(json) as GenericMessage;
    expect(parsed).toBeInstanceOf(GenericMessage);
    expect(parsed.json).toBe(json);
    expect(parsed.status).toBe('processing');
  });

  it('throws on a body that is not an object', () => {
    expect(() => parseDataBody([])).toThrow(TypeError);
    expect(() => parseDataBody(null)).toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { buildRedirectUrl } from '../../src/pages/redirect-url.js';

describe('buildRedirectUrl', () => {
  it('adds Terra query parameters to an http(s) URL, keeping its own', () => {
    const url = buildRedirectUrl('https://app.example/done?tab=2', {
      user_id: 'u 1',
      resource: 'GARMIN',
      reference_id: 'ref&x',
    });
    const parsed = new URL(url ?? '');
    expect(parsed.origin + parsed.pathname).toBe('https://app.example/done');
    expect(parsed.searchParams.get('tab')).toBe('2');
    expect(parsed.searchParams.get('user_id')).toBe('u 1');
    expect(parsed.searchParams.get('resource')).toBe('GARMIN');
    expect(parsed.searchParams.get('reference_id')).toBe('ref&x');
  });

  it('leaves out parameters without a value', () => {
    const url = buildRedirectUrl('http://127.0.0.1:9/x', { reference_id: null, resource: 'OURA' });
    expect(url).toBe('http://127.0.0.1:9/x?resource=OURA');
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    '//evil.example/path',
    'not a url',
    '',
  ])('refuses %j', (target) => {
    expect(buildRedirectUrl(target, { resource: 'GARMIN' })).toBeUndefined();
  });

  it('refuses a missing URL', () => {
    expect(buildRedirectUrl(null, {})).toBeUndefined();
    expect(buildRedirectUrl(undefined, {})).toBeUndefined();
  });
});

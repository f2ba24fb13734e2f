import type { Delivery, TerraUser } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import {
  RECENT_DELIVERIES,
  renderDeliveriesTable,
  renderUsersTable,
} from '../../src/pages/dashboard-tables.js';
import { formatBytes } from '../../src/pages/format-bytes.js';

function delivery(id: string, payload: string): Delivery {
  return {
    id,
    url: 'http://127.0.0.1:1/hook',
    type: 'activity',
    payload,
    headers: {},
    status: 'delivered',
    attempts: [{ at: '2026-03-01T10:00:00.000Z', status: 200 }],
    trace_id: 't',
    reference: 'r',
    ordering_timestamp: 0,
    user_id: 'u1',
    created_at: '2026-03-01T10:00:00.000Z',
    next_attempt_at: null,
  };
}

describe('renderDeliveriesTable', () => {
  // Issue 17: the table no longer carries a cut, pretty-printed copy of each payload (a 4.8 MB one showed as a
  // wall of minified JSON); the page's JSON viewer loads a payload when it is opened.
  it('carries no payload, only its size, whatever was sent', () => {
    const payload = JSON.stringify({ type: 'activity', data: [{ samples: 'x'.repeat(100_000) }] });
    const markup = renderDeliveriesTable([delivery('big-1', payload)]).value;
    expect(markup.length).toBeLessThan(3_000);
    expect(markup).not.toContain('xxxx');
    expect(markup).toContain(`Payload · ${formatBytes(Buffer.byteLength(payload))}`);
    expect(markup).toContain('<pre class="json-view" data-payload-view></pre>');
  });

  it('never puts payload text into the markup, so a delivered string cannot inject any', () => {
    const markup = renderDeliveriesTable([
      delivery('x', JSON.stringify({ note: '</pre><script>alert(1)</script>' })),
    ]).value;
    expect(markup).not.toContain('<script>');
    expect(markup).not.toContain('alert(1)');
  });

  it('offers Resend on delivered and failed deliveries that have a payload', () => {
    const sent = delivery('sent', '{}');
    const failed = { ...delivery('failed', '{}'), status: 'failed' as const };
    const pending = { ...delivery('pending', '{}'), status: 'pending' as const };
    const never = { ...delivery('never', ''), status: 'failed' as const };
    const markup = renderDeliveriesTable([sent, failed, pending, never]).value;
    const resendable = [...markup.matchAll(/data-resend="([^"]+)"/g)].map((m) => m[1]);
    expect(resendable.sort()).toEqual(['failed', 'sent']);
    expect(markup).toContain('No payload');
  });

  it('shows times in the one date format, with the ISO time kept in datetime', () => {
    const markup = renderDeliveriesTable([delivery('t', '{}')]).value;
    expect(markup).toContain(
      '<time datetime="2026-03-01T10:00:00.000Z" title="2026-03-01T10:00:00.000Z">2026-03-01 10:00 UTC+00:00</time>',
    );
  });

  it('lists the latest deliveries first and says how many are hidden', () => {
    const all = Array.from({ length: RECENT_DELIVERIES + 5 }, (_, i) => delivery(`d${i}`, '{}'));
    const markup = renderDeliveriesTable(all).value;
    const ids = [...markup.matchAll(/<tr data-delivery-id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(RECENT_DELIVERIES);
    expect(ids[0]).toBe(`d${RECENT_DELIVERIES + 4}`);
    expect(markup).toContain(`${RECENT_DELIVERIES + 5} deliveries, showing the latest ${RECENT_DELIVERIES}`);
  });

  it('says what to do when nothing was sent yet', () => {
    expect(renderDeliveriesTable([]).value).toContain('No webhooks sent yet');
  });
});

describe('renderUsersTable', () => {
  it('escapes reference ids and marks the selected user', () => {
    const user: TerraUser = {
      user_id: 'u1',
      provider: 'GARMIN',
      reference_id: '<b>ref</b>',
      created_at: '2026-03-01T10:00:00.000000+00:00',
      last_webhook_update: null,
      scopes: '',
      active: false,
    };
    const markup = renderUsersTable([user], 'u1').value;
    expect(markup).toContain('&lt;b&gt;ref&lt;/b&gt;');
    expect(markup).toContain('<tr data-user-id="u1" class="selected">');
    expect(markup).toContain('aria-pressed="true"');
    expect(markup).toContain('inactive');
  });
});

import type { Delivery, TerraUser } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import {
  RECENT_DELIVERIES,
  renderDeliveriesTable,
  renderUsersTable,
} from '../../src/pages/dashboard-tables.js';
import { formatBytes, PAYLOAD_PREVIEW_LIMIT } from '../../src/pages/payload-preview.js';

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
  it('cuts a huge payload and links to the whole one', () => {
    const payload = JSON.stringify({
      type: 'activity',
      data: [{ samples: 'x'.repeat(PAYLOAD_PREVIEW_LIMIT * 2) }],
    });
    const markup = renderDeliveriesTable([delivery('big-1', payload)]).value;
    const pre = /<pre>([\s\S]*?)<\/pre>/.exec(markup)?.[1] ?? '';
    expect(pre.length).toBeLessThanOrEqual(PAYLOAD_PREVIEW_LIMIT + 100);
    expect(markup).toContain(`Showing the first ${PAYLOAD_PREVIEW_LIMIT.toLocaleString('en')} characters`);
    expect(markup).toContain('href="/dashboard/api/deliveries/big-1"');
    expect(markup).toContain(`Payload · ${formatBytes(Buffer.byteLength(payload))}`);
  });

  it('escapes payload text so a delivered string cannot inject markup', () => {
    const markup = renderDeliveriesTable([
      delivery('x', JSON.stringify({ note: '</pre><script>alert(1)</script>' })),
    ]).value;
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('&lt;/pre&gt;&lt;script&gt;');
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

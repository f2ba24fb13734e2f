import type { DeliveryStoreStats } from '../state/deliveries.js';
import type { Delivery, DeliveryStatus, TerraUser } from '../state/types.js';
import { formatBytes } from './format-bytes.js';
import { html, type SafeHtml } from './html.js';
import { providerDisplayName } from './provider-names.js';
import { formatUtc } from './time-format.js';

/** How many deliveries the dashboard lists (newest first); the JSON API has them all. */
export const RECENT_DELIVERIES = 50;

/** The users table: one row per connection, each with a button that shows its charts. */
export function renderUsersTable(users: readonly TerraUser[], selectedUserId: string | undefined): SafeHtml {
  if (users.length === 0) {
    return html`<p class="empty">No users yet. Open a widget session URL and connect a provider, or start the sandbox with pre-connected users.</p>`;
  }
  const rows = users.map(
    (
      user,
    ) => html`<tr data-user-id="${user.user_id}"${user.user_id === selectedUserId ? html` class="selected"` : null}>
<td>${providerDisplayName(user.provider)} <span class="pill">${user.provider}</span></td>
<td class="mono id">${user.user_id}</td>
<td class="mono">${user.reference_id ?? '—'}</td>
<td>${timeTag(user.created_at)}</td>
<td>${user.active ? html`<span class="pill ok">active</span>` : html`<span class="pill bad">inactive</span>`}</td>
<td><button type="button" class="secondary" data-chart-user="${user.user_id}" aria-pressed="${user.user_id === selectedUserId ? 'true' : 'false'}">Charts</button></td>
</tr>
`,
  );
  return html`<div class="table-scroll"><table>
<caption class="status-line">${users.length} ${users.length === 1 ? 'connection' : 'connections'}</caption>
<thead><tr><th scope="col">Provider</th><th scope="col">user_id</th><th scope="col">reference_id</th><th scope="col">created_at</th><th scope="col">Active</th><th scope="col"><span class="visually-hidden">Charts</span></th></tr></thead>
<tbody>
${rows}</tbody>
</table></div>`;
}

const STATUS_CLASS: Record<DeliveryStatus, string> = {
  delivered: 'ok',
  failed: 'bad',
  pending: 'wait',
  retrying: 'wait',
};

function lastResponse(delivery: Delivery): string {
  const last = delivery.attempts[delivery.attempts.length - 1];
  let text = '—';
  // The receiver's status says it all when there is one (errors then only repeat it).
  if (last?.status !== undefined) text = String(last.status);
  else if (last?.error) text = last.error;
  return text;
}

/** A timestamp in the pages' one format; the page's script rewrites it into the viewer's wall clock. */
function timeTag(iso: string): SafeHtml {
  return html`<time datetime="${iso}" title="${iso}">${formatUtc(iso)}</time>`;
}

function nextTry(delivery: Delivery): SafeHtml | null {
  if (delivery.status !== 'retrying' || !delivery.next_attempt_at) return null;
  return html` · next try ${timeTag(delivery.next_attempt_at)}`;
}

/** Delivered and failed deliveries can be sent again, unless there was never a payload to send. */
function canResend(delivery: Delivery): boolean {
  return (delivery.status === 'delivered' || delivery.status === 'failed') && delivery.payload !== '';
}

function renderDeliveryRow(delivery: Delivery): SafeHtml {
  const bytes = Buffer.byteLength(delivery.payload, 'utf8');
  // The payload gets a full-width row of its own so an opened payload does not squeeze the columns. It is
  // loaded and drawn by the page's JSON viewer when opened, so the table stays small whatever was sent.
  return html`<tr data-delivery-id="${delivery.id}" data-delivery-type="${delivery.type}" data-delivery-status="${delivery.status}">
<td>${timeTag(delivery.created_at)}</td>
<td><span class="pill">${delivery.type}</span></td>
<td class="mono id">${delivery.user_id ?? '—'}</td>
<td><span class="pill ${STATUS_CLASS[delivery.status] ?? ''}">${delivery.status}</span></td>
<td>${delivery.attempts.length}</td>
<td class="mono">${lastResponse(delivery)}${nextTry(delivery)}</td>
</tr>
<tr class="payload-row" data-payload-of="${delivery.id}"><td colspan="6"><div class="payload-actions">${canResend(delivery) ? html`<button type="button" class="secondary small" data-resend="${delivery.id}">Resend</button><span class="status-line" data-resend-status aria-live="polite"></span>` : null}<details data-delivery-id="${delivery.id}"><summary>${bytes === 0 ? 'No payload' : `Payload · ${formatBytes(bytes)}`}</summary>
<pre class="json-view" data-payload-view></pre></details></div></td>
</tr>
`;
}

/** The notice that older deliveries were dropped to keep memory bounded; nothing when none were. */
export function renderDroppedNotice(stats: DeliveryStoreStats | undefined): SafeHtml | null {
  if (!stats || stats.dropped === 0) return null;
  const what =
    stats.dropped === 1 ? '1 older delivery' : `${stats.dropped.toLocaleString('en')} older deliveries`;
  return html`<p class="notice" data-dropped="${String(stats.dropped)}" role="status">${what} (${formatBytes(stats.droppedBytes)} of payloads) ${stats.dropped === 1 ? 'was' : 'were'} dropped to keep memory bounded: the sandbox keeps at most ${stats.maxDeliveries.toLocaleString('en')} deliveries and ${formatBytes(stats.maxBytes)} of payloads, oldest settled first. Raise the bounds with <code>--max-deliveries</code> and <code>--max-delivery-bytes</code>.</p>`;
}

/** The recent deliveries table, newest first, with a notice when older ones were dropped. */
export function renderDeliveriesTable(deliveries: readonly Delivery[], stats?: DeliveryStoreStats): SafeHtml {
  const notice = renderDroppedNotice(stats);
  if (deliveries.length === 0) {
    return html`${notice}<p class="empty">No webhooks sent yet. Connect a user or request data with <code>to_webhook=true</code>.</p>`;
  }
  const recent = deliveries.slice(-RECENT_DELIVERIES).reverse();
  return html`${notice}<div class="table-scroll"><table>
<caption class="status-line">${deliveries.length} ${deliveries.length === 1 ? 'delivery' : 'deliveries'}${deliveries.length > recent.length ? `, showing the latest ${recent.length}` : ''}</caption>
<thead><tr><th scope="col">Time</th><th scope="col">Type</th><th scope="col">user_id</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last response</th></tr></thead>
<tbody>
${recent.map(renderDeliveryRow)}</tbody>
</table></div>`;
}

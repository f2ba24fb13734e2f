import type { StoreComparison, StoreTypeComparison } from '../store-view/types.js';
import { html, type SafeHtml } from './html.js';

/** At most this many keys are named per cell; the JSON route has them all. */
const KEYS_SHOWN = 3;

function keyList(keys: readonly string[]): SafeHtml | null {
  if (keys.length === 0) return null;
  const shown = keys.slice(0, KEYS_SHOWN).join(', ');
  const more = keys.length > KEYS_SHOWN ? ` and ${keys.length - KEYS_SHOWN} more` : '';
  return html`<span class="mono">${shown}</span>${more}`;
}

function verdict(row: StoreTypeComparison): SafeHtml {
  const problems = [
    row.missing.length > 0 ? `${row.missing.length} missing` : '',
    row.stale.length > 0 ? `${row.stale.length} stale` : '',
    row.extra.length > 0 ? `${row.extra.length} extra` : '',
  ].filter(Boolean);
  if (problems.length === 0) return html`<span class="pill ok">all stored</span>`;
  const cls = row.missing.length > 0 || row.stale.length > 0 ? 'bad' : 'wait';
  return html`<span class="pill ${cls}">${problems.join(', ')}</span>`;
}

function detail(row: StoreTypeComparison): SafeHtml {
  const parts: SafeHtml[] = [];
  const missing = keyList(row.missing);
  const stale = keyList(row.stale);
  const extra = keyList(row.extra);
  if (missing) parts.push(html`<div class="store-keys">missing: ${missing}</div>`);
  if (stale) parts.push(html`<div class="store-keys">stale: ${stale}</div>`);
  if (extra) parts.push(html`<div class="store-keys">extra: ${extra}</div>`);
  return html`${parts}`;
}

function rowMarkup(row: StoreTypeComparison): SafeHtml {
  const ok = row.missing.length === 0 && row.stale.length === 0 && row.extra.length === 0;
  return html`<tr data-store-row="${row.userId}:${row.type}" data-state="${ok ? 'ok' : 'mismatch'}">
<td>${row.type}</td>
<td class="num" data-sent>${String(row.sent)}</td>
<td class="num" data-stored>${String(row.stored)}</td>
<td class="store-status">${verdict(row)}${detail(row)}</td>
<td class="mono id">${row.userId}</td>
</tr>
`;
}

function summary(comparison: StoreComparison): SafeHtml {
  const rows = comparison.rows;
  const missing = rows.reduce((n, r) => n + r.missing.length, 0);
  const stale = rows.reduce((n, r) => n + r.stale.length, 0);
  const extra = rows.reduce((n, r) => n + r.extra.length, 0);
  const sent = rows.reduce((n, r) => n + r.sent, 0);
  if (missing + stale + extra === 0) {
    return html`<p class="status-line" data-store-summary="ok">${comparison.label} holds all ${String(sent)} records the sandbox delivered, each as last sent.</p>`;
  }
  const problems = [
    missing > 0 ? `${missing} missing` : '',
    stale > 0 ? `${stale} stale` : '',
    extra > 0 ? `${extra} extra` : '',
  ].filter(Boolean);
  return html`<p class="notice" role="status" data-store-summary="mismatch">${comparison.label} differs from what the sandbox delivered: ${problems.join(', ')}.</p>`;
}

/**
 * The store panel's table: per user and data type, records the sandbox delivered (newest version per
 * natural key, acknowledged) beside the records the store holds, with what is missing, stale or extra.
 */
export function renderStoreTable(comparison: StoreComparison): SafeHtml {
  if (comparison.error !== undefined) {
    return html`<p class="notice" role="alert" data-store-summary="error">Could not read ${comparison.label}: ${comparison.error}</p>`;
  }
  const dropped =
    comparison.droppedDeliveries > 0
      ? html`<p class="status-line">${String(comparison.droppedDeliveries)} older deliveries were dropped from the sandbox's memory; records only they carried show as extra.</p>`
      : null;
  if (comparison.rows.length === 0) {
    return html`<p class="empty" data-store-summary="empty">No data delivered yet, and ${comparison.label} holds none.</p>`;
  }
  return html`${summary(comparison)}${dropped}<div class="table-scroll"><table class="store-table">
<caption class="visually-hidden">Records delivered by the sandbox and held by ${comparison.label}, per user and data type</caption>
<thead><tr><th scope="col">Type</th><th scope="col">Sent</th><th scope="col">In store</th><th scope="col">Status</th><th scope="col">user_id</th></tr></thead>
<tbody>
${comparison.rows.map(rowMarkup)}</tbody>
</table></div>`;
}

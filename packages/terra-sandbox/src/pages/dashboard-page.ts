import type { DeliveryStoreStats } from '../state/deliveries.js';
import type { Delivery, TerraUser } from '../state/types.js';
import { renderDeliveriesTable, renderUsersTable } from './dashboard-tables.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** Everything the dashboard shows on first paint; its script keeps it fresh afterwards. */
export interface DashboardView {
  users: readonly TerraUser[];
  deliveries: readonly Delivery[];
  /** Kept and dropped deliveries, for the notice that older ones were dropped. */
  deliveryStats?: DeliveryStoreStats;
  /** The user whose charts are shown; the first user when the URL names none. */
  selectedUserId: string | undefined;
  /** A `user_id` the URL named that does not exist; the page says so instead of showing someone else. */
  unknownUserId?: string;
  /** The per-start token the page's script sends with every data request. */
  token: string;
  /** The attached store's label; the store panel shows only when a store is attached. */
  storeLabel?: string;
}

function storePanel(label: string): SafeHtml {
  return html`<section class="panel" aria-labelledby="store-heading">
<div class="panel-head"><h2 id="store-heading">Sent vs stored</h2><p class="status-line">What the sandbox delivered beside what ${label} holds, per user and data type.</p></div>
<div data-partial="store" aria-live="polite"><p class="empty">Comparing with ${label}…</p></div>
</section>`;
}

function chartPanel(name: string, title: string, caption: string): SafeHtml {
  return html`<figure class="chart" data-chart="${name}" data-state="loading">
<h3 id="chart-${name}-title">${title}</h3>
<p class="caption" id="chart-${name}-caption" data-chart-caption>${caption}</p>
<p class="chart-empty" data-chart-empty hidden></p>
<div class="chart-canvas" role="img" aria-labelledby="chart-${name}-title" aria-describedby="chart-${name}-caption"></div>
</figure>`;
}

/** The sandbox dashboard: connections, charts of one user's data, recent webhook deliveries. */
export function renderDashboard(view: DashboardView): SafeHtml {
  return renderLayout({
    lang: 'en',
    title: 'Terra sandbox dashboard',
    bodyClass: 'dashboard',
    stylesheets: ['/assets/uPlot.min.css'],
    scripts: [
      '/assets/uPlot.iife.min.js',
      '/assets/time-format.js',
      '/assets/chart-kit.js',
      '/assets/json-viewer.js',
      '/assets/dashboard.js',
    ],
    main: html`<header class="topbar"><h1><a href="/">Terra sandbox</a></h1><p>Local dashboard: connections, data and webhooks. Updates every 2 seconds. Times are wall-clock times with their UTC offset.</p></header>
<main data-dashboard data-selected-user="${view.selectedUserId ?? ''}" data-unknown-user="${view.unknownUserId ?? ''}" data-token="${view.token}">
<p class="notice" role="alert" data-user-notice${view.unknownUserId ? null : html` hidden`}>${view.unknownUserId ? `No user with user_id ${view.unknownUserId}. Check the id, or pick a user from the table below.` : ''}</p>
<section class="panel" aria-labelledby="users-heading">
<h2 id="users-heading">Users</h2>
<div data-partial="users">${renderUsersTable(view.users, view.selectedUserId)}</div>
</section>
${view.storeLabel === undefined ? null : storePanel(view.storeLabel)}
<section class="panel" aria-labelledby="charts-heading">
<div class="panel-head"><h2 id="charts-heading">Charts</h2><p class="status-line" data-charts-status aria-live="polite">${view.selectedUserId ? html`user_id <code>${view.selectedUserId}</code>` : 'Connect a user to see charts.'}</p></div>
<div class="charts">
${chartPanel('heart-rate', 'Heart rate during the latest workout', 'beats per minute')}
${chartPanel('sleep', 'Sleep stages, latest night', 'hypnogram')}
${chartPanel('steps', 'Steps per day', 'last 14 days')}
</div>
<h3 class="sub-heading" id="sleep-table-heading">Sleep sessions, last 7 days</h3>
<div class="table-scroll"><table class="sleep-table" aria-labelledby="sleep-table-heading">
<thead><tr><th scope="col">Start</th><th scope="col">End</th><th scope="col">Duration</th><th scope="col">Kind</th></tr></thead>
<tbody data-sleep-rows></tbody>
</table>
<p class="empty" data-sleep-empty hidden>No sleep sessions in the last 7 days.</p></div>
</section>
<section class="panel" aria-labelledby="deliveries-heading">
<h2 id="deliveries-heading">Webhook deliveries</h2>
<div data-partial="deliveries" aria-live="off">${renderDeliveriesTable(view.deliveries, view.deliveryStats)}</div>
</section>
</main>`,
  });
}

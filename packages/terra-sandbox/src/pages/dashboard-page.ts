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
  /** The per-start token the page's script sends with every data request. */
  token: string;
}

function chartPanel(name: string, title: string, caption: string): SafeHtml {
  return html`<figure class="chart" data-chart="${name}" data-state="loading">
<h3 id="chart-${name}-title">${title}</h3>
<p class="caption" id="chart-${name}-caption" data-chart-caption>${caption}</p>
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
    scripts: ['/assets/uPlot.iife.min.js', '/assets/dashboard.js'],
    main: html`<header class="topbar"><h1>Terra sandbox</h1><p>Local dashboard: connections, data and webhooks. Updates every 2 seconds.</p></header>
<main data-dashboard data-selected-user="${view.selectedUserId ?? ''}" data-token="${view.token}">
<section class="panel" aria-labelledby="users-heading">
<h2 id="users-heading">Users</h2>
<div data-partial="users">${renderUsersTable(view.users, view.selectedUserId)}</div>
</section>
<section class="panel" aria-labelledby="charts-heading">
<div class="panel-head"><h2 id="charts-heading">Charts</h2><p class="status-line" data-charts-status aria-live="polite">${view.selectedUserId ? html`user_id <code>${view.selectedUserId}</code>` : 'Connect a user to see charts.'}</p></div>
<div class="charts">
${chartPanel('heart-rate', 'Heart rate during the latest workout', 'beats per minute')}
${chartPanel('sleep', 'Sleep stages, latest night', 'hypnogram')}
${chartPanel('steps', 'Steps per day', 'last 14 days')}
</div>
</section>
<section class="panel" aria-labelledby="deliveries-heading">
<h2 id="deliveries-heading">Webhook deliveries</h2>
<div data-partial="deliveries" aria-live="off">${renderDeliveriesTable(view.deliveries, view.deliveryStats)}</div>
</section>
</main>`,
  });
}

import type { DataType } from '../data/source.js';
import type { DeliveryStoreStats } from '../state/deliveries.js';
import type { Delivery, TerraUser } from '../state/types.js';
import { type StoreReportHost, storeComparison, storeLabel } from '../store-view/report.js';
import type { StoreView } from '../store-view/types.js';
import { buildUserCharts, parseStepsDays } from './chart-data.js';
import type { ActivityLike, DailyLike, SleepLike } from './chart-series.js';
import { renderDashboard } from './dashboard-page.js';
import { renderDeliveriesTable, renderUsersTable } from './dashboard-tables.js';
import { html } from './html.js';
import { htmlResponse, jsonResponse, type PageResponse } from './page-response.js';
import { renderStoreTable } from './store-table.js';

/** What the dashboard reads from the sandbox. It never sees the API key or the signing secret. */
export interface DashboardBackend extends StoreReportHost {
  users: { list(): TerraUser[]; get(userId: string): TerraUser | undefined };
  deliveries: { list(): Delivery[]; get(id: string): Delivery | undefined; stats(): DeliveryStoreStats };
  recordsForDay(type: DataType, user: TerraUser, day: string, withSamples: boolean): unknown[];
  /** The store to compare deliveries with, when one was given. */
  readonly storeView: StoreView | undefined;
}

function selectedUser(backend: DashboardBackend, requested: string | null): string | undefined {
  if (requested) return backend.users.get(requested) ? requested : undefined;
  return backend.users.list()[0]?.user_id;
}

/**
 * `GET /dashboard[?user_id=]`: the page, with the charts of `user_id` (or the first user when none is
 * named); an unknown `user_id` shows a message and no one's charts.
 */
export function showDashboard(
  backend: DashboardBackend,
  query: URLSearchParams,
  token: string,
): PageResponse {
  return htmlResponse(
    200,
    renderDashboard({
      users: backend.users.list(),
      deliveries: backend.deliveries.list(),
      deliveryStats: backend.deliveries.stats(),
      selectedUserId: selectedUser(backend, query.get('user_id')),
      ...unknownUser(backend, query.get('user_id')),
      ...(backend.storeView ? { storeLabel: storeLabel(backend.storeView) } : {}),
      token,
    }),
  );
}

function unknownUser(backend: DashboardBackend, requested: string | null): { unknownUserId?: string } {
  return requested && !backend.users.get(requested) ? { unknownUserId: requested } : {};
}

/** `GET /dashboard/partials/users`: the users table alone, for the page's refresh. */
export function usersPartial(backend: DashboardBackend, query: URLSearchParams): PageResponse {
  const selected = query.get('selected') ?? undefined;
  return htmlResponse(200, renderUsersTable(backend.users.list(), selected));
}

/** `GET /dashboard/partials/deliveries`: the deliveries table alone, for the page's refresh. */
export function deliveriesPartial(backend: DashboardBackend): PageResponse {
  return htmlResponse(200, renderDeliveriesTable(backend.deliveries.list(), backend.deliveries.stats()));
}

/** `GET /dashboard/partials/store`: the store comparison table, for the page's refresh. */
export async function storePartial(backend: DashboardBackend): Promise<PageResponse> {
  if (!backend.storeView)
    return htmlResponse(404, html`<p class="empty">No store is attached to this sandbox.</p>`);
  return htmlResponse(200, renderStoreTable(await storeComparison(backend, backend.storeView)));
}

/**
 * `GET /dashboard/api/store`: per user and data type, what the sandbox delivered beside what the attached
 * store holds (404 when none is attached).
 */
export async function storeJson(backend: DashboardBackend): Promise<PageResponse> {
  if (!backend.storeView) {
    return jsonResponse(404, {
      error: 'no store is attached to this sandbox; pass startSandbox({ storeView }) to compare one',
    });
  }
  return jsonResponse(200, await storeComparison(backend, backend.storeView));
}

/** `GET /dashboard/api/users`: every connection. */
export function usersJson(backend: DashboardBackend): PageResponse {
  return jsonResponse(200, { users: backend.users.list() });
}

function deliverySummary(delivery: Delivery) {
  return {
    id: delivery.id,
    type: delivery.type,
    status: delivery.status,
    attempts: delivery.attempts,
    url: delivery.url,
    user_id: delivery.user_id,
    reference: delivery.reference,
    trace_id: delivery.trace_id,
    created_at: delivery.created_at,
    next_attempt_at: delivery.next_attempt_at,
    payload_bytes: Buffer.byteLength(delivery.payload, 'utf8'),
  };
}

/** `GET /dashboard/api/deliveries`: every delivery (newest first) without payloads, which can be huge. */
export function deliveriesJson(backend: DashboardBackend): PageResponse {
  return jsonResponse(200, { deliveries: [...backend.deliveries.list()].reverse().map(deliverySummary) });
}

/** `GET /dashboard/api/deliveries/<id>`: one delivery with its payload as sent. */
export function deliveryJson(backend: DashboardBackend, id: string): PageResponse {
  const delivery = backend.deliveries.get(id);
  if (!delivery) {
    return jsonResponse(404, {
      error: `no delivery with id ${id}; list them with GET /dashboard/api/deliveries`,
    });
  }
  let payload: unknown = delivery.payload;
  try {
    payload = JSON.parse(delivery.payload);
  } catch {
    // Not JSON (should not happen): show the text as sent.
  }
  return jsonResponse(200, { ...deliverySummary(delivery), headers: delivery.headers, payload });
}

/**
 * `GET /dashboard/api/users/<user_id>/charts[?days=14]`: the series behind the three charts,
 * as of `nowMs`.
 */
export function chartsJson(
  backend: DashboardBackend,
  userId: string,
  query: URLSearchParams,
  nowMs: number = Date.now(),
): PageResponse {
  const user = backend.users.get(userId);
  if (!user) {
    return jsonResponse(404, {
      error: `no user with user_id ${userId}; list them with GET /dashboard/api/users`,
    });
  }
  const days = parseStepsDays(query.get('days'));
  if ('error' in days) return jsonResponse(400, { error: days.error });
  const charts = buildUserCharts(
    user.user_id,
    {
      activity: (day) => backend.recordsForDay('activity', user, day, true) as ActivityLike[],
      sleep: (day) => backend.recordsForDay('sleep', user, day, true) as SleepLike[],
      daily: (day) => backend.recordsForDay('daily', user, day, false) as DailyLike[],
    },
    nowMs,
    days.days,
  );
  return jsonResponse(200, charts);
}

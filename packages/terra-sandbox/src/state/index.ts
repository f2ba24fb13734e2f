/**
 * Sandbox state, and what the pages (widget, dashboard) use of it. Pages receive the
 * `SandboxRuntime` (src/runtime.ts) in `registerPageRoutes(router, sandbox)`:
 *
 * - `sandbox.getSession(sessionId)` -> ConnectSession | undefined (unknown or expired).
 *   `kind: 'widget'` from generateWidgetSession, `kind: 'auth_url'` from authenticateUser
 *   (one provider, and a promised `user_id`). Fields: session_id, providers, reference_id,
 *   auth_success_redirect_url, auth_failure_redirect_url, language, expires_at.
 * - `sandbox.connectUser(sessionId, provider)` -> { user, delivery }: creates the user (with the
 *   promised user_id for auth_url sessions, reference_id from the session), sends the `auth`
 *   success event (user incl. reference_id, widget_session_id) and ends the session.
 * - `sandbox.cancelConnect(sessionId, reason?)` -> Delivery: sends `auth_cancelled`
 *   (status error, reason, reference_id) and ends the session.
 * - `sandbox.users.list()`, `sandbox.users.get(id)`, `sandbox.deliveries.list()`,
 *   `sandbox.deliveries.onChange(fn)` (returns unsubscribe), `sandbox.webhookUrl`.
 * - `sandbox.recordsForDay(type, user, 'YYYY-MM-DD', withSamples)` -> records of a day, for charts;
 *   `sandbox.athlete(user)`.
 * - `sandbox.triggerEvent(type, userId)` for the dashboard's event buttons.
 * - `sandbox.origin`, `sandbox.apiKey`, `sandbox.devId` (never show the secret on a page).
 *
 * Handlers throw `HttpProblem` (src/http/problem.ts) for errors and answer with the helpers in
 * src/http/respond.ts (`sendHtml`, `sendJson`, `send`).
 */

export { DeliveryStore } from './deliveries.js';
export { DataFileError, loadSnapshot, type Snapshot, SnapshotWriter } from './persistence.js';
export { SESSION_LIFETIME_SECONDS, SessionStore } from './sessions.js';
export { terraTimestamp } from './time.js';
export type * from './types.js';
export { UserStore } from './users.js';

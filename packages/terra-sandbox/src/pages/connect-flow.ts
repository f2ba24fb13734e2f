import { HttpProblem } from '../http/problem.js';
import type { ConnectSession, TerraUser } from '../state/types.js';
import { type ConsentDecision, parseConsentDecision } from './consent-decision.js';
import { renderErrorPage } from './error-page.js';
import { htmlResponse, type PageResponse, redirectResponse } from './page-response.js';
import { buildRedirectUrl } from './redirect-url.js';
import {
  type ConnectOutcome,
  renderConnectResult,
  renderConsent,
  renderProviderChoice,
} from './widget-pages.js';

/** The sandbox operations the connect pages use (implemented by the sandbox runtime). */
export interface ConnectFlowBackend {
  /** The session and whether its 15 minutes are over; undefined when unknown or already used. */
  findSession(sessionId: string): { session: ConnectSession; expired: boolean } | undefined;
  /** Creates the user, sends the `auth` webhook and ends the session. */
  connectUser(sessionId: string, provider: string): { user: TerraUser };
  /** Sends `auth_cancelled` with `reason` and ends the session. */
  cancelConnect(sessionId: string, reason: string): unknown;
}

// Terra's reason when the user declines on the provider's consent screen.
const DENIED_REASON = 'access_denied';

const NEW_LINK_ACTION =
  'Ask the app you came from for a new link. Developers: create one with POST /v2/auth/generateWidgetSession or /v2/auth/authenticateUser.';

/** The live session, or the error page to answer: 404 when unknown or used, 410 when expired. */
function liveSession(
  backend: ConnectFlowBackend,
  sessionId: string,
): { session: ConnectSession; page?: undefined } | { page: PageResponse } {
  const found = backend.findSession(sessionId);
  if (!found) {
    const page = htmlResponse(
      404,
      renderErrorPage({
        title: 'This connection link is not valid',
        message: 'The session is unknown or was already used.',
        action: NEW_LINK_ACTION,
      }),
    );
    return { page };
  }
  if (found.expired) {
    const page = htmlResponse(
      410,
      renderErrorPage({
        title: 'This connection link has expired',
        message: 'Connection links work for 15 minutes after they are created.',
        action: NEW_LINK_ACTION,
      }),
    );
    return { page };
  }
  return { session: found.session };
}

function providerNotOffered(provider: string): PageResponse {
  return htmlResponse(
    404,
    renderErrorPage({
      title: 'This provider is not part of this connection',
      message: `${provider} was not offered by this session.`,
      action:
        'Go back and choose one of the listed providers, or create a session that includes this provider.',
    }),
  );
}

function offeredProviders(session: ConnectSession, allProviders: readonly string[]): readonly string[] {
  return session.providers.length > 0 ? session.providers : allProviders;
}

function findOffered(session: ConnectSession, allProviders: readonly string[], provider: string) {
  const wanted = provider.trim().toUpperCase();
  return offeredProviders(session, allProviders).find((p) => p.toUpperCase() === wanted);
}

/** The live session and the offered spelling of `provider`, or the error page to answer (see `liveSession`; 404 when not offered). */
function liveSessionOffering(
  backend: ConnectFlowBackend,
  sessionId: string,
  provider: string,
  allProviders: readonly string[],
): { session: ConnectSession; offered: string; page?: undefined } | { page: PageResponse } {
  const found = liveSession(backend, sessionId);
  if (found.page) return found;
  const offered = findOffered(found.session, allProviders, provider);
  if (!offered) return { page: providerNotOffered(provider) };
  return { session: found.session, offered };
}

/**
 * `GET /widget/<session_id>`: the provider list, or straight to the consent screen for an
 * authenticateUser session (made for one provider).
 */
export function showSession(
  backend: ConnectFlowBackend,
  sessionId: string,
  allProviders: readonly string[],
): PageResponse {
  const found = liveSession(backend, sessionId);
  if (found.page) return found.page;
  const { session } = found;
  const offered = offeredProviders(session, allProviders);
  const only = offered[0];
  if (session.kind === 'auth_url' && only !== undefined)
    return htmlResponse(200, renderConsent(session, only));
  return htmlResponse(200, renderProviderChoice(session, offered));
}

/** `GET /widget/<session_id>/<PROVIDER>`: the simulated provider consent screen. */
export function showConsent(
  backend: ConnectFlowBackend,
  sessionId: string,
  provider: string,
  allProviders: readonly string[],
): PageResponse {
  const found = liveSessionOffering(backend, sessionId, provider, allProviders);
  if (found.page) return found.page;
  return htmlResponse(200, renderConsent(found.session, found.offered));
}

function finish(
  session: ConnectSession,
  decision: ConsentDecision,
  provider: string,
  backend: ConnectFlowBackend,
) {
  if (decision === 'allow') {
    const { user } = backend.connectUser(session.session_id, provider);
    return redirectOrResult(
      session,
      'auth_success_redirect_url',
      { user_id: user.user_id, resource: provider, reference_id: user.reference_id },
      { connected: true, provider, userId: user.user_id, referenceId: user.reference_id },
    );
  }
  backend.cancelConnect(session.session_id, DENIED_REASON);
  return redirectOrResult(
    session,
    'auth_failure_redirect_url',
    { resource: provider, reference_id: session.reference_id, reason: DENIED_REASON },
    { connected: false, provider, referenceId: session.reference_id },
  );
}

/** Redirects to the session's `field` URL with `params`; without a usable URL, shows `outcome` as a page. */
function redirectOrResult(
  session: ConnectSession,
  field: 'auth_success_redirect_url' | 'auth_failure_redirect_url',
  params: Record<string, string | null | undefined>,
  outcome: Omit<ConnectOutcome, 'ignoredRedirectField'>,
): PageResponse {
  const target = buildRedirectUrl(session[field], params);
  if (target) return redirectResponse(target);
  return htmlResponse(
    200,
    renderConnectResult(session, { ...outcome, ignoredRedirectField: session[field] ? field : undefined }),
  );
}

/**
 * `POST /widget/<session_id>/<PROVIDER>` with `decision=allow|deny`: connects the simulated account
 * (auth webhook, success redirect) or cancels (auth_cancelled webhook, failure redirect). Without a
 * usable redirect URL the outcome is shown as a page.
 */
export function decideConsent(
  backend: ConnectFlowBackend,
  sessionId: string,
  provider: string,
  formBody: string,
  allProviders: readonly string[],
): PageResponse {
  const found = liveSessionOffering(backend, sessionId, provider, allProviders);
  if (found.page) return found.page;
  const { session, offered } = found;
  const decision = parseConsentDecision(formBody);
  if (!decision) {
    return htmlResponse(
      400,
      renderErrorPage({
        title: 'No decision received',
        message: 'The consent form must be sent with decision=allow or decision=deny.',
        action: 'Go back to the consent screen and press Allow or Deny.',
      }),
    );
  }
  try {
    return finish(session, decision, offered, backend);
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    return htmlResponse(
      error.status,
      renderErrorPage({
        title: 'The connection could not be completed',
        message: error.detail,
        action: 'Start again with a new connection link.',
      }),
    );
  }
}

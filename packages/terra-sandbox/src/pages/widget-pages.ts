import { findProvider } from '../providers/index.js';
import type { ConnectSession } from '../state/types.js';
import { connectSessionPath, consentPath } from './connect-paths.js';
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import { providerIconPath } from './provider-icon.js';
import { providerDisplayName } from './provider-names.js';
import { type WidgetLanguage, widgetLanguage } from './widget-text.js';

function widgetShell(language: WidgetLanguage, title: string, content: SafeHtml): SafeHtml {
  return renderLayout({
    lang: language.lang,
    title,
    bodyClass: 'widget',
    main: html`<main class="card" aria-labelledby="page-heading">
${content}
<p class="note">${language.text.sandboxNote}</p>
</main>`,
  });
}

function providerBadge(provider: string): SafeHtml {
  // Providers the sandbox does not know have no icon file; their initial stands in.
  if (!findProvider(provider)) {
    return html`<span class="badge" aria-hidden="true">${providerDisplayName(provider).charAt(0)}</span>`;
  }
  return html`<img class="badge" src="${providerIconPath(provider)}" alt="" width="34" height="34">`;
}

/** The widget's first screen: the providers the session offers, each linking to its consent screen. */
export function renderProviderChoice(session: ConnectSession, providers: readonly string[]): SafeHtml {
  const language = widgetLanguage(session.language);
  const { text } = language;
  const items = providers.map(
    (
      provider,
    ) => html`<li><a class="provider" data-provider="${provider}" href="${consentPath(session.session_id, provider)}" aria-label="${text.connectWith(providerDisplayName(provider))}">${providerBadge(provider)}<span class="provider-name">${providerDisplayName(provider)}</span></a></li>
`,
  );
  return widgetShell(
    language,
    text.pageTitle,
    html`<h1 id="page-heading">${text.chooseHeading}</h1>
<p>${text.chooseIntro}</p>
<ul class="providers" role="list">
${items}</ul>`,
  );
}

/** The simulated provider login: one question, Allow or Deny, posted back to the same path. */
export function renderConsent(session: ConnectSession, provider: string): SafeHtml {
  const language = widgetLanguage(session.language);
  const { text } = language;
  const name = providerDisplayName(provider);
  const back =
    session.kind === 'widget'
      ? html`<p><a class="back" href="${connectSessionPath(session.session_id)}">${text.back}</a></p>`
      : null;
  return widgetShell(
    language,
    text.consentHeading(name),
    html`<div class="consent-brand">${providerBadge(provider)}<h1 id="page-heading">${text.consentHeading(name)}</h1></div>
<p class="question">${text.consentQuestion}</p>
<p>${text.consentScopes}</p>
<form class="decision" method="post" action="${consentPath(session.session_id, provider)}">
<button type="submit" name="decision" value="allow" class="primary">${text.allow}</button>
<button type="submit" name="decision" value="deny" class="secondary">${text.deny}</button>
</form>
${back}`,
  );
}

/** What happened, for sessions that gave no redirect URL (or an unusable one). */
export interface ConnectOutcome {
  connected: boolean;
  provider: string;
  userId?: string;
  referenceId?: string | null;
  /** Set when the session named a redirect URL that was not followed (not an absolute http(s) URL). */
  ignoredRedirectField?: 'auth_success_redirect_url' | 'auth_failure_redirect_url';
}

/** The page shown after Allow or Deny when there is nowhere to redirect to. */
export function renderConnectResult(session: ConnectSession, outcome: ConnectOutcome): SafeHtml {
  const language = widgetLanguage(session.language);
  const { text } = language;
  const name = providerDisplayName(outcome.provider);
  const heading = outcome.connected ? text.connectedHeading : text.cancelledHeading;
  const body = outcome.connected ? text.connectedBody(name) : text.cancelledBody(name);
  return widgetShell(
    language,
    heading,
    html`<h1 id="page-heading" class="${outcome.connected ? 'result-success' : 'result-cancelled'}">${heading}</h1>
<p>${body}</p>
<dl class="ids">
<dt>resource</dt><dd>${outcome.provider}</dd>
${outcome.userId ? html`<dt>user_id</dt><dd data-field="user_id">${outcome.userId}</dd>` : null}
${outcome.referenceId ? html`<dt>reference_id</dt><dd data-field="reference_id">${outcome.referenceId}</dd>` : null}
</dl>
${outcome.ignoredRedirectField ? html`<p class="warning" data-field="ignored-redirect">${outcome.ignoredRedirectField} is not an absolute http(s) URL, so it was not followed.</p>` : null}`,
  );
}

/** The button the user pressed on a consent screen. */
export type ConsentDecision = 'allow' | 'deny';

/**
 * Reads the decision from the consent form's urlencoded body. Anything else is `undefined`: the caller
 * answers 400 rather than guessing, since a wrong guess either connects or cancels someone's account.
 */
export function parseConsentDecision(body: string): ConsentDecision | undefined {
  const decision = new URLSearchParams(body).get('decision');
  return decision === 'allow' || decision === 'deny' ? decision : undefined;
}

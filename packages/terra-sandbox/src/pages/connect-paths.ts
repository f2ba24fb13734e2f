/** The path of a session's provider list: `/widget/<session_id>`. */
export function connectSessionPath(sessionId: string): string {
  return `/widget/${encodeURIComponent(sessionId)}`;
}

/** The path of one provider's consent screen inside a session: `/widget/<session_id>/<PROVIDER>`. */
export function consentPath(sessionId: string, provider: string): string {
  return `${connectSessionPath(sessionId)}/${encodeURIComponent(provider)}`;
}

import { randomUUID } from 'node:crypto';
import type { ConnectSession } from './types.js';

/** Widget sessions last 15 minutes, as Terra's do. */
export const SESSION_LIFETIME_SECONDS = 900;

/** Options for a new connect session. */
export interface NewSession {
  kind: ConnectSession['kind'];
  providers: string[];
  reference_id?: string | null;
  auth_success_redirect_url?: string | null;
  auth_failure_redirect_url?: string | null;
  language?: string | null;
  user_id?: string | null;
}

/** Connect-flow sessions (widget and auth_url). Not persisted: they expire in minutes anyway. */
export class SessionStore {
  private readonly byId = new Map<string, ConnectSession>();

  /** Creates a session valid for {@link SESSION_LIFETIME_SECONDS}. */
  create(input: NewSession, now: number = Date.now()): ConnectSession {
    const session: ConnectSession = {
      session_id: randomUUID(),
      kind: input.kind,
      providers: input.providers,
      reference_id: input.reference_id ?? null,
      auth_success_redirect_url: input.auth_success_redirect_url ?? null,
      auth_failure_redirect_url: input.auth_failure_redirect_url ?? null,
      language: input.language ?? null,
      expires_at: new Date(now + SESSION_LIFETIME_SECONDS * 1000).toISOString(),
      user_id: input.user_id ?? null,
    };
    this.byId.set(session.session_id, session);
    return session;
  }

  /** The session, or undefined when unknown or expired. */
  get(sessionId: string, now: number = Date.now()): ConnectSession | undefined {
    const session = this.byId.get(sessionId);
    if (!session) return undefined;
    if (Date.parse(session.expires_at) <= now) {
      this.byId.delete(sessionId);
      return undefined;
    }
    return session;
  }

  /** Ends a session once the connect flow finished with it. */
  delete(sessionId: string): void {
    this.byId.delete(sessionId);
  }
}

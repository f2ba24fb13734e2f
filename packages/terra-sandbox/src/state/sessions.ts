import { randomUUID } from 'node:crypto';
import { ChangeSignal } from './change-signal.js';
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

/**
 * Connect-flow sessions (widget and auth_url). Persisted with `--data`: a link handed out just before a
 * restart still works after it, until it expires.
 */
export class SessionStore extends ChangeSignal {
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
    this.changed();
    return session;
  }

  /** The session, or undefined when unknown or expired. */
  get(sessionId: string, now: number = Date.now()): ConnectSession | undefined {
    const session = this.byId.get(sessionId);
    if (!session) return undefined;
    if (Date.parse(session.expires_at) <= now) {
      this.delete(sessionId);
      return undefined;
    }
    return session;
  }

  /** Ends a session once the connect flow finished with it. */
  delete(sessionId: string): void {
    if (this.byId.delete(sessionId)) this.changed();
  }

  /**
   * Every session held, for the data file. Expired ones are kept until asked about, as in memory, so a
   * stale link still says it expired (410) after a restart rather than looking unknown.
   */
  list(): ConnectSession[] {
    return [...this.byId.values()];
  }

  /** Puts a saved session back (loading a data file). */
  restore(session: ConnectSession): void {
    this.byId.set(session.session_id, session);
  }
}

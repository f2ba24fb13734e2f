import { HOURLY_DAY_BUDGET, MAX_WINDOW_DAYS, WINDOW_MS } from './rules.js';

/** Outcome of charging a request against a user's budget. */
export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; rule: 'r1' | 'r2'; headers: Record<string, string> };

interface Spend {
  at: number;
  days: number;
}

/**
 * Terra's per-user limits on data reads: r1 refuses a window over 1,825 days outright; r2 allows
 * 6,000 requested days per rolling hour. Successful and r2-refused answers carry the budget headers.
 */
export class RateLimiter {
  private readonly spends = new Map<string, Spend[]>();

  /** Charges `days` to `userId` if the rules allow it. */
  charge(userId: string, days: number, now: number = Date.now()): RateDecision {
    if (days > MAX_WINDOW_DAYS) return r1Decision();
    const live = this.live(userId, now);
    const used = live.reduce((sum, s) => sum + s.days, 0);
    if (used + days > HOURLY_DAY_BUDGET) {
      // Retry-After is when enough of the oldest spends expire to make room for this request.
      let freed = used;
      let resetAt = now + WINDOW_MS;
      for (const s of live) {
        freed -= s.days;
        if (freed + days <= HOURLY_DAY_BUDGET) {
          resetAt = s.at + WINDOW_MS;
          break;
        }
      }
      return r2Decision(HOURLY_DAY_BUDGET - used, resetAt - now);
    }
    live.push({ at: now, days });
    const oldest = live[0] as Spend;
    return {
      allowed: true,
      headers: budgetHeaders(HOURLY_DAY_BUDGET - used - days, oldest.at + WINDOW_MS - now),
    };
  }

  /** Forgets a user's spending (their connection was deleted). */
  forget(userId: string): void {
    this.spends.delete(userId);
  }

  private live(userId: string, now: number): Spend[] {
    let list = this.spends.get(userId);
    if (!list) {
      list = [];
      this.spends.set(userId, list);
    }
    while (list.length > 0 && (list[0] as Spend).at + WINDOW_MS <= now) list.shift();
    return list;
  }
}

function budgetHeaders(remaining: number, resetAfterMs: number): Record<string, string> {
  return {
    'x-terra-ratelimit-limit': String(HOURLY_DAY_BUDGET),
    'x-terra-ratelimit-remaining': String(Math.max(0, remaining)),
    'x-terra-ratelimit-reset-after': String(Math.max(0, Math.ceil(resetAfterMs / 1000))),
  };
}

/** The refusal for a window over {@link MAX_WINDOW_DAYS}; retrying never helps, so no Retry-After. */
export function r1Decision(): RateDecision {
  return { allowed: false, rule: 'r1', headers: { 'x-terra-ratelimit-rule': 'r1' } };
}

/** The refusal for a spent hourly budget, with Retry-After in seconds. */
export function r2Decision(remaining: number, resetAfterMs: number): RateDecision {
  const headers = budgetHeaders(remaining, resetAfterMs);
  headers['x-terra-ratelimit-rule'] = 'r2';
  headers['retry-after'] = String(Math.max(1, Math.ceil(resetAfterMs / 1000)));
  return { allowed: false, rule: 'r2', headers };
}

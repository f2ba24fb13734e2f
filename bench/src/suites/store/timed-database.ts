import type { Database, Queryable, Row } from 'terra-store';
import { nowMs } from '../../harness/clock.js';

/** Time and calls per statement (keyed by its first words), and per transaction. */
export type StatementTimes = Map<string, { calls: number; ms: number }>;

function keyOf(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 70);
}

function add(times: StatementTimes, key: string, ms: number): void {
  const entry = times.get(key) ?? { calls: 0, ms: 0 };
  entry.calls += 1;
  entry.ms += ms;
  times.set(key, entry);
}

function timedQueryable(inner: Queryable, times: StatementTimes): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]) {
      const start = nowMs();
      try {
        return await inner.query<T>(sql, params);
      } finally {
        add(times, keyOf(sql), nowMs() - start);
      }
    },
  };
}

/**
 * Wraps a terra-store {@link Database} (its public interface) so every statement's wall time is recorded:
 * where a delivery's time goes, statement by statement, with the same store code.
 */
export function timedDatabase(inner: Database, times: StatementTimes): Database {
  const q = timedQueryable(inner, times);
  return {
    engine: inner.engine,
    query: q.query,
    async transaction(work) {
      const start = nowMs();
      try {
        return await inner.transaction((tx) => work(timedQueryable(tx, times)));
      } finally {
        add(times, '(whole transaction, BEGIN to COMMIT)', nowMs() - start);
      }
    },
    exec: (sql) => inner.exec(sql),
    close: () => inner.close(),
  };
}

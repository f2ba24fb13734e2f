import { V1_TABLES } from './v1-tables.js';
import { V2_VIEWS } from './v2-views.js';
import { V3_INBOX_NOTIFY } from './v3-inbox-notify.js';
import { V4_INBOX_LZ4 } from './v4-inbox-lz4.js';

/** One forward-only schema change. */
export interface Migration {
  /** 1, 2, 3, ...: applied in order, each once. */
  readonly version: number;
  /** What it does, stored beside the version. */
  readonly name: string;
  /** Its statements, run in one transaction. */
  readonly statements: readonly string[];
}

/** Every migration this code ships, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'inbox, users, events, large requests, backfill, data tables', statements: V1_TABLES },
  {
    version: 2,
    name: 'views: steps per day, sleep per night, resting heart rate per day',
    statements: V2_VIEWS,
  },
  {
    version: 3,
    name: 'inbox inserts notify channel terra_inbox (worker wake-ups)',
    statements: V3_INBOX_NOTIFY,
  },
  { version: 4, name: 'inbox bodies compressed with lz4 where the server has it', statements: V4_INBOX_LZ4 },
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

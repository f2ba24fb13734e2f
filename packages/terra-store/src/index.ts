// terra-store: every Terra record in your own PostgreSQL, exactly once.
export type { BackfillOptions, BackfillProgress, BackfillType } from './backfill/backfill.js';
export { DEFAULT_BACKFILL_TYPES } from './backfill/backfill.js';
export type { Database, Queryable, Row } from './db/database.js';
export { openDatabase } from './db/open-database.js';
export { openPgliteDatabase } from './db/pglite-database.js';
export { openPostgresDatabase, type PostgresDatabaseOptions } from './db/postgres-database.js';
export * from './errors/index.js';
export {
  DATA_TYPES,
  type DataTypeDefinition,
  isStoredDataType,
  STORED_DATA_TYPES,
  type StoredDataType,
  type StoredRecordTypes,
} from './keys/data-types.js';
export { createWorker, type StoreWorker, type StoreWorkerOptions } from './process/create-worker.js';
export type { RowResult } from './process/process-row.js';
export type { ProcessingOptions, ProcessingStage } from './process/processing-options.js';
export type { ProcessingTally, WorkOptions } from './process/processor.js';
export type { DeliveryFilter, DeliveryStatus, StoredDelivery } from './query/deliveries.js';
export type { InboxFailureGroup, InboxHealth, InboxTypeHealth } from './query/inbox-health.js';
export type { RecordRange } from './query/range.js';
export type { StoredUser, StoredUserEvent } from './query/users.js';
export type { DayValue } from './query/views.js';
export { createStoreWebhookHandler } from './receive/fetch-handler.js';
export type { StoreWebhookHandlerOptions, WebhooksSource } from './receive/handler-options.js';
export { createStoreNodeWebhookHandler, type NodeResponse } from './receive/node-handler.js';
export type { NodeRequest } from './receive/read-node-body.js';
export type { ReconcileResult } from './reconcile/reconcile.js';
export { type MigrationResult, migrate, schemaVersion } from './schema/migrate.js';
export { MIGRATIONS, type Migration, SCHEMA_VERSION } from './schema/migrations.js';
export { INBOX_CHANNEL } from './schema/v3-inbox-notify.js';
export { type OpenStoreOptions, openStore, TerraStore } from './store.js';

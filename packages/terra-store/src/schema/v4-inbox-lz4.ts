// Schema version 4: the inbox keeps every raw body, written once and rarely read again, so it is compressed
// with lz4 (several times faster than PostgreSQL's default pglz, at a slightly lower ratio) where the server
// was built with it; elsewhere (a build without lz4) nothing changes. Frozen: a change is a new migration.

/** The statements of schema version 4, in order. */
export const V4_INBOX_LZ4: readonly string[] = [
  `DO $$
   BEGIN
     IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
       ALTER TABLE terra_inbox ALTER COLUMN body SET COMPRESSION lz4;
     END IF;
   END $$`,
];

// Schema version 3: wake-ups. Every insert into the inbox notifies channel `terra_inbox`, so idle workers
// LISTENing on a server start at once instead of at their next poll. Frozen: a change is a new migration.

/** The channel workers LISTEN on. */
export const INBOX_CHANNEL = 'terra_inbox';

/** The statements of schema version 3, in order. */
export const V3_INBOX_NOTIFY: readonly string[] = [
  // Per statement, not per row, with an empty payload: notifications with the same payload in one
  // transaction are folded into one, so a burst costs one wake-up per commit at most.
  `CREATE FUNCTION terra_inbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM pg_notify('${INBOX_CHANNEL}', '');
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER terra_inbox_notify AFTER INSERT ON terra_inbox
     FOR EACH STATEMENT EXECUTE FUNCTION terra_inbox_notify()`,
];

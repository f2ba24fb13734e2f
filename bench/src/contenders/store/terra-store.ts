// terra-store as a user deploys it: its Node webhook handler on node:http. It verifies, commits the raw
// delivery to the inbox, answers 200, then processes the row inline (upsert of every record).
import { createStoreNodeWebhookHandler, type Database, openStore } from 'terra-store';
import { TerraWebhooks } from 'terra-ts';
import { COUNT_SQL, listen, type Receiver } from './receiver.js';

/** terra-store's receiver on `database` (a URL, or a Database the caller opened and closes). */
export async function terraStoreReceiver(
  database: string | Database,
  secret: string,
  maxConnections: number,
): Promise<Receiver> {
  const store = await openStore({ database, maxConnections });
  const handle = createStoreNodeWebhookHandler(store, new TerraWebhooks({ secret }));
  const server = await listen((req, res) => handle(req, res));
  return {
    url: server.url,
    settle: () => store.idle(),
    count: async (userId) => Number((await store.db.query<{ n: string }>(COUNT_SQL, [userId]))[0]?.n ?? 0),
    async close() {
      await server.close();
      await store.close();
    },
  };
}

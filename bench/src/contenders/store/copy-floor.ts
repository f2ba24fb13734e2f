// The floor: what writing the same rows costs at all. Each delivery is verified and parsed as by the naive
// receiver, then its rows go into the same table in ONE `COPY ... FROM STDIN` (its own transaction), and
// only then is it answered 200. COPY cannot upsert, so it only works on keys not stored yet: the bench
// gives every run a fresh user.
import { connect, type Socket } from 'node:net';
import { finished } from 'node:stream/promises';
import postgres from 'postgres';
import { rawVerifyAndParse } from '../webhook-signature.js';
import { COUNT_SQL, listen, orderingTsOf, type Receiver } from './receiver.js';
import { isBenchDataType, payloadRows, type TableRow } from './table-rows.js';

/** A value in COPY's text format (backslash, tab, newline and carriage return escaped; null as \N). */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function copyText(rows: readonly TableRow[]): string {
  let out = '';
  for (const row of rows) out += `${row.values.map(copyField).join('\t')}\n`;
  return out;
}

/** The COPY receiver on a PostgreSQL server through the `postgres` driver. */
export async function copyReceiver(url: string, secret: string, maxConnections: number): Promise<Receiver> {
  // `socket` is a documented postgres.js option its types leave out.
  const options = {
    max: maxConnections,
    onnotice: () => undefined,
    // postgres.js leaves Nagle on; COPY's data and CopyDone then go out as two small writes and the
    // second waits for the server's delayed ACK (about 40 ms a delivery). pg and terra-store's single
    // writes do not hit this; the floor must not either.
    socket: (o: { host: string[]; port: number[] }) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect({ host: o.host[0] as string, port: o.port[0] as number });
        socket.setNoDelay(true);
        socket.once('connect', () => resolve(socket)).once('error', reject);
      }),
  };
  const sql = postgres(url, options as postgres.Options<Record<string, never>>);
  const server = await listen({
    body: async (body, headers) => {
      const json = rawVerifyAndParse(body.toString('utf8'), String(headers['terra-signature']), secret) as {
        type?: unknown;
      };
      if (!isBenchDataType(json.type)) return;
      const rows = payloadRows(json as Parameters<typeof payloadRows>[0], json.type, orderingTsOf(headers));
      const first = rows[0];
      if (!first) return;
      // A reserved connection: postgres.js's COPY stream sends a CopyFail message when it auto-destroys
      // after finishing, which aborts the next COPY queued on a shared connection (the server ignores it
      // on an idle one). The connection goes back only after the stream is destroyed.
      const reserved = await sql.reserve();
      try {
        const stream = await reserved
          .unsafe(`COPY ${first.table} (${first.columns.join(', ')}) FROM STDIN`)
          .writable();
        stream.end(copyText(rows));
        await finished(stream);
        await new Promise((resolve) => setImmediate(resolve));
      } finally {
        reserved.release();
      }
    },
  });
  return {
    url: server.url,
    settle: async () => undefined,
    count: async (userId) => Number((await sql.unsafe(COUNT_SQL, [userId]))[0]?.n ?? 0),
    async close() {
      await server.close();
      await sql.end({ timeout: 5 });
    },
  };
}

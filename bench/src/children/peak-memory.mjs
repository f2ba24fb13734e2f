// One contender's single fetch-and-parse of a big activity response, alone in a fresh process, so its
// memory high-water mark is its own. Plain JavaScript run by plain `node`: no loader in the figures.
// Usage: node --expose-gc peak-memory.mjs <contender> <JSON: baseUrl, apiKey, devId, userId, startDate, endDate>
// Prints one JSON line: { records, rssBeforeMB, peakRssMB, peakDeltaMB, retainedMB }.
import { resourceUsage } from 'node:process';

const [contender, encoded] = process.argv.slice(2);
const input = JSON.parse(encoded);
const headers = { 'x-api-key': input.apiKey, 'dev-id': input.devId };
const query = `?user_id=${input.userId}&start_date=${input.startDate}&end_date=${input.endDate}&to_webhook=false&with_samples=true`;

async function loadContender() {
  if (contender === 'fetch + res.json()') {
    return async () => (await fetch(`${input.baseUrl}/activity${query}`, { headers })).json();
  }
  if (contender === 'fetch + res.text() + JSON.parse') {
    return async () =>
      JSON.parse(await (await fetch(`${input.baseUrl}/activity${query}`, { headers })).text());
  }
  if (contender === 'terra-ts') {
    const { Terra } = await import('terra-ts');
    const terra = new Terra({ baseUrl: input.baseUrl, apiKey: input.apiKey, devId: input.devId });
    return async () => {
      const options = {
        startDate: input.startDate,
        endDate: input.endDate,
        toWebhook: false,
        withSamples: true,
      };
      // The whole response, as a caller holds it (`res.getParsedResponse()` and `res.getJson()` hang off it).
      const response = await terra.getActivityForUser(input.userId, options);
      return { response, data: response.getParsedResponse().data };
    };
  }
  if (contender === 'node:http + Buffer.concat + JSON.parse (reference)') {
    const { Agent, request } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    const url = `${input.baseUrl}/activity${query}`;
    return () =>
      new Promise((resolve, reject) => {
        const req = request(url, { agent, headers }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });
  }
  if (contender === 'terra-api') {
    const { TerraClient } = await import('terra-api');
    const client = new TerraClient({ baseUrl: input.baseUrl, apiKey: input.apiKey, devId: input.devId });
    const endSeconds = Date.parse(input.endDate) / 1000;
    return () =>
      client.activity.fetch({
        user_id: input.userId,
        start_date: input.startDate,
        end_date: endSeconds,
        to_webhook: false,
        with_samples: true,
      });
  }
  throw new Error(`unknown contender ${contender}`);
}

const run = await loadContender();
// Warms up undici's connection machinery on a tiny response, the same for every contender.
await (await fetch(`${input.baseUrl.replace(/\/v2$/, '')}/v2-warmup`, { headers })).text();
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const heapBefore = process.memoryUsage().heapUsed;
let result = await run();
const peak = resourceUsage().maxRSS * 1024;
// What stays alive while the caller holds the result (a response object may keep more than the data).
globalThis.gc?.();
const retained = process.memoryUsage().heapUsed - heapBefore;
const records = (result?.data ?? []).length;
const MB = 1024 * 1024;
console.log(
  JSON.stringify({
    records,
    rssBeforeMB: rssBefore / MB,
    peakRssMB: peak / MB,
    peakDeltaMB: Math.max(0, peak - rssBefore) / MB,
    retainedMB: Math.max(0, retained) / MB,
  }),
);
result = undefined;

// Child-process entry: runs terra-sandbox (and the fixture server) on its own core, so the server's
// work is not billed to the client being measured. Prints one JSON line when ready; exits when its
// stdin closes (the parent ended or died).
import { createInterface } from 'node:readline';
import { startSandbox } from 'terra-sandbox';
import { startFixtureServer } from './fixture-server.js';
import { buildFixture, type Fixture } from './fixtures.js';
import type { FixtureInfo, SandboxProcessReady, SandboxProcessRequest } from './protocol.js';

const request = JSON.parse(process.argv[2] ?? '{}') as SandboxProcessRequest;
const users = Array.from({ length: request.users }, (_, i) => ({
  provider: 'GARMIN',
  reference_id: `bench-${i}`,
  user_id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));
const sandbox = await startSandbox({ port: 0, seed: request.seed, users });
const userIds = users.map((u) => u.user_id);

const built = new Map<string, Fixture>();
for (const [i, fixture] of (request.fixtures ?? []).entries()) {
  // Fixture users come after the benchmark's own, so their budgets stay untouched.
  const userId = sandbox.createUser({ provider: 'GARMIN', reference_id: `fixture-${i}` }).user_id;
  built.set(fixture.name, await buildFixture(sandbox, fixture, userId));
}
const fixtureServer = built.size > 0 ? await startFixtureServer(built) : undefined;
// Latency applies from here on, so building fixtures does not wait on it.
if (request.latencyMs) sandbox.setFaults({ latencyMs: request.latencyMs });

const fixtures: Record<string, FixtureInfo> = {};
for (const [name, f] of built) {
  fixtures[name] = {
    baseUrl: `${fixtureServer?.url}/fixtures/${name}/v2`,
    bytes: f.body.length,
    records: f.records,
    userId: f.userId,
    startDate: f.startDate,
    endDate: f.endDate,
  };
}
const ready: SandboxProcessReady = {
  url: sandbox.url,
  baseUrl: sandbox.baseUrl,
  apiKey: sandbox.apiKey,
  devId: sandbox.devId,
  secret: sandbox.secret,
  userIds,
  fixtures,
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

// Each `cpu` line asks for this process's CPU time so far (user + system, ms), answered on one line.
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (user + system) / 1000 })}\n`);
});
process.stdin.on('end', async () => {
  await Promise.all([sandbox.close(), fixtureServer?.close()]);
  process.exit(0);
});

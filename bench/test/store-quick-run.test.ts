import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../src/harness/result.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

// The store benchmark once at tiny sizes, in its own process against the built packages (as
// `npm run bench -- --only store` does): it starts its own PostgreSQL server and PGlite databases. No
// figure is compared with a target here; this proves every contender stores the same rows and yields
// figures, and that every target of the issue gets a verdict.
describe('npm run bench -- --only store --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'terra-bench-store-'));
  const jsonFile = join(dir, 'results.json');
  const markdownFile = join(dir, 'BENCHMARKS.md');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let output: { results: SuiteResult[] } | undefined;
  const results = () => {
    if (output) return output;
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        'src/main.ts',
        '--quick',
        '--only',
        'store',
        '--json',
        jsonFile,
        '--out',
        markdownFile,
      ],
      { cwd: BENCH_DIR, env, encoding: 'utf8', timeout: 420_000 },
    );
    if (child.status !== 0)
      throw new Error(`the quick store run failed (${child.status}):\n${child.stderr}\n${child.stdout}`);
    output = JSON.parse(readFileSync(jsonFile, 'utf8')) as { results: SuiteResult[] };
    return output;
  };

  it('measures ingest on the server (naive, COPY, terra-store) and on PGlite, backfill, size and queries', () => {
    const [store] = results().results;
    expect(store?.id).toBe('store');
    const titles = store?.groups.map((g) => g.title) ?? [];
    for (const inFlight of [1, 64]) {
      const server = store?.groups.find(
        (g) =>
          g.title.startsWith(`PostgreSQL 15 server, ${inFlight} in flight, a large request`) &&
          g.unit === 'records/s',
      );
      expect(server?.rows.map((r) => r.contender.split(':')[0])).toEqual([
        'naive pg',
        'floor',
        'terra-store createStoreNodeWebhookHandler (inbox row and records in one commit)',
      ]);
      expect(titles.some((t) => t.startsWith(`PGlite, ${inFlight} in flight`))).toBe(true);
      const overLink = store?.groups.find((g) =>
        g.title.startsWith(`PostgreSQL 15 server over a 2 ms link, ${inFlight} in flight, a large request`),
      );
      expect(overLink?.rows).toHaveLength(3);
    }
    expect(titles.some((t) => t.startsWith('backfill a user-year'))).toBe(true);
    expect(titles.some((t) => t.startsWith('database size'))).toBe(true);
    expect(titles.filter((t) => t.includes('p99')).length).toBe(2);
    for (const group of store?.groups ?? []) {
      for (const row of group.rows) {
        const where = `${group.title} / ${row.contender}`;
        expect(Number.isFinite(row.median) && row.median > 0, where).toBe(true);
        expect(row.min <= row.median && row.median <= row.max, where).toBe(true);
      }
    }
  }, 480_000);

  it('states a verdict on both ingest targets, on loopback and over the link, and says the contenders stored the same rows', () => {
    const [store] = results().results;
    const targets = store?.checks.map((c) => c.target) ?? [];
    // Both workloads at both levels, once over loopback and once through the delaying link.
    for (const where of ['server,', 'server over a 2 ms link,']) {
      const here = targets.filter((t) => t.startsWith(where));
      expect(here.filter((t) => t.includes('at least 3x the naive code')).length, where).toBe(4);
      expect(here.filter((t) => t.includes('at least 0.5x the COPY floor')).length, where).toBe(4);
    }
    expect(store?.notes.join(' ')).toContain('The rows each stored agree');
    const markdown = readFileSync(markdownFile, 'utf8');
    expect(markdown).toContain('## terra-store: ingest, backfill and queries');
  });
});

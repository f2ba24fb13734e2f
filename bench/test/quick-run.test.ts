import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { SuiteResult } from '../src/harness/result.js';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const EXPECTED_SUITES = [
  'fetch-parse',
  'small-calls',
  'webhook',
  'cold-start',
  'size',
  'backfill',
  'sandbox',
];

// The benchmarks run once at tiny sizes, in their own process and against the built packages (as
// `npm run bench` does), so they cannot rot. No figure is compared with a target here: timing
// belongs to `npm run bench`, and this only proves every suite still measures something real.
describe('npm run bench -- --quick', () => {
  const dir = mkdtempSync(join(tmpdir(), 'terra-bench-'));
  const jsonFile = join(dir, 'results.json');
  const markdownFile = join(dir, 'BENCHMARKS.md');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawnSync(
      process.execPath,
      // The store suite has its own quick run (store-quick-run.test.ts): it starts PostgreSQL.
      [
        '--expose-gc',
        '--import',
        'tsx',
        'src/main.ts',
        '--quick',
        '--only',
        EXPECTED_SUITES.join(','),
        '--json',
        jsonFile,
        '--out',
        markdownFile,
      ],
      { cwd: BENCH_DIR, env, encoding: 'utf8', timeout: 240_000 },
    );
    if (child.status !== 0)
      throw new Error(`the quick run failed (${child.status}):\n${child.stderr}\n${child.stdout}`);
    return JSON.parse(readFileSync(jsonFile, 'utf8')) as {
      results: SuiteResult[];
      machine: { node: string };
    };
  };
  let output: ReturnType<typeof run> | undefined;
  const results = () => {
    output ??= run();
    return output;
  };

  it('runs every suite of the issue table', () => {
    expect(results().results.map((r) => r.id)).toEqual(EXPECTED_SUITES);
  }, 300_000);

  it('gives every contender a finite median within its min and max, positive for times and rates', () => {
    for (const suite of results().results) {
      expect(suite.groups.length, suite.id).toBeGreaterThan(0);
      for (const group of suite.groups) {
        for (const row of group.rows) {
          const where = `${suite.id} / ${group.title} / ${row.contender}`;
          expect(Number.isFinite(row.median) && row.median >= 0, where).toBe(true);
          // Memory growth of a tiny body can round to zero; a time or a rate cannot.
          if (row.unit !== 'MB') expect(row.median, where).toBeGreaterThan(0);
          expect(row.min <= row.median && row.median <= row.max, where).toBe(true);
          if (!row.isBaseline && row.unit !== 'MB') expect(Number.isFinite(row.ratio), where).toBe(true);
        }
      }
    }
  });

  it('states a verdict on every target of the issue', () => {
    const targets = results().results.flatMap((r) => r.checks.map((c) => c.target));
    for (const phrase of [
      '1.10x of raw fetch',
      'peak memory',
      '0.9x the requests',
      '0.8x the raw',
      '15 ms',
      '15 KB',
      'zero runtime',
      '4x faster',
      'in order',
      '2,000 req/s',
      'under 1 s',
    ]) {
      expect(
        targets.some((t) => t.includes(phrase)),
        phrase,
      ).toBe(true);
    }
  });

  it('proves terra-ts hands back the parsed arrays without copying them, and backfills in order', () => {
    const checks = results().results.flatMap((r) => r.checks);
    expect(checks.filter((c) => c.target.includes('no copy or rename')).every((c) => c.met)).toBe(true);
    expect(checks.find((c) => c.target === 'results in order')?.met).toBe(true);
  });

  it('writes a Markdown report with the machine, the Node version and a table per suite', () => {
    results();
    const markdown = readFileSync(markdownFile, 'utf8');
    expect(markdown).toContain(`| Node | ${process.version} |`);
    expect(markdown).toMatch(/\| date \| \d{4}-\d{2}-\d{2}T/);
    expect(markdown.match(/^## /gm)?.length).toBe(EXPECTED_SUITES.length + 1);
    expect(markdown).toContain('| contender | median | min | max | ratio to baseline |');
  });
});

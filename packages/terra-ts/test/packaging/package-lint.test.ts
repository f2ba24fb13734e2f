import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, packageDir, repoRoot } from '../runtimes/support/paths.js';
import { runProcess } from '../runtimes/support/run-process.js';

const bin = (name: string) => join(repoRoot, 'node_modules', '.bin', name);

// Both tools pack the package and run TypeScript: seconds, more on a busy machine (not a timing assertion).
const slowStepMs = 120_000;

describe('the terra-ts package metadata', () => {
  beforeAll(() => assertBuilt());

  it(
    'passes publint --strict (exports, files, formats agree with what is shipped)',
    async () => {
      const result = await runProcess(bin('publint'), ['--strict', packageDir], {
        killAfterMs: slowStepMs - 10_000,
      });
      expect({ code: result.code, output: result.stdout + result.stderr }).toMatchObject({ code: 0 });
      expect(result.stdout).toContain('All good');
    },
    slowStepMs,
  );

  it(
    'passes arethetypeswrong for node10, node16 (CJS and ESM) and bundler resolution',
    async () => {
      // attw runs `npm pack`: no `prepack` rebuild of the dist/ other tests are reading.
      const result = await runProcess(bin('attw'), ['--pack', packageDir, '--format', 'json'], {
        cwd: packageDir,
        env: { ...process.env, npm_config_ignore_scripts: 'true' },
        killAfterMs: slowStepMs - 10_000,
      });
      const report = JSON.parse(result.stdout) as { problems?: Record<string, unknown> };
      expect(report.problems ?? {}).toEqual({});
      expect(result.code).toBe(0);
    },
    slowStepMs,
  );
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultOutDir,
  defaultSchemaDir,
  generateModels,
  hashSchemas,
  hasSchemas,
  writeModels,
} from '../../scripts/generate-models.js';
import { modelsManifest } from '../../src/models/generated/manifest.js';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const script = join(repoRoot, 'packages/terra-ts/scripts/generate-models.ts');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');
const biome = join(repoRoot, 'node_modules/.bin/biome');
const REGENERATE = 'npm run generate:models';

const schemaDir = defaultSchemaDir();
const schemasPresent = hasSchemas(schemaDir);
const skipReason = `skipped: no Terra schemas at ${schemaDir} (set TERRA_SCHEMAS_DIR to check drift)`;
if (!schemasPresent) console.warn(`models drift tests ${skipReason}`);

const scratch = mkdtempSync(join(tmpdir(), 'terra-models-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function readTree(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

describe.skipIf(!schemasPresent)(
  `committed models match the schemas (${schemasPresent ? schemaDir : skipReason})`,
  () => {
    it('regenerating into a temp dir reproduces every committed file byte for byte', () => {
      const out = join(scratch, 'regenerated');
      writeModels(generateModels(schemaDir), out);
      const fresh = readTree(out);
      const committed = readTree(defaultOutDir());

      expect([...committed.keys()], `generated file list drifted; run \`${REGENERATE}\``).toEqual([
        ...fresh.keys(),
      ]);
      for (const [name, contents] of fresh) {
        expect(committed.get(name), `src/models/generated/${name} drifted; run \`${REGENERATE}\``).toBe(
          contents,
        );
      }
    });

    it('the manifest hash is the hash of the current schema files', () => {
      expect(modelsManifest.schemaHash, `schemas changed since generation; run \`${REGENERATE}\``).toBe(
        hashSchemas(schemaDir),
      );
    });

    it('the manifest lists one model per schema file', () => {
      const names = readdirSync(schemaDir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => f.slice(0, -'.yaml'.length))
        .sort();
      expect([...modelsManifest.schemas]).toEqual(names);
    });

    it('the command writes the models to --out and says how many files it wrote', () => {
      const out = join(scratch, 'cli');
      const run = spawnSync(tsx, [script, '--schemas', schemaDir, '--out', out], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const files = readdirSync(out);
      expect(run.stdout).toContain(`wrote ${files.length} files`);
      expect(readFileSync(join(out, 'sleep-level.ts'), 'utf8')).toBe(
        readFileSync(join(defaultOutDir(), 'sleep-level.ts'), 'utf8'),
      );
    });
  },
);

describe('generator command without schemas', () => {
  it('exits 1 with a message naming the missing directory and how to point at one, writing nothing', () => {
    const missing = join(scratch, 'no-such-schemas');
    const out = join(scratch, 'untouched');
    const run = spawnSync(tsx, [script, '--schemas', missing, '--out', out], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toContain('TERRA_SCHEMAS_DIR');
    expect(run.stderr).not.toContain('    at ');
    expect(readdirSync(scratch)).not.toContain('untouched');
  });

  it('rejects a flag given without its directory', () => {
    const run = spawnSync(tsx, [script, '--out'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--out needs a directory argument');
  });
});

describe('committed models are lint clean', () => {
  it('biome check passes on src/models/generated', () => {
    const run = spawnSync(biome, ['check', '--colors=off', defaultOutDir()], {
      encoding: 'utf8',
      cwd: repoRoot,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
  });
});

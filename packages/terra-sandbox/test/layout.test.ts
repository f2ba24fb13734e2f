import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function importsOf(dir: string): Array<{ file: string; from: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(dir, file), 'utf8').matchAll(/\bfrom '([^']+)'/g)].map((m) => ({
        file,
        from: m[1] ?? '',
      })),
    );
}

describe('the source layout (docs/ARCHITECTURE.md, terra-sandbox layout)', () => {
  it('has no import circle', async () => {
    const graph = await madge(SRC, { fileExtensions: ['ts'] });
    expect(graph.circular()).toEqual([]);
  }, 60_000);

  it('keeps http/ free of anything above it: it imports only Node and its own files', () => {
    const outside = importsOf(join(SRC, 'http')).filter(
      ({ from }) => !from.startsWith('node:') && !from.startsWith('./'),
    );
    expect(outside).toEqual([]);
  });

  it('lets nothing below the runtime import it', () => {
    for (const dir of [
      'http',
      'state',
      'providers',
      'generators',
      'data',
      'faults',
      'webhooks',
      'live',
      'store-view',
    ]) {
      const up = importsOf(join(SRC, dir)).filter(({ from }) => from.endsWith('/runtime.js'));
      expect(up, dir).toEqual([]);
    }
  });
});

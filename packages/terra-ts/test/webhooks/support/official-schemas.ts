import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Where the official Terra JSON Schemas live: `$TERRA_SCHEMAS_DIR`, else `shared/` beside the repository
 * (where the workspace and CI keep it).
 */
export const SCHEMA_DIR =
  process.env.TERRA_SCHEMAS_DIR ??
  fileURLToPath(new URL('../../../../../../shared/terra-openapi/schemas', import.meta.url));
const BASE = 'https://schemas.terra.test/';

/** True when the official schemas are present (tests that need them skip otherwise). */
export const schemasAvailable = existsSync(SCHEMA_DIR);

let cached: Ajv2020 | undefined;

function load(): Ajv2020 {
  if (cached) return cached;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.yaml'))) {
    const schema = parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
    // Each schema gets an id beside its siblings, so relative `$ref: TerraUser.yaml` resolves.
    ajv.addSchema({ ...schema, $id: `${BASE}${file}` });
  }
  cached = ajv;
  return ajv;
}

/** Validates `value` against the named schema file (`SleepEvent.yaml`); returns the errors, or `[]`. */
export function schemaErrors(file: string, value: unknown): string[] {
  const validate = load().getSchema(`${BASE}${file}`);
  if (!validate) throw new Error(`no schema ${file}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

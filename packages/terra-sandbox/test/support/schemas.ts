import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

// `$TERRA_SCHEMAS_DIR`'s parent, else `shared/` beside the repository (where the workspace and CI keep it).
const ROOT = process.env.TERRA_SCHEMAS_DIR
  ? dirname(process.env.TERRA_SCHEMAS_DIR)
  : fileURLToPath(new URL('../../../../../shared/terra-openapi', import.meta.url));
const BASE = 'https://schemas.terra.test/';

/** Where the official JSON Schemas are read from. */
export const SCHEMAS_DIR = join(ROOT, 'schemas');

/** Whether the official schemas are where the tests look for them. */
export const SCHEMAS_PRESENT = existsSync(SCHEMAS_DIR);

/** The official schema of each generated data type's records. */
export const SCHEMA_OF_DATA_TYPE = {
  activity: 'Activity.yaml',
  sleep: 'Sleep.yaml',
  daily: 'Daily.yaml',
  body: 'Body.yaml',
  nutrition: 'Nutrition.yaml',
  menstruation: 'Menstruation.yaml',
} as const;
const SPEC_ID = `${BASE}v2-bundled.json`;

function build(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int64', true);
  ajv.addFormat('binary', true);
  for (const file of readdirSync(join(ROOT, 'schemas'))) {
    if (!file.endsWith('.yaml')) continue;
    const schema = parse(readFileSync(join(ROOT, 'schemas', file), 'utf8')) as Record<string, unknown>;
    schema.$id = `${BASE}${file}`;
    ajv.addSchema(schema);
  }
  const spec = parse(readFileSync(join(ROOT, 'v2-bundled.yaml'), 'utf8')) as Record<string, unknown>;
  spec.$id = SPEC_ID;
  ajv.addSchema(spec);
  return ajv;
}

let ajv: Ajv2020 | undefined;
const cache = new Map<string, ValidateFunction>();

function compile(ref: string): ValidateFunction {
  ajv ??= build();
  let fn = cache.get(ref);
  if (!fn) {
    fn = ajv.compile({ $ref: ref });
    cache.set(ref, fn);
  }
  return fn;
}

function explain(fn: ValidateFunction, what: string): string {
  return `${what}: ${JSON.stringify(fn.errors?.slice(0, 5), null, 1)}`;
}

/** Asserts `value` is valid against one of the official schema files (e.g. `ActivityEvent.yaml`). */
export function assertSchema(file: string, value: unknown): void {
  const fn = compile(`${BASE}${file}`);
  if (!fn(value)) throw new Error(explain(fn, `not a valid ${file}`));
}

const pointerEscape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Asserts `value` is valid against the spec's response schema for `method path status`
 * (content type application/json, or application/problem+json for errors).
 */
export function assertResponse(
  method: string,
  path: string,
  status: number,
  value: unknown,
  type = 'application/json',
): void {
  const pointer = `#/paths/${pointerEscape(path)}/${method.toLowerCase()}/responses/${status}`;
  ajv ??= build();
  // biome-ignore lint/suspicious/noExplicitAny: walking the OpenAPI document's untyped tree
  const spec = ajv.getSchema(SPEC_ID)?.schema as Record<string, any>;
  let response = spec.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)];
  if (!response) throw new Error(`the spec has no ${status} response for ${method} ${path}`);
  let base = `${pointer}`;
  if (response.$ref) {
    base = response.$ref as string;
    response = spec.components.responses[base.split('/').pop() as string];
  }
  const contentType = response.content?.[type] ? type : Object.keys(response.content ?? {})[0];
  if (!contentType) throw new Error(`the spec declares no body for ${status} ${method} ${path}`);
  const fn = compile(`${SPEC_ID}${base}/content/${pointerEscape(contentType)}/schema`);
  if (fn(value) || matchedSeveralVariants(fn)) return;
  throw new Error(explain(fn, `not a valid ${status} body of ${method} ${path}`));
}

// Some of the spec's response `oneOf`s have variants without required fields, so a valid body can
// match two of them; that is the spec being loose, not the body being wrong.
function matchedSeveralVariants(fn: ValidateFunction): boolean {
  const errors = fn.errors ?? [];
  return (
    errors.length > 0 &&
    errors.every(
      (e) =>
        e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas),
    )
  );
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { SCHEMA_DIR } from '../../webhooks/support/official-schemas.js';

type Schema = Record<string, unknown>;

/**
 * Builds fast-check arbitraries from the official JSON Schemas (2020-12, YAML, `$ref` by file name and
 * `#/$defs/...`). Covers the keywords those files use: type, properties, required, items, const, enum,
 * anyOf, oneOf, allOf, minimum, maximum, minLength, format date-time, unevaluatedProperties. Every
 * value it makes survives `JSON.stringify` + `JSON.parse` unchanged (no -0, NaN or Infinity), so the
 * parsed payload can be compared deep-equal with the generated one.
 */
export class SchemaArbitraries {
  readonly #roots = new Map<string, Schema>();
  readonly #maxDepth: number;

  /** @param maxDepth - nesting depth past which optional fields are left out and arrays are empty. */
  constructor(maxDepth = 6) {
    this.#maxDepth = maxDepth;
    for (const file of readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.yaml'))) {
      this.#roots.set(file, parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Schema);
    }
  }

  /** Every schema file name. */
  get files(): string[] {
    return [...this.#roots.keys()];
  }

  /** An arbitrary of values valid against the schema file `file` (e.g. `SleepEvent.yaml`). */
  of(file: string): fc.Arbitrary<unknown> {
    return this.#build(this.#root(file), file, 0);
  }

  #root(file: string): Schema {
    const root = this.#roots.get(file);
    if (!root) throw new Error(`no schema ${file}`);
    return root;
  }

  #resolve(ref: string, file: string): { schema: Schema; file: string } {
    const [target, pointer] = ref.split('#') as [string, string | undefined];
    const nextFile = target === '' ? file : target;
    let schema: unknown = this.#root(nextFile);
    for (const part of (pointer ?? '').split('/').filter(Boolean)) schema = (schema as Schema)[part];
    return { schema: schema as Schema, file: nextFile };
  }

  #build(schema: Schema, file: string, depth: number): fc.Arbitrary<unknown> {
    if (typeof schema.$ref === 'string') {
      const next = this.#resolve(schema.$ref, file);
      return this.#build(next.schema, next.file, depth + 1);
    }
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (choices && schema.type === undefined && schema.properties === undefined) {
      const deep = depth >= this.#maxDepth;
      const shallow = choices.filter((choice) => choice.type === 'null' || choice.$ref === undefined);
      const picked = deep && shallow.length > 0 ? shallow : choices;
      return fc.oneof(...picked.map((choice) => this.#build(inherit(schema, choice), file, depth)));
    }
    if (schema.type === 'object' || schema.properties !== undefined || schema.allOf !== undefined) {
      return this.#object(schema, file, depth);
    }
    switch (schema.type) {
      case 'array': {
        const items = this.#build((schema.items ?? {}) as Schema, file, depth + 1);
        return fc.array(items, { maxLength: depth >= this.#maxDepth ? 0 : 3 });
      }
      case 'string':
        return this.#string(schema);
      case 'integer':
        return fc.integer({
          min: typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : -1e9,
          max: typeof schema.maximum === 'number' ? Math.floor(schema.maximum) : 1e12,
        });
      case 'number':
        return fc
          .double({
            noNaN: true,
            noDefaultInfinity: true,
            min: typeof schema.minimum === 'number' ? schema.minimum : -1e12,
            max: typeof schema.maximum === 'number' ? schema.maximum : 1e12,
          })
          .map((n) => (Object.is(n, -0) ? 0 : n));
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      default:
        // Through JSON once, so a generated -0 is the 0 a parser would give back.
        return fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    }
  }

  #string(schema: Schema): fc.Arbitrary<string> {
    if (schema.format === 'date-time') {
      return fc
        .date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((date) => date.toISOString());
    }
    const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
    // Any UTF-16 unit, lone surrogates included: JSON.stringify escapes them, so they survive signing.
    return fc.string({ unit: 'binary', minLength, maxLength: 24 });
  }

  #object(schema: Schema, file: string, depth: number): fc.Arbitrary<unknown> {
    const properties: Record<string, Schema> = {};
    const required = new Set<string>();
    let extra: Schema | undefined;
    const collect = (part: Schema, partFile: string, own: boolean) => {
      if (typeof part.$ref === 'string') {
        const next = this.#resolve(part.$ref, partFile);
        collect(next.schema, next.file, false);
        return;
      }
      for (const [name, sub] of Object.entries((part.properties ?? {}) as Record<string, Schema>)) {
        // The event's own (narrower) definition wins over the base envelope's.
        if (own || !(name in properties)) properties[name] = withFile(sub, partFile);
      }
      for (const name of (part.required ?? []) as string[]) required.add(name);
      if (typeof part.unevaluatedProperties === 'object')
        extra = withFile(part.unevaluatedProperties as Schema, partFile);
      for (const base of (part.allOf ?? []) as Schema[]) collect(base, partFile, false);
    };
    collect(schema, file, true);
    const deep = depth >= this.#maxDepth;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, sub] of Object.entries(properties)) {
      if (deep && !required.has(name)) continue;
      model[name] = this.#build(sub, fileOf(sub) ?? file, depth + 1);
    }
    const record = fc.record(model, {
      requiredKeys: [...required].filter((name) => name in model),
      noNullPrototype: true,
    });
    if (!extra || deep) return record;
    const extraKeys = fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((key) => !(key in properties) && key !== '__proto__');
    const extras = fc.dictionary(extraKeys, this.#build(extra, fileOf(extra) ?? file, depth + 1), {
      maxKeys: 3,
    });
    return fc.tuple(record, extras).map(([known, more]) => Object.assign({}, more, known));
  }
}

const FILE = Symbol('schema file');
const INHERITED = ['minimum', 'maximum', 'minLength', 'format'] as const;

// Constraints beside an anyOf (`anyOf: [number, null]` with `minimum: 0`) apply to every branch.
function inherit(parent: Schema, choice: Schema): Schema {
  if (choice.$ref !== undefined) return choice;
  const merged: Schema = { ...choice };
  for (const key of INHERITED)
    if (parent[key] !== undefined && merged[key] === undefined) merged[key] = parent[key];
  return merged;
}

// Properties gathered from a base schema keep the file they came from, so their relative $refs resolve.
function withFile(schema: Schema, file: string): Schema {
  return Object.assign(Object.create(null), schema, { [FILE]: file });
}

function fileOf(schema: Schema): string | undefined {
  return (schema as Record<symbol, string | undefined>)[FILE];
}

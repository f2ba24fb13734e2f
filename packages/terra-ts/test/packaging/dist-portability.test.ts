import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { assertBuilt, distDir } from '../runtimes/support/paths.js';

/** What some JavaScript imports or requires, and how often it uses the `Buffer` global. */
function scan(text: string): { specifiers: string[]; bufferUses: number } {
  const source = ts.createSourceFile('scanned.js', text, ts.ScriptTarget.Latest, true);
  const specifiers: string[] = [];
  let bufferUses = 0;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
      const [first] = node.arguments;
      if (loads) specifiers.push(first && ts.isStringLiteralLike(first) ? first.text : '<computed>');
    }
    // `Buffer` as a value; `x.Buffer` or `{ Buffer: 1 }` are only names.
    if (ts.isIdentifier(node) && node.text === 'Buffer') {
      const parent = node.parent;
      const onlyAName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!onlyAName) bufferUses++;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, bufferUses };
}

const scans = new Map<string, ReturnType<typeof scan>>();
function scanFile(file: string): ReturnType<typeof scan> {
  let found = scans.get(file);
  if (!found) {
    found = scan(readFileSync(file, 'utf8'));
    scans.set(file, found);
  }
  return found;
}
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || isBuiltin(specifier);
const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

describe('the built dist runs beyond Node', () => {
  assertBuilt();
  // Every emitted script, shared chunks included, not only the entry points.
  const files = readdirSync(distDir)
    .filter((name) => /\.(js|cjs|mjs)$/.test(name))
    .map((name) => [name, join(distDir, name)] as const);

  it('finds the ESM and CommonJS builds of both entry points', () => {
    expect(files.map(([name]) => name)).toEqual(
      expect.arrayContaining(['index.js', 'index.cjs', 'testing.js', 'testing.cjs']),
    );
  });

  it.each(files)('%s imports no Node built-in module (node: or bare)', (_name, file) => {
    expect(scanFile(file).specifiers.filter(isNodeBuiltin)).toEqual([]);
  });

  it.each(files)('%s loads no package at all (zero runtime dependencies)', (_name, file) => {
    expect(scanFile(file).specifiers.filter((specifier) => !isRelative(specifier))).toEqual([]);
  });

  it.each(files)('%s never uses the Node-only Buffer global', (_name, file) => {
    expect(scanFile(file).bufferUses).toBe(0);
  });

  it('the scan finds node: imports, bare built-ins, require, import() and Buffer, ignoring lookalikes', () => {
    const text = [
      "import { webcrypto } from 'node:crypto';",
      "export { x } from './chunk.js';",
      "const fs = require('fs');",
      "const later = import('node:http');",
      "Buffer.from('a');",
      'const names = { Buffer: 1 }; names.Buffer; new ArrayBuffer(1); // Buffer in a comment',
    ].join('\n');
    const found = scan(text);
    expect(found).toEqual({ specifiers: ['node:crypto', './chunk.js', 'fs', 'node:http'], bufferUses: 1 });
    expect(found.specifiers.filter(isNodeBuiltin)).toEqual(['node:crypto', 'fs', 'node:http']);
  });
});

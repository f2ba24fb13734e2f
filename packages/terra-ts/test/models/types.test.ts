import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const checkedFile = fileURLToPath(new URL('./payload-types.ts', import.meta.url));

/** Type-checks one file with the workspace's compiler options and returns its diagnostics as readable lines. */
function diagnosticsOf(file: string): string[] {
  const configPath = ts.findConfigFile(repoRoot, ts.sys.fileExists, 'tsconfig.json');
  if (!configPath) throw new Error(`no tsconfig.json under ${repoRoot}`);
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} was not loaded`);
  return ts.getPreEmitDiagnostics(program, source).map((d) => {
    const where =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : '?';
    return `line ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('generated model types', () => {
  it('accept realistic Activity, Sleep and SleepEvent payloads and unknown enum numbers, and reject wrong shapes', () => {
    // payload-types.ts holds the assertions; each @ts-expect-error there must still be an error.
    expect(diagnosticsOf(checkedFile)).toEqual([]);
  });
});

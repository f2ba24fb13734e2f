import { formatRatio, formatValue } from './format.js';
import type { MachineInfo } from './machine.js';
import type { Group, SuiteResult } from './result.js';

const LOWER_IS_BETTER = new Set(['ms', 'µs', 'KB', 'MB', 'files']);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function groupTable(group: Group): string {
  const direction = LOWER_IS_BETTER.has(group.unit) ? 'lower is better' : 'higher is better';
  const rows = group.rows.map((r) => [
    r.isBaseline ? `${r.contender} (baseline)` : r.contender,
    formatValue(r.median, r.unit),
    formatValue(r.min, r.unit),
    formatValue(r.max, r.unit),
    r.isBaseline ? '1.00x' : formatRatio(r.ratio ?? Number.NaN),
  ]);
  const rounds = group.rows[0]?.count ?? 0;
  return `**${group.title}** (${group.unit}, ${direction}; ${rounds} ${rounds === 1 ? 'round' : 'rounds'})\n\n${table(
    ['contender', 'median', 'min', 'max', 'ratio to baseline'],
    rows,
  )}`;
}

/** One suite's tables, targets and notes. */
export function renderSuite(suite: SuiteResult): string {
  const parts = [`## ${suite.title}`];
  for (const group of suite.groups) parts.push(groupTable(group));
  if (suite.checks.length > 0) {
    parts.push(
      table(
        ['target', 'measured', 'met'],
        suite.checks.map((c) => [c.target, c.measured, c.met ? 'yes' : '**no**']),
      ),
    );
  }
  if (suite.notes.length > 0) parts.push(suite.notes.map((n) => `- ${n}`).join('\n'));
  return parts.join('\n\n');
}

/** The whole BENCHMARKS.md: machine, summary of targets, then every suite's tables. */
export function renderDocument(
  machine: MachineInfo,
  suites: readonly SuiteResult[],
  preface: string[],
): string {
  const summary = table(
    ['benchmark', 'target', 'measured', 'met'],
    suites.flatMap((s) => s.checks.map((c) => [s.title, c.target, c.measured, c.met ? 'yes' : '**no**'])),
  );
  return [
    '# Benchmarks',
    preface.join('\n'),
    table(
      ['machine', 'value'],
      [
        ['date', machine.date],
        ['CPU', `${machine.cpus} x ${machine.cpuModel}`],
        ['memory', machine.memory],
        ['OS', machine.os],
        ['Node', machine.node],
        ['terra-ts', machine.terraTs],
        ['terra-api', machine.terraApi],
        ['suite wall time', machine.wallTime],
        ['machine load', machine.load],
      ],
    ),
    '## Targets',
    summary,
    ...suites.map(renderSuite),
    '',
  ].join('\n\n');
}

/**
 * An existing BENCHMARKS.md with only `suites` re-measured (`--only`): each suite's section is replaced
 * (or appended) and its rows in the Targets table replaced; every other suite, and the machine table of the
 * last full run, stay as they were. A suite section carries its own machine-load note: `stamp`, when given,
 * is added under each re-measured section.
 */
export function mergeDocument(existing: string, suites: readonly SuiteResult[], stamp?: string): string {
  const parts = existing.split(/\n(?=## )/);
  for (const suite of suites) {
    const section = stamp === undefined ? renderSuite(suite) : `${renderSuite(suite)}\n\n${stamp}`;
    const at = parts.findIndex((p) => p.startsWith(`## ${suite.title}\n`));
    if (at >= 0) parts[at] = `${section}\n`;
    else parts.push(`${section}\n`);
  }
  const targetsAt = parts.findIndex((p) => p.startsWith('## Targets\n'));
  if (targetsAt >= 0) {
    const titles = new Set(suites.map((s) => s.title));
    const lines = (parts[targetsAt] as string).trimEnd().split('\n');
    const kept = lines.filter((l) => !titles.has(l.split(' | ')[0]?.replace(/^\| /, '') ?? ''));
    const rows = suites.flatMap((s) =>
      s.checks.map(
        (c) =>
          `| ${[s.title, c.target, c.measured, c.met ? 'yes' : '**no**'].map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |`,
      ),
    );
    parts[targetsAt] = `${[...kept, ...rows].join('\n')}\n`;
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

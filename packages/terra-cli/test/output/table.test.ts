import { describe, expect, it } from 'vitest';
import { renderSummary, renderTable } from '../../src/output/table.js';
import { textWidth } from '../../src/output/text-width.js';

describe('renderTable', () => {
  it('aligns columns under their headers', () => {
    const text = renderTable(
      ['user_id', 'provider'],
      [
        ['a1', 'GARMIN'],
        ['b22222', 'OURA'],
      ],
    );
    expect(text).toBe('user_id  provider\na1       GARMIN\nb22222   OURA\n');
  });

  it('shrinks the widest column with an ellipsis to fit the terminal width', () => {
    const text = renderTable(['id', 'name'], [['1', 'x'.repeat(100)]], { maxWidth: 30 });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(30);
    expect(lines[1]).toMatch(/^1 {3}x+…$/);
  });

  it('still fits a narrow terminal when there are many columns', () => {
    const headers = Array.from({ length: 10 }, (_, i) => `column${i}`);
    const text = renderTable(headers, [headers.map(() => 'value-value')], { maxWidth: 50 });
    for (const line of text.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(50);
  });

  it('keeps a cell with line breaks on one line', () => {
    expect(renderTable(['a'], [['one\ntwo']])).toBe('a\none two\n');
  });

  it('neutralises terminal escape sequences in data', () => {
    const text = renderTable(['name'], [['evil\u001b[2J\u0007watch']]);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('evil [2J watch');
  });
});

describe('renderSummary', () => {
  it('prints aligned label/value pairs', () => {
    expect(
      renderSummary([
        ['user id', 'abc'],
        ['provider', 'OURA'],
      ]),
    ).toBe('user id   abc\nprovider  OURA\n');
  });

  it('neutralises control characters in values', () => {
    expect(renderSummary([['name', 'a\u001b]0;title\u0007b']])).toBe('name  a ]0;title b\n');
  });
});

describe('renderTable with wide characters', () => {
  // Where on screen a column starts: the display width of everything before it.
  const columnOf = (line: string, text: string) => textWidth(line.slice(0, line.indexOf(text)));

  it('aligns columns after CJK text and emoji by their display width', () => {
    const text = renderTable(
      ['name', 'steps'],
      [
        ['朝のランニング', '100'],
        ['🏃‍♀️🚴 ride', '200'],
        ['plain', '300'],
      ],
    );
    const lines = text.trimEnd().split('\n');
    const columns = ['steps', '100', '200', '300'].map((value, i) => columnOf(lines[i] ?? '', value));
    expect(new Set(columns).size).toBe(1);
    expect(columns[0]).toBe(textWidth('朝のランニング') + 2);
  });

  it('cuts wide text to the column by display width, never through a character', () => {
    const text = renderTable(['id', 'name'], [['1', '睡眠の記録'.repeat(10)]], { maxWidth: 20 });
    for (const line of text.trimEnd().split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(20);
    expect(text).toContain('…');
    expect(text).not.toContain('\uFFFD');
  });
});

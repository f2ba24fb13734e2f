import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/output/progress.js';

function stream(isTTY: boolean, columns = 120) {
  const chunks: string[] = [];
  return { chunks, write: (chunk: string) => chunks.push(chunk) > 0, isTTY, columns };
}

describe('ProgressBar', () => {
  it('draws and redraws on a terminal, leaving the final bar on its own line', () => {
    const out = stream(true);
    const bar = new ProgressBar(out, 'sleep', 4);
    bar.update(1, '10 records');
    bar.update(4, '40 records');
    bar.finish();
    const text = out.chunks.join('');
    expect(text).toContain('sleep ██████░░░░░░░░░░░░░░░░░░ 1/4 · 10 records');
    expect(text).toContain('sleep ████████████████████████ 4/4 · 40 records');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('shrinks the bar to fit a narrow terminal', () => {
    const out = stream(true, 40);
    const bar = new ProgressBar(out, 'sleep', 4);
    bar.update(4, '400 records');
    const line = out.chunks.join('').split('\r').pop()?.replace('\u001b[2K', '') ?? '';
    expect([...line].length).toBeLessThan(40);
    expect(line).toMatch(/^sleep █+ 4\/4 · 400 records$/);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const out = stream(false);
    const bar = new ProgressBar(out, 'sleep', 4);
    bar.update(2);
    bar.finish();
    expect(out.chunks).toEqual([]);
  });
});

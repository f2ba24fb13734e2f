import type { OutputStream } from '../io.js';

const BAR_WIDTH = 24;

/**
 * A one-line progress bar on stderr. It draws only when stderr is a terminal: in a pipe or a log it writes
 * nothing, so scripts and CI output stay clean. The finished bar stays on screen as a record of what was fetched.
 */
export class ProgressBar {
  readonly #stream: OutputStream;
  readonly #label: string;
  readonly #total: number;
  readonly #enabled: boolean;
  #done = 0;
  #detail = '';

  /**
   * @param stream - where to draw (stderr).
   * @param label - what is being done, e.g. "sleep".
   * @param total - the number of steps (chunks).
   */
  constructor(stream: OutputStream, label: string, total: number) {
    this.#stream = stream;
    this.#label = label;
    this.#total = Math.max(1, total);
    this.#enabled = stream.isTTY === true;
  }

  /** Whether the bar is drawn at all (only on a terminal). */
  get enabled(): boolean {
    return this.#enabled;
  }

  /** Redraws the bar after `done` steps, with an optional note such as "120 records". */
  update(done: number, detail = this.#detail): void {
    this.#done = Math.min(done, this.#total);
    this.#detail = detail;
    if (this.#enabled) this.#stream.write(`\r\u001b[2K${this.#line()}`);
  }

  /** Draws the final state and moves to a new line. */
  finish(detail = this.#detail): void {
    this.update(this.#done, detail);
    if (this.#enabled) this.#stream.write('\n');
  }

  #line(): string {
    const note = this.#detail === '' ? '' : ` · ${this.#detail}`;
    const count = `${this.#done}/${this.#total}${note}`;
    // A line wider than the terminal wraps, and `\r` then redraws only its last row: shrink the bar instead.
    const room = (this.#stream.columns ?? 80) - this.#label.length - count.length - 3;
    const width = Math.max(5, Math.min(BAR_WIDTH, room));
    const filled = Math.round((this.#done / this.#total) * width);
    return `${this.#label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${count}`;
  }
}

import { createInterface } from 'node:readline';
import type { CliIO } from '../io.js';

/**
 * Asks a yes/no question on the terminal (prompt on stderr, answer from stdin). Anything but "y" or "yes",
 * including Ctrl-C or Ctrl-D, is a no: a destructive action needs an explicit yes.
 */
export async function confirm(io: CliIO, question: string): Promise<boolean> {
  const prompt = createInterface({
    input: io.stdin,
    output: io.stderr as unknown as NodeJS.WritableStream,
    terminal: io.stdin.isTTY === true,
  });
  try {
    const answer = await new Promise<string>((resolve) => {
      prompt.once('close', () => resolve(''));
      prompt.once('SIGINT', () => {
        io.stderr.write('\n');
        prompt.close();
      });
      prompt.question(question, resolve);
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    prompt.close();
  }
}

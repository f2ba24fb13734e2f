import type { Command } from 'commander';
import type { CommandInfo } from './cli-names.js';
import { CommandContext } from './context.js';
import type { GlobalOptions } from './global-options.js';
import type { CliIO } from './io.js';
import type { Redactor } from './output/redactor.js';

/** What command files get to register themselves: the process IO and the shared redactor. */
export interface App {
  io: CliIO;
  redactor: Redactor;
  /** The command being run, set when its action starts (error hints depend on it). */
  command?: CommandInfo;
}

/** `users info` for the `info` command under `users` (the root `terra` left out). */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) {
    names.unshift(current.name());
  }
  return names.join(' ');
}

/**
 * Wraps a command body as a commander action: builds the {@link CommandContext} from the global options,
 * runs the body with the command's own options and positional arguments, and always closes the context
 * (servers, sandboxes), also when the body throws.
 */
export function action<Options>(
  app: App,
  body: (context: CommandContext, options: Options, args: string[]) => Promise<void>,
): (...commanderArgs: unknown[]) => Promise<void> {
  return async (...commanderArgs) => {
    const command = commanderArgs[commanderArgs.length - 1] as Command;
    app.command = { path: commandPath(command) };
    const context = new CommandContext(app.io, app.redactor, command.optsWithGlobals<GlobalOptions>());
    try {
      const args = commanderArgs.slice(0, -2).flatMap((value) => (Array.isArray(value) ? value : [value]));
      await body(
        context,
        command.opts() as Options,
        args.filter((value): value is string => typeof value === 'string'),
      );
    } finally {
      await context.close();
    }
  };
}

import { Command } from 'commander';
import { UsageError } from './cli-error.js';
import { addGlobalOptions } from './global-options.js';

const GLOBALS_POINTER =
  '\nGlobal options (credentials, --sandbox, --json/--csv, --fields, --dry-run, ...):\n  terra help globals';

/** The options every command takes, as a help page of their own. */
export function globalsHelp(): string {
  const page = addGlobalOptions(
    new Command('terra').usage('<command> [options]').helpOption(false),
  ).description('Options every command takes, before or after the command name.');
  return page.helpInformation();
}

function findCommand(root: Command, path: readonly string[]): Command | undefined {
  let current: Command | undefined = root;
  for (const name of path) {
    current = current?.commands.find(
      (command) => command.name() === name || command.aliases().includes(name),
    );
  }
  return current;
}

/**
 * Shows the global options once: in `terra --help` and `terra help globals`. Every subcommand's `--help` lists
 * only its own options and points at `terra help globals`. Replaces commander's help command with one that also
 * knows `globals`.
 */
export function configureHelp(program: Command): void {
  const pointAtGlobals = (command: Command) => {
    for (const child of command.commands) {
      child.addHelpText('after', GLOBALS_POINTER);
      pointAtGlobals(child);
    }
  };
  pointAtGlobals(program);
  program.helpCommand(false);
  program
    .command('help')
    .description(
      "help for a command (e.g. 'terra help data'), or 'terra help globals' for the shared options",
    )
    .argument('[command...]', 'the command')
    .action((path: string[]) => {
      if (path.length === 1 && path[0] === 'globals') {
        program.configureOutput().writeOut?.(globalsHelp());
        return;
      }
      const command = findCommand(program, path);
      if (command === undefined) {
        throw new UsageError(`unknown command '${path.join(' ')}'`, "run 'terra --help' for the commands");
      }
      command.outputHelp();
    });
}

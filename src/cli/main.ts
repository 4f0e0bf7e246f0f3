/**
 * The `mesalab` command line: a thin shell over the library. Known errors (bad input, divergence)
 * print one line on stderr and exit 1; usage errors exit 2; nothing prints a stack trace unless
 * MESALAB_DEBUG is set.
 */
import { Command, CommanderError } from 'commander';
import { DivergenceError, InputError } from '../errors/inputError.ts';
import { mesalabVersion } from '../version.ts';
import { COMMANDS } from './commands/index.ts';

/**
 * The program with the commands `args` (the arguments after node and the script) can run: a line
 * that names a command as its first argument gets only that one (its options, help and errors do
 * not depend on the others); any other line (--help, help, a typo to suggest for) gets all.
 */
async function buildProgram(args: readonly string[]): Promise<Command> {
  const named = COMMANDS.filter(([name]) => name === args[0]);
  const registers = await Promise.all((named.length > 0 ? named : COMMANDS).map(([, load]) => load()));
  const program = new Command('mesalab')
    .description('toy models of mesa-optimization and deceptive alignment')
    .version(mesalabVersion(), '-V, --version', 'print the version of mesalab')
    // Every error is one line: commander's suggestion ("Did you mean --json?") joins its message.
    .configureOutput({ outputError: (text, write) => write(`${text.trimEnd().replace(/\s*\n\s*/g, ' ')}\n`) })
    .exitOverride();
  for (const register of registers) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs one command line (`argv` as process.argv: node, script, args…) and returns its exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv.slice(2))).parseAsync(argv);
    return 0;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message (or the help text). Usage errors keep
    // the conventional exit status 2, apart from bad values (1), so scripts can tell them apart.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InputError || error instanceof DivergenceError) {
    process.stderr.write(`mesalab: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mesalab: ${message}\n`);
  if (process.env.MESALAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

// Loaded as the program (bin/mesalab.js) it runs process.argv; the in-process fuzz tests set
// this global (not an environment variable: their child processes must run normally) and call
// main() themselves, many times in one process.
if (!(globalThis as Record<symbol, unknown>)[Symbol.for('mesalab.inProcess')]) {
  // A reader that stops early (`mesalab run seed --json | head -1`) closes the pipe: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await main(process.argv);
}

import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every subcommand of `mesalab` by name, in the order --help lists them; each module adds its
 * command to the program. A module loads only when its command is registered (main.ts registers
 * just the command a command line names), so `mesalab solve` loads nothing of `sweep`.
 */
export const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<Register>]> = [
  ['list', async () => (await import('./list.ts')).registerList],
  ['run', async () => (await import('./run.ts')).registerRun],
  ['solve', async () => (await import('./solve.ts')).registerSolve],
  ['sweep', async () => (await import('./sweep.ts')).registerSweep],
  ['merge', async () => (await import('./merge.ts')).registerMerge],
  ['worker', async () => (await import('./worker.ts')).registerWorker],
];

import type { Command } from 'commander';
import { registerList } from './list.ts';
import { registerRun } from './run.ts';
import { registerMerge } from './merge.ts';
import { registerSolve } from './solve.ts';
import { registerSweep } from './sweep.ts';
import { registerWorker } from './worker.ts';

/** Every subcommand of `mesalab`; each module adds its command to the program. */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [registerList, registerRun, registerSolve, registerSweep, registerMerge, registerWorker];

/**
 * Cost before work, for solves: a solve whose estimate (experiment/cost.ts) is ANNOUNCE_SECONDS
 * or more says so on stderr before it starts, and a progress bar with the time left runs while it
 * solves (a bar on a terminal, a plain line every 10 s otherwise). Ctrl-C stops such a solve at
 * once (the default SIGINT action: outputs are only written after the solve, atomically, so
 * nothing is left half-written).
 */
import { Worker } from 'node:worker_threads';
import { ANNOUNCE_SECONDS, estimateSolveSeconds, formatDuration } from '../experiment/cost.ts';
import type { SolveDescription } from '../experiment/solveSize.ts';

/** Runs `solve` (synchronous), announcing it and showing progress when its estimate is long. */
export function withSolveProgress<T>(label: string, describe: () => SolveDescription, solve: () => T): T {
  const { solver, size } = describe();
  const estimate = estimateSolveSeconds(solver, size);
  if (estimate === undefined || estimate < ANNOUNCE_SECONDS) return solve();
  const tty = process.stderr.isTTY === true;
  process.stderr.write(`mesalab: ${label}: ${size.episodes} episodes with the ${solver} solver, estimated ${formatDuration(estimate)}; Ctrl-C stops it\n`);
  const worker = new Worker(new URL('./progressWorker.mjs', import.meta.url), {
    workerData: { label, estimate, tty, interval: tty ? 250 : 10_000 },
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  worker.unref();
  try {
    return solve();
  } finally {
    void worker.terminate();
    if (tty) process.stderr.write('\r\x1b[K');
  }
}


import { ANNOUNCE_SECONDS, formatDuration } from '../experiment/cost.ts';
import { estimateSweepSeconds } from '../sweep/cost.ts';
import type { Sweep } from '../sweep/sweep.ts';

/** Prints the estimated cost of the points left when it is ANNOUNCE_SECONDS or more (or unknown for a large sweep). */
export function announceSweepCost(label: string, sweep: Sweep, total: number, done: number, workers: number): void {
  const pending = total - done;
  const threads = Math.max(1, Math.min(workers, pending));
  const seconds = estimateSweepSeconds(sweep, pending, threads);
  if (seconds === undefined ? pending < 10_000 : seconds < ANNOUNCE_SECONDS) return;
  const cost = seconds === undefined ? 'no estimate for its solver' : `estimated ${formatDuration(seconds)} on ${threads} worker${threads > 1 ? 's' : ''}`;
  process.stderr.write(`mesalab: ${label}: ${pending} points to run, ${cost}; Ctrl-C stops it, --resume finishes it\n`);
}

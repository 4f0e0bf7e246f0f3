/**
 * What a solve will cost, before it starts: a rough wall-clock estimate per solver, so a run of
 * minutes says so at once (and shows a progress bar) instead of starting silently.
 *
 * Seconds per unit of work, measured on this project's 2-core development machine while other
 * work ran (`npx tsx` timing of runConfigs — parse, solve, rollout — at the sizes given, session 5),
 * rounded up, so they err on the slow side:
 *   exact          0.6 µs an episode: seed 0.48 µs (N = 10⁶), game 0.83 µs (N = 2·10⁵); the
 *                  solve alone is about 0.09 µs, so a sweep (no trajectory) is faster still
 *   grid           1.5 µs an episode per 401 grid points   (N = 10⁵)
 *   reference      16.5 ns per N²·G·K          (N = 300, G = 401, K = 11: O(N²) in N)
 *   lq             1.5 µs an episode          (N = 2·10⁵)
 *   dp             0.25 ms an episode         (N = 2,000, 201-point grid)
 * Other solvers (neural, history, …) have no estimate.
 */
import { REFERENCE_MAX_EPISODES } from '../solvers/reference/reference.ts';

export interface SolveSize {
  readonly episodes: number;
  /** Coefficient grid points (grid and reference solvers). Default 401. */
  readonly gridPoints?: number;
  /** Prior points (reference solver). Default 11. */
  readonly priorPoints?: number;
}

/** Estimated seconds for `solver` on a problem of this size, or undefined when unknown. */
export function estimateSolveSeconds(solver: string, size: SolveSize): number | undefined {
  const n = size.episodes;
  const g = size.gridPoints ?? 401;
  const k = size.priorPoints ?? 11;
  switch (solver) {
    case 'exact':
      return 6e-7 * n;
    case 'grid':
      return 1.5e-6 * n * (g / 401);
    case 'reference':
      // Past its limit the solver refuses at once: nothing to announce.
      return n > REFERENCE_MAX_EPISODES ? undefined : 1.65e-8 * n * n * g * k;
    case 'lq':
      return 1.5e-6 * n;
    case 'dp':
      return 2.5e-4 * n;
    default:
      return undefined;
  }
}

/** Estimates of this many seconds or more are announced before the run starts. */
export const ANNOUNCE_SECONDS = 10;

/** "about 3 min 20 s", for estimates. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.round(hours / 24)} days`;
}

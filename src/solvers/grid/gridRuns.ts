/**
 * Step 1 of the grid solver's fast path (gridFastPath.ts): which grid points it evaluates, and the
 * certificate that g is monotone over every gap between them.
 *
 * Runs of consecutive indices are evaluated: both grid ends and [j − 1, j + 2] around the bracket
 * j of each root of g′ (gridSlope.ts), merged where they meet. Anchors are the run points and the
 * off-grid points where g′'s sign is certified. Read left to right from the sign at −∞ to the sign
 * at +∞, the anchors' signs must change exactly as often as g′ has real roots (counted with
 * multiplicity): each change then holds exactly one root and equal neighbours hold none. If no
 * change falls across a gap (the unevaluated points between two runs), no root lies in a gap,
 * and the exact g is monotone over each gap and its two end points.
 */
import { offGridAnchors, type Slope, slopeSign } from './gridSlope.ts';

export interface GridRuns {
  /** Runs [lo[k], hi[k]] for k < count, in order and not touching: two ends + three roots at most. */
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  count: number;
  readonly anchors: Float64Array;
  readonly chain: SignChain;
}

/** The signs read so far: the last certified one, how often it changed, whether a gap follows it. */
interface SignChain {
  sign: number;
  changes: number;
  acrossGap: boolean;
}

export const newGridRuns = (): GridRuns => ({
  lo: new Int32Array(5),
  hi: new Int32Array(5),
  count: 0,
  anchors: new Float64Array(2),
  chain: { sign: 0, changes: 0, acrossGap: false },
});

/** Both ends of a grid of `size` points and [j − 1, j + 2] around each bracket j (increasing). */
export function setRuns(runs: GridRuns, brackets: Int32Array, bracketCount: number, size: number): void {
  const last = size - 1;
  runs.count = 0;
  addRun(runs, 0, 0);
  for (let k = 0; k < bracketCount; k++) addRun(runs, Math.max(brackets[k] - 1, 0), Math.min(brackets[k] + 2, last));
  addRun(runs, last, last);
}

/** Appends [lo, hi] (lo ≥ the last run's lo), merging it into the last run if they touch. */
function addRun(runs: GridRuns, lo: number, hi: number): void {
  const k = runs.count - 1;
  if (k >= 0 && lo <= runs.hi[k] + 1) runs.hi[k] = Math.max(runs.hi[k], hi);
  else {
    runs.lo[k + 1] = lo;
    runs.hi[k + 1] = hi;
    runs.count++;
  }
}

/** The certificate above; false when it fails (a root may lie in a gap). */
export function gapsAreMonotone(runs: GridRuns, grid: Float64Array, slope: Slope): boolean {
  const { anchors, chain } = runs;
  const anchorCount = offGridAnchors(slope, anchors);
  let next = 0;
  chain.sign = slope.leftSign;
  chain.changes = 0;
  chain.acrossGap = false;
  for (let k = 0; k < runs.count; k++) {
    for (let i = runs.lo[k]; i <= runs.hi[k]; i++) {
      // An off-grid anchor does not close a gap: the gap goes on behind it.
      for (; next < anchorCount && anchors[next] < grid[i]; next++) if (!readSign(chain, slopeSign(slope, anchors[next]))) return false;
      const sign = slopeSign(slope, grid[i]);
      if (!readSign(chain, sign)) return false;
      if (sign !== 0) chain.acrossGap = false;
    }
    chain.acrossGap ||= k + 1 < runs.count;
  }
  for (; next < anchorCount; next++) if (!readSign(chain, slopeSign(slope, anchors[next]))) return false;
  return readSign(chain, -slope.leftSign) && chain.changes === slope.roots;
}

/** Reads one more sign (0: uncertain, skipped); false when it changes across a gap. */
function readSign(chain: SignChain, sign: number): boolean {
  if (sign === 0 || sign === chain.sign) return true;
  chain.changes++;
  chain.sign = sign;
  return !chain.acrossGap;
}

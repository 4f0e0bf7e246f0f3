/**
 * Fewer points, same picture. vega spends about 10 µs per point of a line chart, so 10⁴ episodes
 * of four series would take 400 ms to redraw; a line on a 700-pixel plot never needs that many.
 * Two steps, both exact to a fraction of a pixel:
 *   1. M4 (Jugel et al., VLDB 2014): per pixel column keep the first, last, lowest and highest
 *      point of a series; the rasterised line is then the same as with all points. Only for long
 *      windows, and before the chart's rows are built, so their number stays bounded.
 *   2. Ramer–Douglas–Peucker per line, in pixel units: drop every point whose line lies within
 *      `tolerance` pixels of the simplified one (steps and smooth decays need a handful).
 * The worker reduces a long window to the M4 points of all its series (displayTable.ts); the page
 * then thins each line on its own (thinLine). Display only: the metrics and the exports of data
 * always use the full trajectory.
 */

/** Sorted indices < count: per bucket of equal width, each series' first, last, min and max. */
export function m4Indices(series: readonly ArrayLike<number>[], count: number, buckets: number): number[] {
  // A mask rather than a set: the indices come out sorted, with no hashing (this runs on every redraw).
  const keep = new Uint8Array(Math.max(0, count));
  const size = Math.max(1, count / Math.max(1, buckets));
  for (let start = 0; start < count; start = Math.max(start + 1, Math.round(start + size))) {
    const end = Math.min(count, Math.max(start + 1, Math.round(start + size)));
    keep[start] = 1;
    keep[end - 1] = 1;
    for (const values of series) {
      let lo = start;
      let hi = start;
      for (let n = start + 1; n < end; n++) {
        if (values[n] < values[lo]) lo = n;
        if (values[n] > values[hi]) hi = n;
      }
      keep[lo] = 1;
      keep[hi] = 1;
    }
  }
  const kept: number[] = [];
  for (let n = 0; n < count; n++) if (keep[n]) kept.push(n);
  return kept;
}

/** A range of values [lo, hi] drawn over a number of pixels. */
export interface AxisRange {
  readonly lo: number;
  readonly hi: number;
  readonly pixels: number;
}

/**
 * The indices (< count, ascending) of one line's points worth drawing: M4 of this line alone over
 * the x range's pixel columns, then Ramer–Douglas–Peucker to `tolerance` pixels. Every dropped
 * point lies within a pixel column's width plus `tolerance` of the drawn line. Works on the
 * arrays directly, so thinning costs well under a millisecond at N = 10⁴.
 */
export function thinLine(xs: ArrayLike<number>, ys: ArrayLike<number>, count: number, x: AxisRange, y: AxisRange, tolerance = 0.25): number[] {
  const columns = Math.max(1, Math.round(x.pixels));
  const reduced = count > 4 * columns ? m4Indices([ys], count, columns) : Array.from({ length: count }, (_, n) => n);
  // A point between two of equal value lies on their line: dropping it changes nothing, and a
  // deployment stage's flat lines shrink to their ends before Douglas–Peucker scans them.
  const candidates = reduced.filter((n, i) => i === 0 || i === reduced.length - 1 || ys[n] !== ys[reduced[i - 1]] || ys[n] !== ys[reduced[i + 1]]);
  const px = new Float64Array(candidates.length);
  const py = new Float64Array(candidates.length);
  candidates.forEach((n, i) => {
    px[i] = toPixels(xs[n], x);
    py[i] = toPixels(ys[n], y);
  });
  return simplifyPolyline(px, py, tolerance).map((i) => candidates[i]);
}

/** v's offset from the range's start in pixels; divided first, so a range of subnormal width cannot overflow. */
const toPixels = (v: number, range: AxisRange): number => (range.hi > range.lo ? ((v - range.lo) / (range.hi - range.lo)) * range.pixels : v - range.lo);

/**
 * The indices of the points Ramer–Douglas–Peucker keeps: every point farther than `tolerance`
 * from the simplified polyline (coordinates already in pixels). Iterative, so long lines cannot
 * overflow the stack.
 */
export function simplifyPolyline(xs: ArrayLike<number>, ys: ArrayLike<number>, tolerance: number): number[] {
  const n = xs.length;
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    let farthest = -1;
    let distance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(xs[i], ys[i], xs[a], ys[a], xs[b], ys[b]);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([a, farthest], [farthest, b]);
    }
  }
  const kept: number[] = [];
  keep.forEach((k, i) => {
    if (k) kept.push(i);
  });
  return kept;
}

/** Distance from (px, py) to the segment from (ax, ay) to (bx, by). */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Fewer points, same picture. vega spends about 10 µs per point of a line chart, so 10⁴ episodes
 * of four series would take 400 ms to redraw; a line on a 700-pixel plot never needs that many.
 * Two steps, both exact to a fraction of a pixel:
 *   1. M4 (Jugel et al., VLDB 2014): per pixel column keep the first, last, lowest and highest
 *      point of a series; the rasterised line is then the same as with all points. Only for long
 *      windows, and before the chart's rows are built, so their number stays bounded.
 *   2. Ramer–Douglas–Peucker per line, in pixel units: drop every point whose line lies within
 *      `tolerance` pixels of the simplified one (steps and smooth decays need a handful).
 * The seed figure thins each line straight from its array (thinLine); a game figure, with any
 * number of series, reduces the trajectory (m4GameTrajectory) and then its spec (simplifyLineSpec).
 * Display only: the metrics and the exports of data always use the full trajectory.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { GameTrajectory } from '../../src/rollout/gameTrajectory.ts';

/** The plot area in pixels, without axes and legend. */
export interface PlotSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The first `count` episodes of a game's trajectory reduced to the M4 points of every per-episode
 * column over `columns` pixel columns, parameters and actions included: a trajectory of the kept
 * episodes (its `episode` column holds their numbers). Parameter columns keep the kept episodes
 * only (not the value after the last).
 */
export function m4GameTrajectory(t: GameTrajectory, count: number, columns: number): GameTrajectory {
  const parameters = Object.values(t.parameters);
  const actions = Object.values(t.actions);
  const keep = m4Indices([t.learningRate, t.output, t.baseLoss, t.mesaLoss, ...parameters, ...actions], count, columns);
  const pick = (values: Float64Array) => pickAt(values, keep);
  const pickEach = (record: Readonly<Record<string, Float64Array>>) => Object.fromEntries(Object.entries(record).map(([name, values]) => [name, pick(values)]));
  return {
    episode: pick(t.episode),
    learningRate: pick(t.learningRate),
    output: pick(t.output),
    baseLoss: pick(t.baseLoss),
    mesaLoss: pick(t.mesaLoss),
    parameters: pickEach(t.parameters),
    actions: pickEach(t.actions),
  };
}

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

/** values[keep[0]], values[keep[1]], …  */
function pickAt(values: Float64Array, keep: readonly number[]): Float64Array {
  const picked = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) picked[i] = values[keep[i]];
  return picked;
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

interface LineSpec {
  data: { values: Record<string, unknown>[] };
  encoding: Record<string, { field?: string; type?: string } | undefined>;
}

/**
 * A single-view line chart with its inline rows simplified per line (a line is the rows sharing
 * the colour, strokeDash and detail fields), x and y scaled to `size` pixels. Any other spec is
 * returned as it is.
 */
export function simplifyLineSpec(spec: TopLevelSpec, size: PlotSize, tolerance = 0.25): TopLevelSpec {
  const line = spec as unknown as Partial<LineSpec>;
  const x = line.encoding?.x?.field;
  const y = line.encoding?.y?.field;
  const rows = line.data?.values;
  if (!x || !y || !Array.isArray(rows) || rows.length < 3) return spec;
  // Colour and strokeDash often share a field (the seed figure's `series`): group by each field once.
  const groups = [...new Set(['color', 'strokeDash', 'detail'].map((channel) => line.encoding?.[channel]?.field).filter((f): f is string => !!f))];
  const lines = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = groups.length === 1 ? String(row[groups[0]]) : groups.map((g) => String(row[g])).join('\u0000');
    let members = lines.get(key);
    if (!members) lines.set(key, (members = []));
    members.push(row);
  }
  const [xScale, yScale] = [scaleOf(rows, x, size.width), scaleOf(rows, y, size.height)];
  const kept: Record<string, unknown>[] = [];
  for (const members of lines.values()) {
    const xs = new Float64Array(members.length);
    let sorted = true;
    for (let i = 0; i < members.length; i++) {
      xs[i] = Number(members[i][x]);
      if (i > 0 && xs[i] < xs[i - 1]) sorted = false;
    }
    // Rows usually come in x order already; sorting is only for those that do not.
    if (!sorted) {
      members.sort((a, b) => Number(a[x]) - Number(b[x]));
      for (let i = 0; i < members.length; i++) xs[i] = Number(members[i][x]);
    }
    const ys = new Float64Array(members.length);
    for (let i = 0; i < members.length; i++) {
      xs[i] *= xScale;
      ys[i] = Number(members[i][y]) * yScale;
    }
    for (const i of simplifyPolyline(xs, ys, tolerance)) kept.push(members[i]);
  }
  return { ...spec, data: { values: kept } } as TopLevelSpec;
}

/** Pixels per unit of `field` when its range fills `pixels`. */
function scaleOf(rows: readonly Record<string, unknown>[], field: string, pixels: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of rows) {
    const v = Number(row[field]);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi > lo ? pixels / (hi - lo) : 1;
}

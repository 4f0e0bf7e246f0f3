/**
 * The C anchors of `npm run bench` (a measuring stick, not part of the package): compiles
 * scripts/anchors/*.c with `cc -O3` into a temporary directory, writes a workload file, runs an
 * anchor on it and reads back its timings and coefficients (the file formats are in workload.h
 * and lq.c). -ffp-contract=off keeps the C arithmetic the TypeScript's, operation for operation
 * (no fused multiply–add), so both give the same coefficients to rounding in cbrt/acos/cos.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = fileURLToPath(new URL('.', import.meta.url));

/** The compiled anchors: exact, grid_scan, grid_fast, lq (paths), and where they live. */
export interface Anchors {
  readonly dir: string;
  readonly exact: string;
  readonly gridScan: string;
  readonly gridFast: string;
  readonly lq: string;
  readonly compiler: string;
  dispose(): void;
}

/** Compiles the anchors, or returns the reason it cannot (no `cc`, or a compile error). */
export function compileAnchors(): Anchors | string {
  const version = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return 'no C compiler (cc) on PATH';
  const dir = mkdtempSync(join(tmpdir(), 'mesalab-anchors-'));
  const build = (source: string, output: string): string | null => {
    const run = spawnSync('cc', ['-O3', '-ffp-contract=off', '-o', join(dir, output), join(SOURCES, source), '-lm'], { encoding: 'utf8' });
    return run.status === 0 ? null : `cc ${source}: ${run.stderr.trim()}`;
  };
  // grid.c picks its search from the program name: one source, two binaries.
  const failure = build('exact.c', 'exact') ?? build('grid.c', 'grid_scan') ?? build('grid.c', 'grid_fast') ?? build('lq.c', 'lq');
  if (failure) {
    rmSync(dir, { recursive: true, force: true });
    return failure;
  }
  return {
    dir,
    exact: join(dir, 'exact'),
    gridScan: join(dir, 'grid_scan'),
    gridFast: join(dir, 'grid_fast'),
    lq: join(dir, 'lq'),
    compiler: version.stdout.split('\n')[0],
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** One scenario of a workload file. */
export interface AnchorScenario {
  readonly schedule: Float64Array;
  readonly discount: number;
  readonly regularizer: number;
  /** The coefficient grid (grid anchors only). */
  readonly grid?: Float64Array;
}

/** Writes the workload file of workload.h: S, then per scenario N, γ, λ, G, grid, rates. */
export function writeWorkload(path: string, scenarios: readonly AnchorScenario[]): void {
  let size = 1;
  for (const s of scenarios) size += 4 + (s.grid?.length ?? 0) + s.schedule.length;
  const data = new Float64Array(size);
  let at = 0;
  data[at++] = scenarios.length;
  for (const s of scenarios) {
    const grid = s.grid ?? new Float64Array(0);
    data[at++] = s.schedule.length;
    data[at++] = s.discount;
    data[at++] = s.regularizer;
    data[at++] = grid.length;
    data.set(grid, at);
    at += grid.length;
    data.set(s.schedule, at);
    at += s.schedule.length;
  }
  writeFileSync(path, data);
}

/** Writes raw doubles (lq.c's forms file). */
export function writeDoubles(path: string, values: ArrayLike<number>): void {
  writeFileSync(path, Float64Array.from(values));
}

export interface AnchorRun {
  /** Milliseconds for one pass over the workload, per repeat. */
  readonly times: number[];
  /** The last pass's coefficients, every scenario's in order. */
  readonly coefficients: Float64Array;
}

/** Runs `binary` on the workload file: `repeats` timed repeats of `inner` passes each. */
export function runAnchor(binary: string, workload: string, repeats: number, inner: number): AnchorRun {
  const output = `${workload}.out`;
  const run = spawnSync(binary, [workload, output, String(repeats), String(inner)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`anchor ${binary} failed: ${run.stderr}`);
  const times = run.stdout.trim().split('\n').map(Number);
  const bytes = readFileSync(output);
  rmSync(output, { force: true });
  const coefficients = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  return { times, coefficients };
}

/**
 * The largest difference between mesalab's and the anchor's coefficients, relative to
 * max(1, |c|); NaN where one is NaN and the other is not counts as Infinity.
 */
export function largestDifference(mesalab: ArrayLike<number>, anchor: ArrayLike<number>): number {
  if (mesalab.length !== anchor.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < mesalab.length; i++) {
    const [x, y] = [mesalab[i], anchor[i]];
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    const difference = Math.abs(x - y) / Math.max(1, Math.abs(y));
    if (!(difference <= worst)) worst = Number.isNaN(difference) ? Infinity : difference;
  }
  return worst;
}

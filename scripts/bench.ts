/**
 * `npm run bench`: solver speed as ratios to C anchors run on the same workloads in the same run.
 *
 * Where `cc` is on PATH, scripts/anchors/*.c (the same recursions in C, a measuring stick that is
 * not part of the package) are compiled with -O3 into a temporary directory. Each workload then
 * runs in rounds, the anchor and mesalab alternately, and the figures are medians over rounds:
 * mesalab's time, C's time and the median of the per-round ratios (so drift in this machine's
 * speed between rounds cancels). Times are CPU time of the process (user + system; for mesalab
 * that includes its garbage collector and compiler threads), not wall time: on a machine shared
 * with other work, CPU time hardly depends on the competition. Each workload also checks that C's coefficients equal
 * mesalab's (largest relative difference printed; above 1e−12 the bench fails).
 * - exact: seed-1 and seed-2, ℓ = 1 throughout at N = 10⁶ and 10⁷, the sweep workload (10⁴
 *   scenarios: ℓ log-spaced 0.01–1 × γ in 0.9–1, each 200 training then 800 deployment
 *   episodes) and a schedule alternating training and deployment episode by episode (N = 10⁶);
 *   plus linearScenario's construction time per scenario of the sweep workload;
 * - grid on seed-2 and at N = 10⁴ (2000 training, 8000 deployment) against C's certified fast
 *   path (the convex walk, else the scan) and C's full O(N·G) scan;
 * - lq on the misconception game (state θ, β, b; policy y = a·θ) at N = 10⁶;
 * - without anchors: reference vs grid on seed-2, dp on a 201-point grid with N = 1000, neural
 *   on seed-1 (one solve), the peak resident memory.
 * Each compared workload runs in a child process of its own (no other workload's garbage or JIT
 * state in its CPU time). Flags: --rounds R (default 5), --only exact|grid|lq|other.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenarioConfig } from '../src/model/config.ts';
import { parseGameConfig } from '../src/model/gameConfig.ts';
import { linearScenario, type LinearScenario } from '../src/model/scenario.ts';
import { trainThenDeploy } from '../src/model/schedule.ts';
import { seed1, seed2 } from '../src/scenarios/seed.ts';
import { solveDp } from '../src/solvers/dp/dp.ts';
import { solveExact } from '../src/solvers/exact/exact.ts';
import { solveGrid } from '../src/solvers/grid/grid.ts';
import { solveLq } from '../src/solvers/lq/lq.ts';
import { lqForms } from '../src/solvers/lq/lqForms.ts';
import { solveNeural } from '../src/solvers/neural/neural.ts';
import { solveReference } from '../src/solvers/reference/reference.ts';
import { type Anchors, compileAnchors, largestDifference, runAnchor, writeDoubles, writeWorkload } from './anchors/anchors.ts';

const { values: flags } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, only: { type: 'string' }, task: { type: 'string' }, anchors: { type: 'string' } },
});
const ROUNDS = Number(flags.rounds);
const runs = (part: string) => flags.only === undefined || flags.only === part;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`);

function medianMilliseconds(run: () => void, repeats: number): number {
  run(); // warm-up: let the JIT compile the hot loop
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'mesalab-bench-'));
let failed = false;

interface Comparison {
  label: string;
  /** Episodes in one pass (for episodes/s). */
  episodes: number;
  /** Passes per timed sample, so that tiny workloads are timed over about 10⁶ episodes. */
  inner: number;
  /** One pass of mesalab over the workload. */
  pass: () => void;
  /** mesalab's coefficients over the workload, in the anchor's order. */
  coefficients: () => Float64Array;
  binary: string;
  file: string;
}

/** Alternating rounds of the anchor and mesalab; prints medians and the coefficient check. */
function compare(c: Comparison): void {
  const passes = () => {
    for (let i = 0; i < c.inner; i++) c.pass();
  };
  passes(); // warm-up
  const ours: number[] = [];
  const theirs: number[] = [];
  let anchorCoefficients: ArrayLike<number> = new Float64Array(0);
  for (let round = 0; round < ROUNDS; round++) {
    const run = runAnchor(c.binary, c.file, 1, c.inner);
    theirs.push(run.times[0]);
    anchorCoefficients = run.coefficients;
    const start = cpuMilliseconds();
    passes();
    ours.push((cpuMilliseconds() - start) / c.inner);
  }
  const difference = largestDifference(c.coefficients(), anchorCoefficients);
  if (!(difference <= 1e-12)) failed = true;
  const ratio = median(ours.map((t, i) => t / theirs[i]));
  const check = difference === 0 ? 'identical' : `max rel. diff ${difference.toExponential(1)}${difference <= 1e-12 ? '' : '  MISMATCH'}`;
  console.log(`${c.label.padEnd(44)} ${format(median(ours)).padStart(10)} ${format(median(theirs)).padStart(10)} ${`${ratio.toFixed(2)}×`.padStart(7)}  ${check}`);
}

/** Every scenario's coefficients from `solve`, concatenated. */
function concatenated(scenarios: readonly LinearScenario[], solve: (s: LinearScenario) => Float64Array): Float64Array {
  const total = scenarios.reduce((n, s) => n + s.schedule.length, 0);
  const out = new Float64Array(total);
  let at = 0;
  for (const s of scenarios) {
    out.set(solve(s), at);
    at += s.schedule.length;
  }
  return out;
}

/** 10⁴ points: ℓ log-spaced 0.01–1 (the sweep's own values) × γ 0.9–1, each 1x200 then 0x800. */
function sweepRates(): { rate: number; discount: number }[] {
  const steps = 100;
  const points: { rate: number; discount: number }[] = [];
  for (let i = 0; i < steps; i++) {
    const rate = i === 0 ? 0.01 : i === steps - 1 ? 1 : Number((0.01 * Math.exp((Math.log(100) * i) / (steps - 1))).toPrecision(12));
    for (let j = 0; j < steps; j++) points.push({ rate, discount: j === steps - 1 ? 1 : Number((0.9 + (0.1 * j) / (steps - 1)).toFixed(11)) });
  }
  return points;
}

function linearComparison(
  label: string,
  scenarios: LinearScenario[],
  binary: string,
  solve: (s: LinearScenario) => Float64Array,
  withGrid: boolean,
): Comparison {
  const file = join(work, `${label.replace(/\W+/g, '_')}.bin`);
  writeWorkload(file, scenarios.map((s) => ({ ...s, grid: withGrid ? s.coefficientGrid : undefined })));
  const episodes = scenarios.reduce((n, s) => n + s.schedule.length, 0);
  return {
    label,
    episodes,
    inner: Math.max(1, Math.round(1e6 / episodes)),
    pass: () => {
      for (const s of scenarios) solve(s);
    },
    coefficients: () => concatenated(scenarios, solve),
    binary,
    file,
  };
}

const exact = (s: LinearScenario) => solveExact(s).coefficients;
const grid = (s: LinearScenario) => solveGrid(s).coefficients;
const sweepWorkload = () => sweepRates().map(({ rate, discount }) => linearScenario({ schedule: trainThenDeploy(200, 800, rate), discount }));
const alternating = () => {
  const schedule = new Float64Array(1e6);
  for (let n = 0; n < schedule.length; n += 2) schedule[n] = 1;
  return [linearScenario({ schedule })];
};

/** The compared workloads: label, part (for --only), and how to build and compare it. */
const TASKS: [label: string, part: string, run: (a: Anchors) => void][] = [
  ['exact, seed-1 (1x20,0x80)', 'exact', (a) => compare(linearComparison(TASKS[0][0], [parseScenarioConfig(seed1).scenario], a.exact, exact, false))],
  ['exact, seed-2 (1x100)', 'exact', (a) => compare(linearComparison(TASKS[1][0], [parseScenarioConfig(seed2).scenario], a.exact, exact, false))],
  ['exact, ℓ = 1 throughout, N = 1e6', 'exact', (a) => compare(linearComparison(TASKS[2][0], [linearScenario({ schedule: new Float64Array(1e6).fill(1) })], a.exact, exact, false))],
  ['exact, ℓ = 1 throughout, N = 1e7', 'exact', (a) => compare(linearComparison(TASKS[3][0], [linearScenario({ schedule: new Float64Array(1e7).fill(1) })], a.exact, exact, false))],
  ['exact, sweep workload (1e4 × 1x200,0x800)', 'exact', (a) => compare(linearComparison(TASKS[4][0], sweepWorkload(), a.exact, exact, false))],
  ['exact, alternating 1,0 (N = 1e6)', 'exact', (a) => compare(linearComparison(TASKS[5][0], alternating(), a.exact, exact, false))],
  ['linearScenario', 'exact', () => constructionTimes()],
  ['grid, seed-2 vs C fast path', 'grid', (a) => compare(linearComparison(TASKS[7][0], [parseScenarioConfig(seed2).scenario], a.gridFast, grid, true))],
  ['grid, seed-2 vs C full scan', 'grid', (a) => compare(linearComparison(TASKS[8][0], [parseScenarioConfig(seed2).scenario], a.gridScan, grid, true))],
  ['grid, N = 1e4 (1x2000,0x8000) vs C fast path', 'grid', (a) => compare(linearComparison(TASKS[9][0], [linearScenario({ schedule: '1x2000,0x8000' })], a.gridFast, grid, true))],
  ['grid, N = 1e4 (1x2000,0x8000) vs C full scan', 'grid', (a) => compare(linearComparison(TASKS[10][0], [linearScenario({ schedule: '1x2000,0x8000' })], a.gridScan, grid, true))],
  ['lq, state (θ, β, b), y = a·θ, N = 1e6', 'lq', (a) => lqComparison(a)],
];

/** linearScenario's time per scenario for the sweep workload's 1000-episode schedules (CPU time). */
function constructionTimes(): void {
  const points = sweepRates();
  const schedules = points.map(({ rate }) => trainThenDeploy(200, 800, rate));
  const cpuMedian = (run: () => void) => {
    run();
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const start = cpuMilliseconds();
      run();
      times.push(cpuMilliseconds() - start);
    }
    return format(median(times) / points.length);
  };
  const given = cpuMedian(() => points.forEach(({ discount }, i) => linearScenario({ schedule: schedules[i], discount })));
  const built = cpuMedian(() => points.forEach(({ rate, discount }) => linearScenario({ schedule: trainThenDeploy(200, 800, rate), discount })));
  const spec = cpuMedian(() => points.forEach(({ discount }) => linearScenario({ schedule: '0.5x200,0x800', discount })));
  console.log(`linearScenario, 1000-episode schedule: ${given} (given a validated schedule), ${built} (with trainThenDeploy), ${spec} (from the spec "0.5x200,0x800")`);
}

function lqComparison(anchors: Anchors): void {
  const episodes = 1e6;
  const game = parseGameConfig({
    schedule: `1x${episodes}`,
    parameters: { theta: { initial: 0.8, prior: { min: -1, max: 1, count: 5 } }, beta: { initial: 0.5, prior: { min: -1, max: 1, count: 5 } } },
    policy: { type: 'linear', inputs: ['theta'] },
    frozen: { b: 'beta' },
    believedObjective: '(y - b)^2',
  }).game;
  const forms = lqForms(game);
  if (typeof forms === 'string') throw new Error(forms);
  const file = join(work, 'lq.bin');
  const { d } = forms;
  writeDoubles(file, [
    episodes, game.discount, d, forms.inputs[0], forms.goal, ...forms.trainable, forms.qyy, ...forms.w, ...forms.qzz,
    forms.alpha, forms.mu, forms.delta, ...forms.sigma, ...game.schedule,
  ]);
  compare({ label: TASKS[11][0], episodes, inner: 1, pass: () => solveLq(game), coefficients: () => solveLq(game).actions, binary: anchors.lq, file });
}

if (flags.task !== undefined) {
  // A child: one workload, in a fresh process, so no other workload's garbage or JIT state counts.
  const dir = flags.anchors!;
  TASKS[Number(flags.task)][2]({ dir, exact: join(dir, 'exact'), gridScan: join(dir, 'grid_scan'), gridFast: join(dir, 'grid_fast'), lq: join(dir, 'lq'), compiler: '', dispose: () => undefined });
  rmSync(work, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

const anchors: Anchors | string = compileAnchors();
console.log(`mesalab bench, Node ${process.version}; ${typeof anchors === 'string' ? `C anchors skipped: ${anchors}` : `C anchors: ${anchors.compiler}, -O3`}; ${ROUNDS} rounds, CPU time, each workload in its own process`);
if (typeof anchors !== 'string') {
  console.log(`${'workload'.padEnd(44)} ${'mesalab'.padStart(10)} ${'C'.padStart(10)} ${'ratio'.padStart(7)}  check`);
  TASKS.forEach(([, part], index) => {
    if (!runs(part)) return;
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--task', String(index), '--anchors', anchors.dir, '--rounds', String(ROUNDS)], { stdio: 'inherit' });
    if (child.status !== 0) failed = true;
  });
  anchors.dispose();
}
rmSync(work, { recursive: true, force: true });

if (runs('other')) {
  const seed = parseScenarioConfig(seed2).scenario;
  const reference = medianMilliseconds(() => solveReference(seed), 5);
  const grid = medianMilliseconds(() => solveGrid(seed), 500);
  console.log(`seed-2: reference ${format(reference)}, grid ${format(grid)}, reference / grid = ${Math.round(reference / grid)}×`);
  const dpGame = parseGameConfig({ schedule: '1x200,0x800' }).game;
  console.log(`dp, 201-point grid, N = 1000 (1x200,0x800): ${format(medianMilliseconds(() => solveDp(dpGame, { points: 201 }), 3))}`);
  const neuralGame = parseGameConfig({ schedule: '1x20,0x80', policy: { type: 'mlp', hidden: [16, 16], activation: 'tanh' } }).game;
  const neuralStart = performance.now();
  solveNeural(neuralGame);
  console.log(`neural, seed-1, 2×16 tanh MLP (one solve, no warm-up): ${format(performance.now() - neuralStart)}`);
}
console.log(`peak resident memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (failed) {
  console.error('a C anchor disagrees with mesalab (see MISMATCH above)');
  process.exitCode = 1;
}

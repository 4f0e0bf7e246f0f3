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
 * Flags: --rounds R (default 5), --only exact|grid|lq|other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseScenarioConfig } from '../src/model/config.ts';
import { parseGameConfig } from '../src/model/gameConfig.ts';
import { linearScenario, type LinearScenario } from '../src/model/scenario.ts';
import { trainThenDeploy } from '../src/model/schedule.ts';
import { seed1, seed2 } from '../src/scenarios/seed.ts';
import { solveDp } from '../src/solvers/dp.ts';
import { solveExact } from '../src/solvers/exact.ts';
import { solveGrid } from '../src/solvers/grid.ts';
import { solveLq } from '../src/solvers/lq.ts';
import { lqForms } from '../src/solvers/lqForms.ts';
import { solveNeural } from '../src/solvers/neural.ts';
import { solveReference } from '../src/solvers/reference.ts';
import { type Anchors, compileAnchors, largestDifference, runAnchor, writeDoubles, writeWorkload } from './anchors/anchors.ts';

const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, only: { type: 'string' } } });
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

const anchors: Anchors | string = compileAnchors();
const work = mkdtempSync(join(tmpdir(), 'mesalab-bench-'));
let failed = false;
console.log(`mesalab bench, Node ${process.version}; ${typeof anchors === 'string' ? `C anchors skipped: ${anchors}` : `C anchors: ${anchors.compiler}, -O3`}; ${ROUNDS} rounds`);
console.log(`${'workload'.padEnd(44)} ${'mesalab'.padStart(10)} ${'C'.padStart(10)} ${'ratio'.padStart(7)}  check`);

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

if (typeof anchors !== 'string') {
  if (runs('exact')) {
    const exact = (s: LinearScenario) => solveExact(s).coefficients;
    const sweepPoints = sweepRates();
    const schedules = sweepPoints.map(({ rate }) => trainThenDeploy(200, 800, rate));
    const buildSweep = () => sweepPoints.map(({ discount }, i) => linearScenario({ schedule: schedules[i], discount }));
    const constructionMs = medianMilliseconds(buildSweep, ROUNDS);
    const withScheduleMs = medianMilliseconds(() => sweepPoints.map(({ rate, discount }) => linearScenario({ schedule: trainThenDeploy(200, 800, rate), discount })), ROUNDS);
    const fromSpecMs = medianMilliseconds(() => sweepPoints.map(({ discount }) => linearScenario({ schedule: '0.5x200,0x800', discount })), ROUNDS);
    const alternating = new Float64Array(1e6);
    for (let n = 0; n < alternating.length; n += 2) alternating[n] = 1;
    const workloads: [string, LinearScenario[]][] = [
      ['exact, seed-1 (1x20,0x80)', [parseScenarioConfig(seed1).scenario]],
      ['exact, seed-2 (1x100)', [parseScenarioConfig(seed2).scenario]],
      ['exact, ℓ = 1 throughout, N = 1e6', [linearScenario({ schedule: new Float64Array(1e6).fill(1) })]],
      ['exact, ℓ = 1 throughout, N = 1e7', [linearScenario({ schedule: new Float64Array(1e7).fill(1) })]],
      ['exact, sweep workload (1e4 × 1x200,0x800)', buildSweep()],
      ['exact, alternating 1,0 (N = 1e6)', [linearScenario({ schedule: alternating })]],
    ];
    for (const [label, scenarios] of workloads) compare(linearComparison(label, scenarios, anchors.exact, exact, false));
    const each = (ms: number) => format(ms / sweepPoints.length);
    console.log(`linearScenario, 1000-episode schedule: ${each(constructionMs)} (given a validated schedule), ${each(withScheduleMs)} (with trainThenDeploy), ${each(fromSpecMs)} (from the spec "0.5x200,0x800")`);
  }
  if (runs('grid')) {
    const grid = (s: LinearScenario) => solveGrid(s).coefficients;
    const seed = [parseScenarioConfig(seed2).scenario];
    const long = [linearScenario({ schedule: '1x2000,0x8000' })];
    compare(linearComparison('grid, seed-2 vs C fast path', seed, anchors.gridFast, grid, true));
    compare(linearComparison('grid, seed-2 vs C full scan', seed, anchors.gridScan, grid, true));
    compare(linearComparison('grid, N = 1e4 (1x2000,0x8000) vs C fast path', long, anchors.gridFast, grid, true));
    compare(linearComparison('grid, N = 1e4 (1x2000,0x8000) vs C full scan', long, anchors.gridScan, grid, true));
  }
  if (runs('lq')) {
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
    compare({
      label: 'lq, state (θ, β, b), y = a·θ, N = 1e6',
      episodes,
      inner: 1,
      pass: () => solveLq(game),
      coefficients: () => solveLq(game).actions,
      binary: anchors.lq,
      file,
    });
  }
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

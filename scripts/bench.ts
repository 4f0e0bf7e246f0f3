/**
 * `npm run bench`: solver speed, measured in one run so the figures can be compared as ratios.
 * - reference and grid on seed-2 (100 episodes at ℓ = 1) and their ratio;
 * - grid at N = 10⁴ (seed-1's shape: 2000 training episodes, then 8000 of deployment), the full
 *   scan of every grid point against the default fast path, and their ratio;
 * - exact at N = 10⁶ and 10⁷ episodes (training throughout, the cubic active at every step);
 * - lq with a 3-dimensional state (goal θ, belief β, frozen b) at N = 10⁶ with the one-component
 *   policy y = a·θ, and at N = 10⁴ with the two-component policy y = k_θθ + k_ββ;
 * - dp on a 201-point grid, N = 1000 (200 training at ℓ = 1, then 800 of deployment);
 * - neural on seed-1 with a 2×16 tanh MLP (one solve);
 * - the process's peak resident memory.
 * Timings are medians over repeated runs after a warm-up.
 */
import { linearScenario, type LinearScenario } from '../src/model/scenario.ts';
import { parseScenarioConfig } from '../src/model/config.ts';
import { seed2 } from '../src/scenarios/seed.ts';
import { solveExact } from '../src/solvers/exact/exact.ts';
import { solveGrid } from '../src/solvers/grid/grid.ts';
import { solveReference } from '../src/solvers/reference/reference.ts';
import { parseGameConfig } from '../src/model/gameConfig.ts';
import { solveLq } from '../src/solvers/lq/lq.ts';
import { solveDp } from '../src/solvers/dp/dp.ts';
import { solveNeural } from '../src/solvers/neural/neural.ts';

function medianMilliseconds(run: () => void, repeats: number): number {
  run(); // warm-up: let the JIT compile the hot loop
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`);

const seed: LinearScenario = parseScenarioConfig(seed2).scenario;
const reference = medianMilliseconds(() => solveReference(seed), 5);
const grid = medianMilliseconds(() => solveGrid(seed), 500);
console.log(`seed-2 (N = 100, G = 401, K = 11)`);
console.log(`  reference  ${format(reference)}`);
console.log(`  grid       ${format(grid)}`);
console.log(`  ratio      reference / grid = ${Math.round(reference / grid)}×`);

const long = linearScenario({ schedule: '1x2000,0x8000' });
const scan = medianMilliseconds(() => solveGrid(long, { search: 'scan' }), 11);
const fast = medianMilliseconds(() => solveGrid(long), 51);
console.log(`grid, N = 1e+4 (1x2000,0x8000, G = 401)`);
console.log(`  full scan  ${format(scan)}`);
console.log(`  fast path  ${format(fast)}`);
console.log(`  ratio      scan / fast = ${(scan / fast).toFixed(1)}×`);

for (const episodes of [1e6, 1e7]) {
  const scenario = linearScenario({ schedule: new Float64Array(episodes).fill(1) });
  // This VM's speed drifts between runs of a few hundred milliseconds: the median of several.
  const ms = medianMilliseconds(() => solveExact(scenario), episodes < 1e7 ? 11 : 7);
  console.log(`exact, N = ${episodes.toExponential(0)}: ${format(ms)}, ${((episodes / ms) * 1000).toExponential(2)} episodes/s`);
}
const beliefGame = (episodes: number, inputs: string[]) =>
  parseGameConfig({
    schedule: `1x${episodes}`,
    parameters: { theta: { initial: 0.8, prior: { min: -1, max: 1, count: 5 } }, beta: { initial: 0.5, prior: { min: -1, max: 1, count: 5 } } },
    policy: { type: 'linear', inputs },
    frozen: { b: 'beta' },
    believedObjective: '(y - b)^2',
  }).game;
for (const [episodes, inputs] of [[1e6, ['theta']], [1e4, ['theta', 'beta']]] as const) {
  const game = beliefGame(episodes, [...inputs]);
  const ms = medianMilliseconds(() => solveLq(game), 1);
  console.log(`lq, state (θ, β, b), policy over ${inputs.join(', ')}, N = ${episodes.toExponential(0)}: ${format(ms)}, ${((episodes / ms) * 1000).toExponential(2)} episodes/s`);
}
const dpGame = parseGameConfig({ schedule: '1x200,0x800' }).game;
console.log(`dp, 201-point grid, N = 1000 (1x200,0x800): ${format(medianMilliseconds(() => solveDp(dpGame, { points: 201 }), 1))}`);
const neuralGame = parseGameConfig({ schedule: '1x20,0x80', policy: { type: 'mlp', hidden: [16, 16], activation: 'tanh' } }).game;
const neuralStart = performance.now();
solveNeural(neuralGame);
console.log(`neural, seed-1, 2×16 tanh MLP (one solve, no warm-up): ${format(performance.now() - neuralStart)}`);
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(`peak resident memory: ${peakMiB.toFixed(0)} MiB`);

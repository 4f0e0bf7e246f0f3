/**
 * `npm run bench`: solver speed, measured in one run so the figures can be compared as ratios.
 * - reference and grid on seed-2 (100 episodes at ℓ = 1) and their ratio;
 * - exact at N = 10⁶ and 10⁷ episodes (training throughout, the cubic active at every step);
 * - the process's peak resident memory.
 * Timings are medians over repeated runs after a warm-up.
 */
import { linearScenario, type LinearScenario } from '../src/model/scenario.ts';
import { parseScenarioConfig } from '../src/model/config.ts';
import { seed2 } from '../src/scenarios/seed.ts';
import { solveExact } from '../src/solvers/exact.ts';
import { solveGrid } from '../src/solvers/grid.ts';
import { solveReference } from '../src/solvers/reference.ts';

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

for (const episodes of [1e6, 1e7]) {
  const scenario = linearScenario({ schedule: new Float64Array(episodes).fill(1) });
  const ms = medianMilliseconds(() => solveExact(scenario), 3);
  console.log(`exact, N = ${episodes.toExponential(0)}: ${format(ms)}, ${((episodes / ms) * 1000).toExponential(2)} episodes/s`);
}
const peakMiB = process.resourceUsage().maxRSS / 1024;
console.log(`peak resident memory: ${peakMiB.toFixed(0)} MiB`);

/**
 * Regenerates test/golden/seed.json: the seed experiments' coefficients and θ trajectories from
 * every solver, rounded to 10 decimals. Run `npx tsx scripts/updateGolden.ts` after a deliberate
 * change of results; never edit the file by hand.
 */
import { writeFileSync } from 'node:fs';
import { runExperiment } from '../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../src/model/config.ts';
import { seed1, seed2 } from '../src/scenarios/seed.ts';
import { LINEAR_SOLVER_NAMES } from '../src/solvers/registry.ts';
import { roundForGolden } from '../test/golden/round.ts';

const golden: Record<string, Record<string, { coefficients: number[]; theta: number[] }>> = {};
for (const config of [seed1, seed2]) {
  const parsed = parseScenarioConfig(config);
  golden[parsed.name] = {};
  for (const solver of LINEAR_SOLVER_NAMES) {
    const { trajectory } = runExperiment(parsed, solver);
    golden[parsed.name][solver] = { coefficients: roundForGolden(trajectory.coefficient), theta: roundForGolden(trajectory.theta) };
  }
}
writeFileSync(new URL('../test/golden/seed.json', import.meta.url), JSON.stringify(golden, null, 1) + '\n');
console.log('wrote test/golden/seed.json');

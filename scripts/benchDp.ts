/**
 * `npx tsx scripts/benchDp.ts`: the dp solver's speed on seed-like one-parameter games of
 * N = 1000 episodes at a 201-point state grid (target: under 0.3 s for the gradient update, issue 14):
 * - gradient update, 200 training episodes then 800 of deployment, and 1000 of training;
 * - REINFORCE (σ = 0.3, no baseline) on the first schedule, with 8 (the default) and 12
 *   Gauss–Hermite nodes.
 * Each figure is the median of 3 runs after a warm-up, as wall time and as this process's CPU
 * time (on a busy machine the wall time also counts other processes' turns).
 * Flags: --quick runs the gradient cases only.
 */
import { parseGameConfig } from '../src/model/gameConfig.ts';
import { solveDp, type DpOptions } from '../src/solvers/dp/dp.ts';
import { timeRuns as time } from './cpuTiming.ts';


const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const cases: { label: string; config: object; options: DpOptions }[] = [
  { label: 'gradient, 1x200,0x800', config: { schedule: '1x200,0x800' }, options: { points: 201 } },
  { label: 'gradient, 1x1000', config: { schedule: '1x1000' }, options: { points: 201 } },
];
if (!process.argv.includes('--quick')) {
  const reinforce = { schedule: '1x200,0x800', update: { type: 'reinforce', sigma: 0.3, baseline: 'none' } };
  cases.push({ label: 'REINFORCE σ = 0.3, 1x200,0x800, Q = 8', config: reinforce, options: { points: 201, quadrature: 8 } });
  cases.push({ label: 'REINFORCE σ = 0.3, 1x200,0x800, Q = 12', config: reinforce, options: { points: 201, quadrature: 12 } });
}

solveDp(parseGameConfig({ schedule: '1x20,0x20' }).game, { points: 201 }); // warm-up: let the JIT compile the hot loops
console.log('dp solver, N = 1000 episodes, 201-point grid, 401 candidate actions, 11 prior points');
for (const { label, config, options } of cases) {
  const game = parseGameConfig(config).game;
  const { wall, cpu } = time(() => solveDp(game, options));
  console.log(`  ${label.padEnd(40)} ${seconds(wall)} wall, ${seconds(cpu)} CPU`);
}

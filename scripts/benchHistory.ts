/**
 * `npx tsx scripts/benchHistory.ts [--check]`: the history solver (K = 10 gradient steps on all
 * past data, solver `history`) on the online-all-data scenario at N = 100 (ℓ = 0.05, the default
 * 401-point grid), with a deployment stage (20 + 80) and without (100 training). Target: under
 * 1 s each. Figures are medians of 3 solves after a warm-up, wall and this process's CPU time,
 * and as a ratio to an anchor timed in the same run (the grid solver on the seed's 1x100, median of
 * 51), since this machine is shared. The resolution each solve used is printed.
 * --check also tabulates every lattice point (exact, tens of seconds) and compares the plans.
 */
import { parseGameConfig } from '../src/model/gameConfig.ts';
import { linearScenario } from '../src/model/scenario.ts';
import { LEARNERS, onlineConfig, STAGES } from '../src/scenarios/online.ts';
import { solveGrid } from '../src/solvers/grid/grid.ts';
import { solveHistory, type HistorySolution } from '../src/solvers/history/historyDp.ts';
import { timeRuns as time } from './cpuTiming.ts';


const seed = linearScenario({ schedule: '1x100' });
solveGrid(seed);
const anchor = time(() => solveGrid(seed), 51);
console.log(`anchor: grid solver, seed 1x100: ${anchor.cpu.toFixed(2)} ms CPU (${anchor.wall.toFixed(2)} ms wall)`);
const learner = LEARNERS.find((l) => l.id === 'all-data')!;
for (const stage of STAGES) {
  const { game } = parseGameConfig(onlineConfig(learner, stage));
  if (game.update.type !== 'gradient-all') throw new Error('online-all-data is a gradient-all game');
  const options = { data: 'all' as const, steps: game.update.steps, discount: game.discount, coefficientGrid: game.actionGrid };
  let solution: HistorySolution | null = null;
  solveHistory(game.schedule, options);
  const t = time(() => (solution = solveHistory(game.schedule, options)), 3);
  const r = solution!.resolution;
  console.log(
    `online-all-data-${stage.id} (N = ${game.schedule.length}): ${(t.cpu / 1000).toFixed(2)} s CPU, ${(t.wall / 1000).toFixed(2)} s wall, ` +
      `${(t.cpu / anchor.cpu).toFixed(0)}× the anchor; ${r.kind}, ${r.points} nodes (tried ${r.tried.join(', ')}), converged ${r.converged}`,
  );
  if (process.argv.includes('--check')) {
    const cpu = process.cpuUsage();
    const exact = solveHistory(game.schedule, { ...options, latticeBudget: Infinity });
    const same = exact.coefficients.every((a, n) => a === solution!.coefficients[n]) && exact.ties.join() === solution!.ties.join();
    console.log(`  every lattice point (${exact.resolution.points}): ${((process.cpuUsage(cpu).user) / 1e6).toFixed(1)} s CPU; same plan and ties: ${same}`);
  }
}

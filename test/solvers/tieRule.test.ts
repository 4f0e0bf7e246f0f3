import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { resultToJson } from '../../src/report/resultJson.ts';
import { chooseSolver as chooseGameSolver } from '../../src/solvers/registry.ts';
import { solveFullReoptimisation } from '../../src/solvers/history/fullReoptimisation.ts';
import { solveHistory } from '../../src/solvers/history/historyDp.ts';
import { chooseGridPoint, TIE_RULES, tiePreference } from '../../src/solvers/tieRule.ts';
import { bruteForceHistory } from '../helpers/historyBruteForce.ts';

describe('chooseGridPoint(costs, preference)', () => {
  it('picks the smallest, the largest or the most honest of the tied points', () => {
    const grid = Float64Array.of(-1, 0, 0.5, 1.5, 2);
    const costs = Float64Array.of(3, 1, 2, 1, 1);
    expect(chooseGridPoint(costs, 5, tiePreference('smallest', grid))).toEqual({ index: 1, tied: true });
    expect(chooseGridPoint(costs, 5, tiePreference('largest', grid))).toEqual({ index: 4, tied: true });
    expect(chooseGridPoint(costs, 5, tiePreference('honest', grid))).toEqual({ index: 3, tied: true });
  });
});

describe('solveHistory under each tie rule', () => {
  it('equals the brute-force subgame-perfect path and ties on random short schedules', () => {
    // A coarse grid makes exact ties common (e.g. the deployment-stage indifferences).
    const grid = Float64Array.of(-1, -0.5, 0, 0.5, 1, 1.5);
    const games = fc.record({
      schedule: fc.array(fc.constantFrom(0, 0.05, 0.25, 0.5, 1), { minLength: 2, maxLength: 4 }),
      steps: fc.constantFrom(1, 2, 10),
      discount: fc.constantFrom(0.5, 1),
      tieRule: fc.constantFrom(...TIE_RULES),
    });
    fc.assert(
      fc.property(games, ({ schedule, steps, discount, tieRule }) => {
        const expected = bruteForceHistory({ schedule, grid, steps, discount, tieRule });
        const solved = solveHistory(Float64Array.from(schedule), { data: 'all', steps, discount, coefficientGrid: grid, tieRule });
        expect(Array.from(solved.coefficients)).toEqual(expected.path);
        expect(solved.ties).toEqual(expected.ties);
      }),
      { numRuns: 60 },
    );
  });
});

describe('tieRule in a game config', () => {
  it('full re-optimisation online: smallest waits, largest and honest reset at once', () => {
    const { ties, coefficients } = solveFullReoptimisation(Float64Array.from([1, 1, 1, 1]), 1, true);
    expect(ties).toEqual([0, 1, 2]);
    expect(Array.from(coefficients)).toEqual([1, 1, 1, 1]);
    const run = (tieRule: string) => chooseGameSolver('auto', parseGameConfig({ schedule: '1x4', update: { type: 'full' }, tieRule }).game);
    expect(run('honest').name).toBe('history');
  });

  it('the seed-family solvers honour a game config\'s rule and report it with the ties', () => {
    // Every deployment agent is indifferent between 0.5 and 1.5, equally far from honest play.
    const config = (tieRule: string) => parseGameConfig({ schedule: [0, 0, 0], coefficientGrid: [0, 0.5, 1.5], tieRule }).game;
    for (const [tieRule, played] of [['smallest', 0.5], ['largest', 1.5], ['honest', 0.5]] as const) {
      for (const name of ['grid', 'reference']) {
        const solved = chooseGameSolver(name, config(tieRule)).solve(config(tieRule));
        expect([Array.from(solved.actions), solved.ties, solved.tieRule]).toEqual([[played, played, played], [0, 1, 2], tieRule]);
      }
    }
    // The continuous solvers have no tie here (a = 1), and auto picks the most exact of them.
    const exact = chooseGameSolver('auto', config('largest'));
    expect(exact.name).toBe('exact');
    expect(exact.solve(config('largest'))).toMatchObject({ ties: [], tieRule: 'largest' });
    expect(chooseGameSolver('lq', config('honest')).solve(config('honest'))).toMatchObject({ ties: [], tieRule: 'honest' });
  });

  it('a seed config\'s tieRule reaches the seed pipeline, and its result JSON reports the rule with the ties', () => {
    const run = (tieRule: string | undefined, solver: string) =>
      resultToJson(runExperiment(parseScenarioConfig({ schedule: [0, 0], coefficientGrid: [0, 0.5, 1.5], ...(tieRule ? { tieRule } : {}), solver })));
    for (const solver of ['grid', 'reference']) {
      expect(run('largest', solver)).toMatchObject({ coefficients: [1.5, 1.5], ties: [0, 1], tieRule: 'largest' });
      expect(run(undefined, solver)).toMatchObject({ coefficients: [0.5, 0.5], ties: [0, 1], tieRule: 'smallest' });
    }
    expect(run('honest', 'exact')).toMatchObject({ coefficients: [1, 1], ties: [], tieRule: 'honest' });
    expect(() => parseScenarioConfig({ schedule: '1x2', tieRule: 'biggest' })).toThrow(/tieRule/);
  });

  it('solvers that do not honour a rule other than smallest refuse it, naming the rule', () => {
    const { game } = parseGameConfig({ schedule: '1x3', tieRule: 'largest' });
    expect(() => chooseGameSolver('dp', game)).toThrow(/tie rule "smallest" \(asked: "largest"\)/);
    expect(() => parseGameConfig({ schedule: '1x3', tieRule: 'biggest' })).toThrow(/tieRule/);
  });
});

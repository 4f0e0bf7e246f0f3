import { describe, expect, it } from 'vitest';
import { runGame } from '../../../src/experiment/gameExperiment.ts';
import { parseGameConfig } from '../../../src/model/gameConfig.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { solveDp } from '../../../src/solvers/dp/dp.ts';
import { chooseSolver } from '../../../src/solvers/registry.ts';
import { solveGrid } from '../../../src/solvers/grid/grid.ts';

describe('a discrete policy (a finite set of actions)', () => {
  const config = { schedule: '1x8,0x4', policy: { type: 'discrete', actions: [1, 0, 0.5, 0.25, 0] } } as const;

  it('plays only its actions, and dp equals the grid solver on the same set', () => {
    const game = parseGameConfig(config).game;
    expect(Array.from(game.actionGrid)).toEqual([0, 0.25, 0.5, 1]);
    const grid = solveGrid(linearScenario({ schedule: '1x8,0x4', coefficientGrid: [0, 0.25, 0.5, 1] })).coefficients;
    const dp = solveDp(game).actions;
    expect(Array.from(dp)).toEqual(Array.from(grid));
    expect(dp.every((a) => [0, 0.25, 0.5, 1].includes(a))).toBe(true);
  });

  it('auto picks a solver that respects it; the continuous solvers refuse it, saying why', () => {
    const game = parseGameConfig(config).game;
    expect(chooseSolver('auto', game).name).toBe('dp');
    expect(() => chooseSolver('exact', game)).toThrow(/continuous coefficients, and this policy is discrete/);
    expect(() => chooseSolver('lq', game)).toThrow(/continuous actions, and this policy is discrete/);
    expect(runGame(parseGameConfig(config), 'grid').trajectory.actions.a.every((a) => [0, 0.25, 0.5, 1].includes(a))).toBe(true);
  });

  it('rejects an empty action set or a coefficient grid beside it, naming the field', () => {
    expect(() => parseGameConfig({ schedule: '1', policy: { type: 'discrete', actions: [] } })).toThrow(/policy.actions/);
    expect(() => parseGameConfig({ ...config, coefficientGrid: [0, 1] })).toThrow(/coefficientGrid: a discrete policy/);
  });
});

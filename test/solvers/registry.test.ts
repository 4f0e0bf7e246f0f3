import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { chooseSolver, getSolver, LINEAR_SOLVER_NAMES, SOLVER_NAMES, SOLVERS } from '../../src/solvers/registry.ts';

describe('solver registry', () => {
  it('derives every name list from SOLVERS', () => {
    expect(SOLVER_NAMES).toEqual(['auto', ...SOLVERS.map((s) => s.name)]);
    expect(LINEAR_SOLVER_NAMES).toEqual(['exact', 'grid', 'reference']);
    expect(new Set(SOLVER_NAMES).size).toBe(SOLVER_NAMES.length);
  });

  it('auto picks the most exact solver that supports the game, never the discretised grid or the oracle', () => {
    const seed = parseGameConfig({ schedule: '1x20,0x80' }).game;
    expect(chooseSolver('auto', seed).name).toBe('exact');
    const kStep = parseGameConfig({ schedule: '1x5', update: { type: 'gradient-all', steps: 2 } }).game;
    expect(chooseSolver('auto', kStep).name).toBe('history');
  });

  it('says why a solver cannot solve a game', () => {
    const kStep = parseGameConfig({ schedule: '1x5', update: { type: 'gradient-all', steps: 2 } }).game;
    expect(() => chooseSolver('exact', kStep)).toThrow(/solver: exact cannot solve this game/);
  });

  it('getSolver gives the seed pipeline only the seed-family solvers', () => {
    expect(getSolver('grid').name).toBe('grid');
    expect(() => getSolver('lq')).toThrow(/lq does not run on the seed pipeline/);
    expect(() => getSolver('magic')).toThrow(/unknown solver "magic"/);
  });
});

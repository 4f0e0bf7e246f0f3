import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { InputError } from '../../src/errors/inputError.ts';
import { historySolver } from '../../src/solvers/history/historySolver.ts';

describe('parseGameConfig(update: full)', () => {
  it('rejects a coefficient grid without 0, naming coefficientGrid', () => {
    const run = () => parseGameConfig({ schedule: '1x3', update: { type: 'full' }, coefficientGrid: [-1, -0.5, 0.5, 1] });
    expect(run).toThrow(InputError);
    expect(run).toThrow(/^coefficientGrid: .*needs the action 0 exactly/);
  });

  it('rejects a grid without 1 (the reset the solver plays) and accepts one with both', () => {
    expect(() => parseGameConfig({ schedule: '1x3', update: { type: 'full' }, coefficientGrid: [0, 0.5] })).toThrow(/^coefficientGrid: .*action 1/);
    expect(parseGameConfig({ schedule: '1x3', update: { type: 'full' }, coefficientGrid: [0, 1] }).game.actionGrid.length).toBe(2);
  });

  it('leaves the gradient rules alone, and the history solver checks a game built by hand', () => {
    expect(() => parseGameConfig({ schedule: '1x3', update: { type: 'gradient-all', steps: 2 }, coefficientGrid: [0.5, 1] })).not.toThrow();
    const { game } = parseGameConfig({ schedule: '1x3', update: { type: 'full' } });
    expect(() => historySolver.solve({ ...game, actionGrid: Float64Array.of(0.5, 1) })).toThrow(/^coefficientGrid: /);
  });
});

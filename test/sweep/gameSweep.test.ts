import { describe, expect, it } from 'vitest';
import { runGame } from '../../src/experiment/gameExperiment.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { evaluatePoint } from '../../src/sweep/evaluate.ts';
import { compileSweep } from '../../src/sweep/sweep.ts';

const base = { schedule: { training: 6, deployment: 4, learningRate: 0.2 }, update: { type: 'gradient-all', steps: 1 } };

describe('compileSweep over game fields', () => {
  it('sweeps update.steps, each point equal to running that game directly', () => {
    const sweep = compileSweep({ base, sweep: { 'update.steps': [1, 2, 5] }, metrics: ['firstCoefficient', 'goalRetained', 'firstAction.a'] });
    expect(sweep.points).toBe(3);
    [1, 2, 5].forEach((steps, id) => {
      const row = evaluatePoint(sweep, id);
      const direct = runGame(parseGameConfig({ ...base, update: { type: 'gradient-all', steps } }, 'sweep'));
      expect(row.metrics).toEqual({ firstCoefficient: direct.metrics.firstAction.a, goalRetained: direct.metrics.goalRetained, 'firstAction.a': direct.metrics.firstAction.a });
    });
  });

  it('names a game metric that does not exist, listing the known ones', () => {
    expect(() => compileSweep({ base, sweep: { 'update.steps': [1] }, metrics: ['firstAction.b'] })).toThrow(/metrics\[0\]: unknown metric "firstAction.b"; known: firstAction.a/);
  });

  it('refuses a swept value the game schema refuses, naming the swept path', () => {
    expect(() => compileSweep({ base, sweep: { 'update.steps': [1, 0] } })).toThrow(/sweep.update.steps: value 0 is invalid/);
  });

  it('accepts any registered solver and refuses an unknown one', () => {
    expect(compileSweep({ base, sweep: { 'update.steps': [1] }, solver: 'history' }).base.solver).toBe('history');
    expect(() => compileSweep({ base, sweep: { 'update.steps': [1] }, solver: 'magic' })).toThrow(/solver: unknown solver; known: auto, exact, lq/);
  });
});

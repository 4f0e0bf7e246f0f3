import { describe, expect, it } from 'vitest';
import { parseGameConfig } from '../../src/model/gameConfig.ts';

describe('parseGameConfig', () => {
  it('reads a seed config as the one-parameter game y = a·θ, y² + λθ², (y − θ)²', () => {
    const { game, solver } = parseGameConfig({ schedule: '1x3', regularizer: 0.1, theta0: 0.5 });
    expect(game.parameters.map((p) => [p.name, p.initial, p.prior.length])).toEqual([['theta', 0.5, 11]]);
    expect(game.policy).toEqual({ type: 'linear', inputs: [0] });
    expect(game.baseObjective.evaluate({ y: 2, theta: 1 })).toBeCloseTo(4.1, 12);
    expect(game.believedObjective.source).toBe(game.baseObjective.source);
    expect(game.mesaCost.evaluate({ y: 1, goal: 3 })).toBe(4);
    expect(game.update).toEqual({ type: 'gradient' });
    expect(solver).toBe('auto');
  });

  it('reads parameters, frozen copies, policies and update rules', () => {
    const { game } = parseGameConfig({
      schedule: '1x2',
      parameters: { theta: { initial: 0.8, prior: [-1, 1] }, beta: { initial: 0.5, prior: { min: -1, max: 1, count: 3 } } },
      policy: { type: 'linear', inputs: ['theta', 'beta'] },
      frozen: { b: 'beta' },
      believedObjective: '(y - b)^2',
      update: { type: 'reinforce', sigma: 0.5 },
    });
    expect(game.policy).toEqual({ type: 'linear', inputs: [0, 1] });
    expect(game.frozen).toEqual([{ name: 'b', source: 1 }]);
    expect(game.update).toEqual({ type: 'reinforce', sigma: 0.5, baseline: 'none' });
  });

  it.each([
    [{ schedule: '1', goal: 'phi' }, 'goal', /not a parameter/],
    [{ schedule: '1', parameters: { y: { initial: 1, prior: [1] } } }, 'parameters.y', /reserved/],
    [{ schedule: '1', parameters: { theta: { initial: 1, prior: [1] } }, theta0: 1 }, 'theta0', /inside parameters/],
    [{ schedule: '1', baseObjective: 'y^2 + beta' }, 'baseObjective', /unknown variable beta/],
    [{ schedule: '1', policy: { type: 'linear', inputs: ['beta'] } }, 'policy.inputs[0]', /not a parameter/],
    [{ schedule: '1', policy: { type: 'mlp', hidden: [0] } }, 'policy.hidden.0', />=1/],
    [{ schedule: '1', update: { type: 'reinforce', sigma: -1 } }, 'update.sigma', /0/],
    [{ schedule: '1', update: { type: 'teleport' } }, 'update.type', /gradient/],
    [{ schedule: '1', frozen: { b: 'beta' } }, 'frozen.b', /not a parameter/],
    [{ schedule: '1', mesaCost: 'import("x")' }, 'mesaCost', /not allowed/],
  ])('rejects %j naming the field', (input, field, message) => {
    try {
      parseGameConfig(input);
      expect.fail('expected an error');
    } catch (error) {
      expect((error as { field?: string }).field).toBe(field);
      expect((error as Error).message).toMatch(message);
    }
  });
});

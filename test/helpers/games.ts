import type { GameConfig } from '../../src/model/gameConfig.ts';

/** The misconception game of DESIGN §3.3: belief β, policy k_θθ + k_ββ, believed loss (y − b)², b = β frozen. */
export const beliefGame = (schedule: number[] | string, discount = 1): GameConfig => ({
  schedule,
  discount,
  parameters: { theta: { initial: 0.8, prior: { min: -1, max: 1, count: 5 } }, beta: { initial: 0.5, prior: { min: -1, max: 1, count: 5 } } },
  policy: { type: 'linear', inputs: ['theta', 'beta'] },
  frozen: { b: 'beta' },
  believedObjective: '(y - b)^2',
});

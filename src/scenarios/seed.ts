import type { ScenarioConfig } from '../model/config.ts';

/** Experiment one of the seed post: 20 training episodes at ℓ = 1, then 80 of deployment. */
export const seed1: ScenarioConfig = {
  name: 'seed-1',
  description: '20 training episodes at learning rate 1, then 80 deployment episodes; theta0 = 0.8',
  schedule: { training: 20, deployment: 80, learningRate: 1 },
  theta0: 0.8,
  plotWindow: 30,
};

/** Experiment two: training never stops (100 episodes at ℓ = 1). */
export const seed2: ScenarioConfig = {
  name: 'seed-2',
  description: '100 training episodes at learning rate 1 and no deployment; theta0 = 0.8',
  schedule: { training: 100, deployment: 0, learningRate: 1 },
  theta0: 0.8,
  plotWindow: 100,
};

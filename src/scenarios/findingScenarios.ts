/**
 * One built-in scenario per section of the findings page, each at the finding's own setting: the
 * findings compute every number by running these configs (with fields changed by dotted path)
 * through the one pipeline, so `mesalab run NAME --set PATH=VALUE …` reproduces any of them.
 */
import type { ScenarioConfig } from '../model/config.ts';
import type { GameConfig } from '../model/gameConfig.ts';
import type { BuiltInScenario } from './builtInScenario.ts';

const SEED1_SCHEDULE = { training: 20, deployment: 80, learningRate: 1 };

/** Fixed discount γ on the mesa objective (seed-1's schedule), exact solver. */
export const discountScenario: ScenarioConfig = {
  name: 'discount',
  description: 'seed-1 with the mesa objective discounted by γ = 0.95 (exact solver)',
  schedule: SEED1_SCHEDULE,
  theta0: 0.8,
  discount: 0.95,
  solver: 'exact',
  plotWindow: 30,
};

/** γ trained by the base optimizer from γ₀ = 0.5 (seed-1's schedule). */
export const trainedDiscountBuiltIn: GameConfig = {
  name: 'trained-discount',
  description: 'seed-1 with the discount trained by the base optimizer from γ₀ = 0.5 (31-node γ grid)',
  schedule: SEED1_SCHEDULE,
  theta0: 0.8,
  trainedDiscount: { initial: 0.5, nodes: 31 },
  plotWindow: 30,
};

/** A regularizer λθ² in the base objective (seed-1's schedule), exact solver. */
export const regularizerScenario: ScenarioConfig = {
  name: 'regularizer',
  description: 'seed-1 with a regularizer 0.01·θ² in the base objective (exact solver)',
  schedule: SEED1_SCHEDULE,
  theta0: 0.8,
  regularizer: 0.01,
  solver: 'exact',
  plotWindow: 30,
};

/** The belief game of DESIGN §3.3: goal θ, belief β, believed loss (y − b)² with b = β held fixed. */
export const misconceptionScenario: GameConfig = {
  name: 'misconception',
  description: 'goal θ and a misconceived belief β₀ = 0.5 about the base objective, slow training ℓ = 0.1 for 100 episodes (lq solver)',
  schedule: '0.1x100',
  parameters: { theta: { initial: 0.8, prior: { min: -1, max: 1, count: 5 } }, beta: { initial: 0.5, prior: { min: -1, max: 1, count: 5 } } },
  goal: 'theta',
  policy: { type: 'linear', inputs: ['theta', 'beta'] },
  frozen: { b: 'beta' },
  baseObjective: 'y^2',
  believedObjective: '(y - b)^2',
  solver: 'lq',
};

/** An MLP policy y = f_w(θ), 2 × 16 tanh, on seed-1's schedule. */
export const neuralScenario: GameConfig = {
  name: 'neural',
  description: 'seed-1 with an MLP policy y = f_w(θ) (two hidden layers of 16, tanh) instead of y = a·θ (neural solver)',
  schedule: SEED1_SCHEDULE,
  theta0: 0.8,
  policy: { type: 'mlp', hidden: [16, 16], activation: 'tanh' },
  solver: 'neural',
  plotWindow: 30,
};

/** Training ends at a constant hazard 1/20; the observation shifts by δ = 2 at deployment. */
export const uncertainDeploymentScenario: GameConfig = {
  name: 'uncertain-deployment',
  description: 'training ends with probability 1/20 after each episode (100 episodes, ℓ = 1); the observation shifts by δ = 2 at deployment',
  schedule: '1x100',
  theta0: 0.8,
  deployment: { hazard: 0.05, shift: 2, binWidth: 0.05, margin: 8, probeEpisode: 20 },
};

/** The stationary equilibrium of ℓ = 1 for ever at γ = 0.99 (100 episodes shown). */
export const stationaryScenario: GameConfig = {
  name: 'infinite-horizon',
  description: 'training that never ends at ℓ = 1 with γ = 0.99: the stationary equilibrium, 100 episodes shown',
  schedule: '1x100',
  theta0: 0.8,
  discount: 0.99,
  horizon: 'stationary',
};

/** 20 training episodes, then deployment that never ends, at γ = 0.99 (80 deployment episodes shown). */
export const endlessDeploymentScenario: GameConfig = {
  name: 'endless-deployment',
  description: '20 training episodes at ℓ = 1, then deployment that never ends, γ = 0.99 (80 deployment episodes shown)',
  schedule: SEED1_SCHEDULE,
  theta0: 0.8,
  discount: 0.99,
  horizon: 'endless-deployment',
  plotWindow: 30,
};

/** The corridor of Risks from Learned Optimization: 2 training and 3 deployment episodes, γ = 1. */
export const corridorScenario: GameConfig = {
  name: 'corridor',
  description: 'the corridor of Risks from Learned Optimization: walk to A or B, 2 training then 3 deployment episodes, γ = 1',
  schedule: { training: 2, deployment: 3, learningRate: 1 },
  discount: 1,
  corridor: true,
};

const single = (config: ScenarioConfig | GameConfig, section: string): BuiltInScenario => ({
  name: config.name ?? '',
  description: config.description ?? '',
  section,
  configs: [config],
});

/** The built-ins of the findings sections, in page order (online learning has its own, scenarios/online.ts). */
export function findingScenarios(): BuiltInScenario[] {
  return [
    single(discountScenario, 'discount'),
    single(trainedDiscountBuiltIn, 'discount'),
    single(regularizerScenario, 'regularizer'),
    single(misconceptionScenario, 'misconception'),
    single(neuralScenario, 'neural'),
    single(uncertainDeploymentScenario, 'uncertain-deployment'),
    single(stationaryScenario, 'infinite-horizon'),
    single(endlessDeploymentScenario, 'infinite-horizon'),
    single(corridorScenario, 'corridor'),
  ];
}

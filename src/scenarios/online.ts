/**
 * Built-in scenarios of online learning (DESIGN §4): the same horizon and learning rate under
 * each base optimizer, with a deployment stage and without — `online-<learner>` runs both stages,
 * `online` runs everything.
 */
import type { GameConfig } from '../model/gameConfig.ts';
import type { BuiltInScenario } from './builtInScenario.ts';

export const ONLINE_RATE = 0.05;
export const ONLINE_STEPS = 10;
export const REINFORCE_SIGMA = 0.5;

export const LEARNERS = [
  { id: 'seed', label: 'one step, newest episode (seed)', update: { type: 'gradient' } },
  { id: 'all-data', label: `${ONLINE_STEPS} steps, all past data`, update: { type: 'gradient-all', steps: ONLINE_STEPS } },
  { id: 'full', label: 'full re-optimisation', update: { type: 'full' } },
  { id: 'reinforce', label: `REINFORCE, σ = ${REINFORCE_SIGMA}, no baseline`, update: { type: 'reinforce', sigma: REINFORCE_SIGMA, baseline: 'none' } },
  { id: 'reinforce-baseline', label: `REINFORCE, σ = ${REINFORCE_SIGMA}, expected-reward baseline`, update: { type: 'reinforce', sigma: REINFORCE_SIGMA, baseline: 'expected' } },
] as const;

export const STAGES = [
  { id: 'deployment', label: '20 training + 80 deployment', schedule: { training: 20, deployment: 80, learningRate: ONLINE_RATE } },
  { id: 'online', label: '100 training, no deployment', schedule: { training: 100, deployment: 0, learningRate: ONLINE_RATE } },
] as const;

/** The seed of the REINFORCE runs the online-learning finding reports (with the default 1,000 runs). */
export const REINFORCE_SEED = 1;

/** One learner on one stage; REINFORCE is solved by dp and played over seeded runs. */
export function onlineConfig(learner: (typeof LEARNERS)[number], stage: (typeof STAGES)[number]): GameConfig {
  const config: GameConfig = { name: `online-${learner.id}-${stage.id}`, schedule: { ...stage.schedule }, theta0: 0.8, update: { ...learner.update } as GameConfig['update'] };
  return learner.update.type === 'reinforce' ? { ...config, solver: 'dp', seed: REINFORCE_SEED, runs: 1000 } : { ...config, solver: 'auto' };
}

export function onlineScenarios(): BuiltInScenario[] {
  const perLearner = LEARNERS.map((learner) => ({
    name: `online-${learner.id}`,
    section: 'online',
    description: `${learner.label}: ${STAGES.map((s) => s.label).join(', and ')}`,
    configs: STAGES.map((stage) => onlineConfig(learner, stage)),
  }));
  return [...perLearner, { name: 'online', section: 'online', description: 'every online learner, with and without a deployment stage', configs: perLearner.flatMap((s) => s.configs) }];
}

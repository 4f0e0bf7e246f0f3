/**
 * Built-in scenarios of online learning (DESIGN §4): the same horizon and learning rate under
 * each base optimizer, with a deployment stage and without — `online-<learner>` runs both stages,
 * `online` runs everything.
 */
import type { GameConfig } from '../model/gameConfig.ts';
import { LEARNERS, onlineConfig, STAGES } from '../findings/online.ts';
import type { BuiltInScenario } from './registry.ts';

export function onlineScenarios(): BuiltInScenario[] {
  const perLearner = LEARNERS.map((learner) => ({
    name: `online-${learner.id}`,
    description: `${learner.label}: ${STAGES.map((s) => s.label).join(', and ')}`,
    configs: STAGES.map((stage) => withSolver(onlineConfig(learner, stage), learner.update.type === 'reinforce' ? 'dp' : 'auto')),
  }));
  return [...perLearner, { name: 'online', description: 'every online learner, with and without a deployment stage', configs: perLearner.flatMap((s) => s.configs) }];
}

const withSolver = (config: GameConfig, solver: string): GameConfig => ({ ...config, solver });

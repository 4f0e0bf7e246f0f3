/**
 * Infinite horizons (DESIGN §3.6) as a registered solver, for seed-family scenarios with γ < 1:
 *   horizon: stationary          every agent plays the stationary a* of constant ℓ for ever; the
 *                                schedule (one rate throughout) says how many episodes to show.
 *                                With several fixed points the tie rule picks one (smallest,
 *                                largest, or closest to honest a = 1); all are counted.
 *   horizon: endless-deployment  the schedule's T training episodes at one rate, then deployment
 *                                that never ends (its first D episodes shown, each playing 1).
 * The coefficients are the plan; the generic rollout plays them.
 */
import { InputError } from '../../errors/inputError.ts';
import type { Game } from '../../model/game.ts';
import { trainThenDeployShape, type TrainThenDeployShape } from '../../model/schedule.ts';
import type { LinearScenario } from '../../model/scenario.ts';
import type { TieRuleName } from '../../model/tieRuleName.ts';
import type { GameEquilibrium } from '../gameSolver.ts';
import { preparedSolver } from '../preparedSolver.ts';
import { asLinearScenario } from '../seedAdapters.ts';
import { stationaryEquilibria, trainingThenEndlessDeployment } from './stationary.ts';

interface Plan {
  readonly scenario: LinearScenario;
  readonly shape: TrainThenDeployShape;
}

function plan(game: Game): Plan | string {
  const scenario = asLinearScenario(game);
  if (typeof scenario === 'string') return `the infinite-horizon solver handles the seed family only: ${scenario}`;
  if (game.policy.type === 'linear' && game.policy.discrete) return 'the infinite-horizon solver chooses continuous coefficients, and this policy is discrete';
  if (!(scenario.discount < 1)) return `horizon: ${game.horizon} needs discount < 1 (the sums over an endless future diverge at γ = 1)`;
  const shape = trainThenDeployShape(game.schedule);
  if (typeof shape === 'string') return `horizon: ${shape}`;
  if (shape.training === 0) return `horizon: ${game.horizon} needs training episodes (ℓ > 0) in the schedule`;
  if (game.horizon === 'stationary' && shape.deployment > 0) return 'horizon: stationary plays one learning rate for ever; the schedule must not have deployment episodes';
  return { scenario, shape };
}

/** The fixed point the tie rule plays among several stationary equilibria. */
function pick(equilibria: readonly number[], rule: TieRuleName): number {
  if (rule === 'smallest') return equilibria[0];
  if (rule === 'largest') return equilibria[equilibria.length - 1];
  return equilibria.reduce((best, a) => (Math.abs(a - 1) < Math.abs(best - 1) ? a : best));
}

export const infiniteHorizonSolver = preparedSolver({
  name: 'infinite-horizon',
  description: 'stationary equilibria of constant ℓ and γ < 1, and training followed by endless deployment',
  extension: 'horizon',
  prepare: plan,
  solve(game, p): GameEquilibrium {
    const { scenario, shape } = p;
    const episodes = game.schedule.length;
    const rule = game.tieRule ?? 'smallest';
    const actions = new Float64Array(episodes).fill(1);
    let count: number | null = null;
    if (game.horizon === 'stationary') {
      const equilibria = stationaryEquilibria(shape.rate, scenario.discount, scenario.regularizer);
      if (equilibria.length === 0) throw new InputError('horizon', `no stationary equilibrium in [−2, 2] at ℓ = ${shape.rate}, γ = ${scenario.discount}`);
      actions.fill(pick(equilibria, rule));
      count = equilibria.length;
    } else {
      actions.set(trainingThenEndlessDeployment(shape.training, shape.rate, scenario.discount, scenario.regularizer));
    }
    return {
      solver: 'infinite-horizon',
      actionNames: ['a'],
      actions,
      ties: [],
      tieRule: rule,
      outcome: { metrics: { extension: { stationaryEquilibria: count } } },
    };
  },
});

/**
 * Uncertain deployment (DESIGN §3.5) as a registered solver, for seed-family scenarios (λ = 0)
 * with a `deployment` block. The schedule gives N and the training rate ℓ (one rate throughout:
 * when training stops is the block's hazard or training-length prior, not the schedule); the
 * observation is x ~ N(0, 1) in training and N(δ, 1) in deployment, binned (δ = "observed": the
 * agent sees its phase). The plan a_n(x) comes from uncertainDeployment.ts; the trajectory is its
 * exact expectation over phases and observations (uncertainDeploymentOutcome.ts): E[θ_n], E[a_n],
 * E[y_n], E[y_n²], with the expected learning rate P(training at n)·ℓ. The metrics are ratios of
 * expected sums: the mean coefficient over training and over deployment episodes, and the goal
 * retained E[θ_N]/θ₀ (deployment leaves θ alone); and a_n(x) of deployment.probeEpisode at x = 0 and x = δ.
 */
import type { DeploymentSetting } from '../../model/extensions.ts';
import type { Game } from '../../model/game.ts';
import { phaseObserved, shiftedNormalObservation, signalOf } from '../../model/deployment/observation.ts';
import { constantHazard, uniformTrainingLength } from '../../model/deployment/phases.ts';
import { deploymentProblem, type DeploymentProblem } from '../../model/deployment/problem.ts';
import type { GameEquilibrium } from '../gameSolver.ts';
import { preparedSolver } from '../preparedSolver.ts';
import { asLinearScenario } from '../seedAdapters.ts';
import { coefficientOf, solveUncertainDeployment } from './uncertainDeployment.ts';
import { expectedOutcome } from './uncertainDeploymentOutcome.ts';

/** The deployment problem a scenario's `deployment` block and schedule describe. */
export function problemOf(setting: DeploymentSetting, episodes: number, rate: number, discount: number): DeploymentProblem {
  const { start, shift } = setting;
  const phases = start.type === 'hazard' ? constantHazard(start.hazard, episodes) : uniformTrainingLength(start.min, start.max, episodes);
  const observation = shift === Infinity ? phaseObserved() : shiftedNormalObservation(shift, { binWidth: setting.binWidth, margin: setting.margin });
  return deploymentProblem({ phases, observation, trainingRate: rate, discount });
}

function problemFor(game: Game): { problem: DeploymentProblem; theta0: number } | string {
  if (!game.deployment) return 'it needs a deployment block';
  const linear = asLinearScenario(game);
  if (typeof linear === 'string') return `the uncertain-deployment solver handles the seed family only: ${linear}`;
  if (linear.regularizer !== 0) return 'deployment with a regularizer: the uncertain-deployment solver has no regularizer (set regularizer: 0)';
  if (game.policy.type === 'linear' && game.policy.discrete) return 'the uncertain-deployment solver chooses continuous coefficients, and this policy is discrete';
  const rate = linear.schedule[0];
  const other = linear.schedule.findIndex((r) => r !== rate);
  if (other >= 0 || !(rate > 0)) {
    return `deployment: the schedule gives N episodes at one training rate (when training ends is deployment.hazard or deployment.trainingLength); schedule[${Math.max(other, 0)}] differs`;
  }
  return { problem: problemOf(game.deployment, linear.schedule.length, rate, linear.discount), theta0: linear.theta0 };
}

export const uncertainDeploymentSolver = preparedSolver({
  name: 'uncertain-deployment',
  description: 'deployment at an uncertain time with a shifted observation: exact policies a_n(x) and exact expectations',
  extension: 'deployment',
  prepare: problemFor,
  solve(game, p): GameEquilibrium {
    const { problem, theta0 } = p;
    const equilibrium = solveUncertainDeployment(problem);
    const o = expectedOutcome(problem, equilibrium);
    const episodes = o.meanCoefficient.length;
    const trajectory = {
      episode: Float64Array.from({ length: episodes }, (_, n) => n),
      learningRate: Float64Array.from(problem.phases.training, (pi) => pi * problem.trainingRate),
      output: Float64Array.from(o.meanOutput, (y) => y * theta0),
      baseLoss: Float64Array.from(o.meanSquaredOutput, (y2) => y2 * theta0 * theta0),
      mesaLoss: Float64Array.from(o.meanMesaLoss, (c) => c * theta0 * theta0),
      parameters: { theta: Float64Array.from(o.meanGoal, (g) => g * theta0) },
      actions: { a: o.meanCoefficient },
    };
    const finite = (x: number) => (Number.isFinite(x) ? x : null);
    const { probeEpisode, shift } = game.deployment!;
    const probe = (x: number) => coefficientOf(equilibrium, probeEpisode, signalOf(problem.observation, x));
    return {
      solver: 'uncertain-deployment',
      actionNames: ['a'],
      actions: o.meanCoefficient,
      ties: [...new Set(equilibrium.ties.map((t) => t.episode))],
      outcome: {
        trajectory,
        metrics: {
          meanTrainingAction: { a: finite(o.meanTrainingCoefficient) },
          goalRetained: o.finalGoal,
          trainingBaseLoss: o.trainingBaseLoss * theta0 * theta0,
          trainingEpisodes: o.expectedTrainingEpisodes,
          extension: {
            meanDeploymentCoefficient: finite(o.meanDeploymentCoefficient),
            expectedTrainingEpisodes: o.expectedTrainingEpisodes,
            probeAtTrainingMean: probe(0),
            probeAtDeploymentMean: probe(shift),
          },
        },
      },
    };
  },
});

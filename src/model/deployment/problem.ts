/**
 * The uncertain-deployment model (DESIGN §3.5): the seed's linear agents y_n = a_n·θ_n and base
 * step θ_{n+1} = θ_n·(1 − 2ℓ_n a_n²), where ℓ_n = ℓ in a training episode and 0 in a deployment
 * episode, the phase following a PhaseProcess, and each episode showing a signal drawn from the
 * ObservationModel given its phase.
 *
 * Agent n is memoryless: it knows n and its own signal x_n, not past signals, nor anything it
 * could infer from its goal θ_n (its prior over θ_n does not depend on the phase, as in the seed:
 * θ_n² factors out of every cost). Its belief that it is training is the posterior
 *   p_n(x) = π_n P(x | training) / (π_n P(x | training) + (1 − π_n) P(x | deployment)),
 * π_n the prior probability of training at episode n. It plays a_n(x) minimising the expected
 * mesa cost Σ_{k≥n} γ^(k−n)(y_k − θ_n)² given x, later agents playing their own a_k(x_k).
 */
import { InputError } from '../../errors/inputError.ts';
import { checkRange } from '../numbers.ts';
import type { ObservationModel } from './observation.ts';
import type { PhaseProcess } from './phases.ts';

export interface DeploymentProblem {
  readonly phases: PhaseProcess;
  readonly observation: ObservationModel;
  /** ℓ > 0 … the learning rate of a training episode (deployment: 0). */
  readonly trainingRate: number;
  /** γ ∈ [0, 1], the discount on the mesa objective. */
  readonly discount: number;
}

export interface DeploymentProblemOptions {
  phases: PhaseProcess;
  observation: ObservationModel;
  /** Default 1 (the seed's training rate). */
  trainingRate?: number;
  /** Default 1. */
  discount?: number;
}

/** Relative slack allowed when checking that probabilities sum to 1 and the chain is consistent. */
const PROBABILITY_SLACK = 1e-9;

/** Validates the parts (probabilities, the chain's marginals) and fills in the defaults. */
export function deploymentProblem(options: DeploymentProblemOptions): DeploymentProblem {
  const { phases, observation } = options;
  checkPhases(phases);
  checkObservation(observation);
  return {
    phases,
    observation,
    trainingRate: checkRange(options.trainingRate ?? 1, 'trainingRate', 0),
    discount: checkRange(options.discount ?? 1, 'discount', 0, 1),
  };
}

function checkPhases({ training, stay, resume }: PhaseProcess): void {
  const episodes = training.length;
  if (episodes < 1) throw new InputError('phases.training', 'needs at least one episode');
  if (stay.length !== episodes - 1 || resume.length !== episodes - 1) {
    throw new InputError('phases', `stay and resume need ${episodes - 1} entries (one per step between episodes)`);
  }
  training.forEach((p, n) => checkRange(p, `phases.training[${n}]`, 0, 1));
  for (let n = 0; n + 1 < episodes; n++) {
    checkRange(stay[n], `phases.stay[${n}]`, 0, 1);
    checkRange(resume[n], `phases.resume[${n}]`, 0, 1);
    const next = training[n] * stay[n] + (1 - training[n]) * resume[n];
    if (Math.abs(next - training[n + 1]) > PROBABILITY_SLACK) {
      throw new InputError(`phases.training[${n + 1}]`, `is ${training[n + 1]}, but the chain gives ${next}`);
    }
  }
}

function checkObservation({ training, deployment, edges, x }: ObservationModel): void {
  const signals = training.length;
  if (signals < 1 || deployment.length !== signals || x.length !== signals || edges.length !== signals - 1) {
    throw new InputError('observation', 'needs one training and one deployment probability and one x per signal, and one edge fewer');
  }
  for (const [name, probabilities] of [['training', training], ['deployment', deployment]] as const) {
    let sum = 0;
    probabilities.forEach((p, b) => {
      sum += checkRange(p, `observation.${name}[${b}]`, 0, 1);
    });
    if (Math.abs(sum - 1) > PROBABILITY_SLACK) throw new InputError(`observation.${name}`, `must sum to 1, got ${sum}`);
  }
}

/**
 * P(training | signal) from the prior π and the signal's likelihoods. A signal both phases show
 * equally often (every signal when δ = 0), or neither can show, leaves the prior unchanged — to
 * the last bit, so an uninformative observation cannot change the coefficient by rounding.
 */
export function trainingPosterior(prior: number, likelihoodTraining: number, likelihoodDeployment: number): number {
  if (likelihoodTraining === likelihoodDeployment) return prior;
  const training = prior * likelihoodTraining;
  const total = training + (1 - prior) * likelihoodDeployment;
  return total > 0 ? training / total : prior;
}

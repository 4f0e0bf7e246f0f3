/**
 * What the uncertain-deployment equilibrium does, in exact expectation over the phases and the
 * signals (no sampling). Forward in n, with u_n(s) = E[θ_n/θ₀ ; s_n = s] and
 * v_n(s) = E[(θ_n/θ₀)² ; s_n = s] (u_0 = v_0 = (π_0, 1 − π_0)):
 *   u_{n+1}(s′) = Σ_s P(s′ | s)·u_n(s)·E[f_n | s],   v_{n+1}(s′) = Σ_s P(s′ | s)·v_n(s)·E[f_n² | s],
 * where E[f_n | t] = Σ_x P(x | t)(1 − 2ℓa_n(x)²) and f = 1 in deployment: given s_n, θ_n (a function
 * of the earlier phases and signals) and x_n are independent, so the expectations factor.
 */
import type { DeploymentProblem } from '../../model/deployment/problem.ts';
import type { DeploymentEquilibrium } from './uncertainDeployment.ts';

export interface DeploymentOutcome {
  /** E[a_n(x_n) | training at n], n = 0 … N−1 (NaN where training at n is impossible). */
  readonly trainingCoefficient: Float64Array;
  /** E[a_n(x_n) | deployment at n] (NaN where deployment at n is impossible). */
  readonly deploymentCoefficient: Float64Array;
  /** E[θ_n]/θ₀, n = 0 … N. */
  readonly meanGoal: Float64Array;
  /** E[number of training episodes] = Σ_n π_n. */
  readonly expectedTrainingEpisodes: number;
  /** E[Σ_{training n} a_n] / E[number of training episodes]; NaN without training. */
  readonly meanTrainingCoefficient: number;
  /** The same over deployment episodes. */
  readonly meanDeploymentCoefficient: number;
  /**
   * E[θ_N]/θ₀. Deployment leaves θ alone, so when training ends for good (an unknown training
   * length) this is the goal retained after training.
   */
  readonly finalGoal: number;
  /** E[Σ_{training n} y_n²]/θ₀², the base loss paid in training. */
  readonly trainingBaseLoss: number;
  /** Per episode, over both phases: E[a_n(x_n)], E[y_n]/θ₀, E[y_n²]/θ₀² and E[(y_n − θ_n)²]/θ₀². */
  readonly meanCoefficient: Float64Array;
  readonly meanOutput: Float64Array;
  readonly meanSquaredOutput: Float64Array;
  readonly meanMesaLoss: Float64Array;
}

export function expectedOutcome(problem: DeploymentProblem, equilibrium: DeploymentEquilibrium): DeploymentOutcome {
  const { phases, observation, trainingRate: rate } = problem;
  const { episodes, signals, coefficients } = equilibrium;
  const trainingCoefficient = new Float64Array(episodes);
  const deploymentCoefficient = new Float64Array(episodes);
  const meanGoal = new Float64Array(episodes + 1);
  const meanCoefficient = new Float64Array(episodes);
  const meanOutput = new Float64Array(episodes);
  const meanSquaredOutput = new Float64Array(episodes);
  const meanMesaLoss = new Float64Array(episodes);
  // u: E[θ_n/θ₀; phase], v: E[θ_n²/θ₀²; phase]. x_n is independent of θ_n given the phase, so
  // E[a_n θ_n] = u_T·E[a_n | T] + u_D·E[a_n | D], and the same for squares with v.
  let uT = phases.training[0];
  let uD = 1 - uT;
  let vT = uT;
  let vD = uD;
  let trainingSum = 0;
  let deploymentSum = 0;
  let trainingBaseLoss = 0;
  for (let n = 0; n < episodes; n++) {
    // Averages over episode n's signal given its phase.
    let coefficientT = 0;
    let squareT = 0;
    let factorT = 0;
    let factorSquareT = 0;
    let coefficientD = 0;
    let squareD = 0;
    let missT = 0;
    let missD = 0;
    for (let b = 0; b < signals; b++) {
      const a = coefficients[n * signals + b];
      const f = 1 - 2 * rate * a * a;
      const pT = observation.training[b];
      coefficientT += pT * a;
      squareT += pT * a * a;
      factorT += pT * f;
      factorSquareT += pT * f * f;
      const pD = observation.deployment[b];
      coefficientD += pD * a;
      squareD += pD * a * a;
      missT += pT * (a - 1) * (a - 1);
      missD += pD * (a - 1) * (a - 1);
    }
    const pi = phases.training[n];
    trainingCoefficient[n] = pi > 0 ? coefficientT : NaN;
    deploymentCoefficient[n] = pi < 1 ? coefficientD : NaN;
    trainingSum += pi * coefficientT;
    deploymentSum += (1 - pi) * coefficientD;
    trainingBaseLoss += vT * squareT;
    meanCoefficient[n] = pi * coefficientT + (1 - pi) * coefficientD;
    meanOutput[n] = uT * coefficientT + uD * coefficientD;
    meanSquaredOutput[n] = vT * squareT + vD * squareD;
    meanMesaLoss[n] = vT * missT + vD * missD;
    meanGoal[n] = uT + uD;
    if (n + 1 === episodes) {
      meanGoal[episodes] = uT * factorT + uD;
      break;
    }
    const stay = phases.stay[n];
    const resume = phases.resume[n];
    [uT, uD] = [stay * uT * factorT + resume * uD, (1 - stay) * uT * factorT + (1 - resume) * uD];
    [vT, vD] = [stay * vT * factorSquareT + resume * vD, (1 - stay) * vT * factorSquareT + (1 - resume) * vD];
  }
  let expectedTrainingEpisodes = 0;
  for (const pi of phases.training) expectedTrainingEpisodes += pi;
  const expectedDeploymentEpisodes = episodes - expectedTrainingEpisodes;
  return {
    trainingCoefficient,
    deploymentCoefficient,
    meanGoal,
    expectedTrainingEpisodes,
    meanTrainingCoefficient: expectedTrainingEpisodes > 0 ? trainingSum / expectedTrainingEpisodes : NaN,
    meanDeploymentCoefficient: expectedDeploymentEpisodes > 0 ? deploymentSum / expectedDeploymentEpisodes : NaN,
    finalGoal: meanGoal[episodes],
    trainingBaseLoss,
    meanCoefficient,
    meanOutput,
    meanSquaredOutput,
    meanMesaLoss,
  };
}

/**
 * The phase process of an uncertain deployment (DESIGN §3.5). Episode n is a training episode
 * (learning rate ℓ) or a deployment episode (rate 0), and the phase s_n ∈ {training, deployment}
 * is a two-state Markov chain over n:
 *   π_0 = P(s_0 = training),
 *   P(s_{n+1} = training | s_n = training) = stay_n,  P(s_{n+1} = training | s_n = deployment) = resume_n,
 *   π_{n+1} = π_n·stay_n + (1 − π_n)·resume_n.
 * An unknown training length T (episodes 0 … T−1 train) is the absorbing case resume = 0 with
 * π_n = P(T > n) and stay_n = π_{n+1}/π_n: once deployed, always deployed. A random learning rate
 * (each episode trains with probability p, independently) is the case π_n = stay_n = resume_n = p.
 */
import { InputError } from '../../errors/inputError.ts';
import { checkRange } from '../numbers.ts';

export interface PhaseProcess {
  /** π_n = P(episode n is a training episode), n = 0 … N−1. */
  readonly training: Float64Array;
  /** P(training at n+1 | training at n), n = 0 … N−2 (0 where π_n = 0: never used). */
  readonly stay: Float64Array;
  /** P(training at n+1 | deployment at n), n = 0 … N−2; 0 for an unknown training length. */
  readonly resume: Float64Array;
}

/** The longest run the deployment solvers accept (they hold a few arrays of N × signals). */
export const MAX_DEPLOYMENT_EPISODES = 1_000_000;

function checkEpisodes(episodes: number): number {
  if (!Number.isInteger(episodes) || episodes < 1 || episodes > MAX_DEPLOYMENT_EPISODES) {
    throw new InputError('episodes', `must be a whole number from 1 to ${MAX_DEPLOYMENT_EPISODES}, got ${String(episodes)}`);
  }
  return episodes;
}

/**
 * An unknown training length from its survival function π_n = P(T > n), n = 0 … N−1, which must
 * be non-increasing in [0, 1]. Training runs through the whole run with probability π_{N−1}.
 */
export function fromSurvival(survival: ArrayLike<number>, field = 'survival'): PhaseProcess {
  const episodes = checkEpisodes(survival.length);
  const training = Float64Array.from(survival);
  for (let n = 0; n < episodes; n++) {
    checkRange(training[n], `${field}[${n}]`, 0, 1);
    if (n > 0 && training[n] > training[n - 1]) {
      throw new InputError(`${field}[${n}]`, `P(T > n) cannot rise: ${training[n]} after ${training[n - 1]}`);
    }
  }
  const stay = new Float64Array(episodes - 1);
  for (let n = 0; n + 1 < episodes; n++) stay[n] = training[n] > 0 ? training[n + 1] / training[n] : 0;
  return { training, stay, resume: new Float64Array(episodes - 1) };
}

/** Training ends after T episodes, T known: the seed's train-then-deploy schedule. */
export function knownTrainingLength(length: number, episodes: number): PhaseProcess {
  if (!Number.isInteger(length) || length < 0) throw new InputError('trainingLength', `must be a whole number ≥ 0, got ${String(length)}`);
  return fromSurvival(Array.from({ length: checkEpisodes(episodes) }, (_, n) => (n < length ? 1 : 0)));
}

/** T uniform on the whole numbers min … max: P(T > n) = (max − n)/(max − min + 1), clipped to [0, 1]. */
export function uniformTrainingLength(min: number, max: number, episodes: number): PhaseProcess {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) {
    throw new InputError('trainingLength', `needs whole numbers 0 ≤ min ≤ max, got ${String(min)} … ${String(max)}`);
  }
  const count = max - min + 1;
  return fromSurvival(Array.from({ length: checkEpisodes(episodes) }, (_, n) => Math.min(1, Math.max(0, (max - n) / count))));
}

/**
 * A constant hazard h: after each training episode, training ends with probability h, so
 * P(T > n) = (1 − h)^n (episode 0 always trains) and, without the cut at N, E[T] = 1/h.
 */
export function constantHazard(hazard: number, episodes: number): PhaseProcess {
  checkRange(hazard, 'hazard', 0, 1);
  return fromSurvival(Array.from({ length: checkEpisodes(episodes) }, (_, n) => (1 - hazard) ** n));
}

/** Each episode trains with probability p, independently of the others (a random learning rate). */
export function randomLearningRate(probability: number, episodes: number): PhaseProcess {
  checkRange(probability, 'trainingProbability', 0, 1);
  const n = checkEpisodes(episodes);
  return {
    training: new Float64Array(n).fill(probability),
    stay: new Float64Array(n - 1).fill(probability),
    resume: new Float64Array(n - 1).fill(probability),
  };
}

/** E[number of training episodes] = Σ_n π_n. */
export function expectedTrainingEpisodes(phases: PhaseProcess): number {
  let sum = 0;
  for (const p of phases.training) sum += p;
  return sum;
}

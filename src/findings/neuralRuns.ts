/**
 * The runs behind the neural-policy finding: MLP policies y = f_w(θ) on a schedule (neural solver)
 * against the linear class's exact equilibrium on the same schedule, and what the answer reads off
 * them — the agents' prior-averaged costs, the networks along the prior and along their own path,
 * and agent 0's best deviation to another episode's network.
 */
import { mlpForward } from '../model/policies/mlp.ts';
import { mlpWeightCount } from '../model/game.ts';
import { neuralScenario } from '../scenarios/findingScenarios.ts';
import { runScenario } from './runScenario.ts';

export const NEURAL_HIDDEN = [16, 16];
/** The two seed schedules the finding compares on. */
export const NEURAL_SCHEDULES = ['1x20,0x80', '1x100'];
export const NEURAL_PRIOR = Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
/** A network "outputs nothing" when |f| stays below this at every prior goal. */
export const SILENT_OUTPUT = 1e-6;

/** f and f′ of episode n's network at θ. */
export type NetworkPlan = (n: number, theta: number) => { y: number; slope: number };

export interface NeuralComparison {
  schedule: string;
  rates: Float64Array;
  training: number;
  /** Each episode's network weights, episode n's at n·weightCount. */
  weights: Float64Array;
  weightCount: number;
  /** Agent 0's prior-averaged cost, neural and linear. */
  neuralCost: number;
  linearCost: number;
  linearFirst: number;
  /** Training agents whose prior-averaged cost is lower with the networks than with the linear plan. */
  cheaperAgents: number;
  /** Leading training episodes whose network outputs |f| < SILENT_OUTPUT at every prior goal. */
  silentEpisodes: number;
  /** Agent 0's least cost when it plays another episode's network instead of its own (the later networks fixed), and that episode. */
  deviation: { episode: number; cost: number };
  network: NetworkPlan;
  linearCoefficients: Float64Array;
  /** Per training episode: mean over the prior of |f(θ) − θ| and of |f′(θ)|. */
  distance: Float64Array;
  slope: Float64Array;
  /** Along the network's own trajectory from θ₀ = 0.8: θ_n, f(θ_n) and f′(θ_n). */
  pathTheta: Float64Array;
  pathOutput: Float64Array;
  pathSlope: Float64Array;
}

/** Agent n's prior-averaged mesa cost of a linear plan, by direct simulation. */
function linearAgentCost(rates: Float64Array, plan: Float64Array, n = 0): number {
  let total = 0;
  for (const goal of NEURAL_PRIOR) {
    let theta = goal;
    for (let k = n; k < plan.length; k++) {
      total += (plan[k] * theta - goal) ** 2;
      theta *= 1 - 2 * rates[k] * plan[k] ** 2;
    }
  }
  return total / NEURAL_PRIOR.length;
}

/**
 * Agent n's prior-averaged mesa cost of a plan of networks, by direct simulation: from each goal
 * θ_n of the prior, y_k = f_k(θ_k), cost Σ_{k≥n} (y_k − θ_n)², and θ_{k+1} = θ_k − 2ℓ_k·y_k·f_k′(θ_k).
 */
function networkAgentCost(rates: Float64Array, network: NetworkPlan, n = 0): number {
  let total = 0;
  for (const goal of NEURAL_PRIOR) {
    let theta = goal;
    for (let k = n; k < rates.length; k++) {
      const { y, slope } = network(k, theta);
      total += (y - goal) ** 2;
      theta -= 2 * rates[k] * y * slope;
    }
  }
  return total / NEURAL_PRIOR.length;
}

/** Agent 0's best deviation: the cheapest of the other episodes' networks played in episode 0 (the first episode on ties). */
function bestDeviation(rates: Float64Array, network: NetworkPlan): { episode: number; cost: number } {
  let best = { episode: -1, cost: Infinity };
  for (let m = 1; m < rates.length; m++) {
    const cost = networkAgentCost(rates, (k, theta) => network(k === 0 ? m : k, theta));
    if (cost < best.cost) best = { episode: m, cost };
  }
  return best;
}

/** The neural built-in on `schedule` (`mesalab run neural --set schedule=…`) against its linear, exact counterpart. */
export function compareNeural(schedule: string, hidden: number[] = NEURAL_HIDDEN): NeuralComparison {
  const neural = runScenario(neuralScenario, { schedule, 'policy.hidden': hidden });
  const weightCount = mlpWeightCount(hidden);
  const shape = { hidden, activation: 'tanh' as const };
  const weights = neural.actions;
  const network: NetworkPlan = (n, theta) => {
    const { y, dydx } = mlpForward(shape, weights.subarray(n * weightCount, (n + 1) * weightCount), theta);
    return { y, slope: dydx };
  };
  const linear = runScenario(neuralScenario, { schedule, policy: { type: 'linear' }, solver: 'exact' }).actions;
  const rates = neural.trajectory.learningRate;
  const training = rates.reduce((c, l) => c + (l > 0 ? 1 : 0), 0);
  const distance = new Float64Array(training);
  const slope = new Float64Array(training);
  for (let n = 0; n < training; n++) {
    for (const theta of NEURAL_PRIOR) {
      const { y, slope: s } = network(n, theta);
      distance[n] += Math.abs(y - theta) / NEURAL_PRIOR.length;
      slope[n] += Math.abs(s) / NEURAL_PRIOR.length;
    }
  }
  const agents = Array.from({ length: training }, (_, n) => n);
  const cheaperAgents = agents.filter((n) => networkAgentCost(rates, network, n) < linearAgentCost(rates, linear, n)).length;
  const silent = agents.findIndex((n) => NEURAL_PRIOR.some((theta) => Math.abs(network(n, theta).y) >= SILENT_OUTPUT));
  const pathTheta = neural.trajectory.parameters.theta.slice(0, training);
  return {
    schedule,
    rates,
    training,
    weights,
    weightCount,
    neuralCost: networkAgentCost(rates, network),
    linearCost: linearAgentCost(rates, linear),
    linearFirst: linear[0],
    cheaperAgents,
    silentEpisodes: silent < 0 ? training : silent,
    deviation: bestDeviation(rates, network),
    network,
    linearCoefficients: linear,
    distance,
    slope,
    pathTheta,
    pathOutput: pathTheta.map((theta, n) => network(n, theta).y),
    pathSlope: pathTheta.map((theta, n) => network(n, theta).slope),
  };
}

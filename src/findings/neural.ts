/**
 * Finding: does a richer policy class gradient-hack? MLP policies y = f_w(θ) (2×16, tanh) against
 * the linear class y = a·θ on the seed's two schedules.
 */
import { mlpForward } from '../model/policies/mlp.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { neuralScenario } from '../scenarios/findingScenarios.ts';
import type { Finding, FindingReport } from './finding.ts';
import { reproduceCommand, runScenario } from './runScenario.ts';

export const NEURAL_HIDDEN = [16, 16];
const PRIOR = Array.from({ length: 11 }, (_, i) => -1 + i * 0.2);
const CURVE = Array.from({ length: 41 }, (_, i) => -1 + i * 0.05);

export interface NeuralComparison {
  schedule: string;
  training: number;
  /** Agent 0's prior-averaged cost, neural and linear. */
  neuralCost: number;
  linearCost: number;
  linearFirst: number;
  /** f and f′ of an agent's network at θ. */
  network(n: number, theta: number): { y: number; slope: number };
  linearCoefficients: Float64Array;
  /** Per training episode: mean over the prior of |f(θ) − θ| and of |f′(θ)|. */
  distance: Float64Array;
  slope: Float64Array;
  /** Along the network's own trajectory from θ₀ = 0.8: θ_n, f(θ_n) and f′(θ_n). */
  pathTheta: Float64Array;
  pathOutput: Float64Array;
  pathSlope: Float64Array;
}

/** Agent 0's prior-averaged mesa cost of a linear plan, by direct simulation. */
function linearAgentCost(rates: Float64Array, plan: Float64Array): number {
  let total = 0;
  for (const goal of PRIOR) {
    let theta = goal;
    for (let k = 0; k < plan.length; k++) {
      total += (plan[k] * theta - goal) ** 2;
      theta *= 1 - 2 * rates[k] * plan[k] ** 2;
    }
  }
  return total / PRIOR.length;
}

/**
 * Agent 0's prior-averaged mesa cost of a plan of networks, by direct simulation: from each goal
 * θ₀ of the prior, y_k = f_k(θ_k), cost Σ_k (y_k − θ₀)², and θ_{k+1} = θ_k − 2ℓ_k·y_k·f_k′(θ_k).
 */
function networkAgentCost(rates: Float64Array, network: (n: number, theta: number) => { y: number; slope: number }): number {
  let total = 0;
  for (const goal of PRIOR) {
    let theta = goal;
    for (let k = 0; k < rates.length; k++) {
      const { y, slope } = network(k, theta);
      total += (y - goal) ** 2;
      theta -= 2 * rates[k] * y * slope;
    }
  }
  return total / PRIOR.length;
}

/** The neural built-in on `schedule` (`mesalab run neural --set schedule=…`) against its linear, exact counterpart. */
export function compareNeural(schedule: string, hidden: number[] = NEURAL_HIDDEN): NeuralComparison {
  const neural = runScenario(neuralScenario, { schedule, 'policy.hidden': hidden });
  const m = neural.game!.equilibrium.actionNames.length;
  const shape = { hidden, activation: 'tanh' as const };
  const network = (n: number, theta: number) => {
    const { y, dydx } = mlpForward(shape, neural.actions.subarray(n * m, (n + 1) * m), theta);
    return { y, slope: dydx };
  };
  const linear = runScenario(neuralScenario, { schedule, policy: { type: 'linear' }, solver: 'exact' }).actions;
  const rates = neural.trajectory.learningRate;
  const training = rates.reduce((c, l) => c + (l > 0 ? 1 : 0), 0);
  const distance = new Float64Array(training);
  const slope = new Float64Array(training);
  for (let n = 0; n < training; n++) {
    for (const theta of PRIOR) {
      const { y, slope: s } = network(n, theta);
      distance[n] += Math.abs(y - theta) / PRIOR.length;
      slope[n] += Math.abs(s) / PRIOR.length;
    }
  }
  const path = neural.trajectory.parameters.theta;
  const pathTheta = path.slice(0, training);
  const pathOutput = pathTheta.map((theta, n) => network(n, theta).y);
  const pathSlope = pathTheta.map((theta, n) => network(n, theta).slope);
  return { schedule, training, neuralCost: networkAgentCost(rates, network), linearCost: linearAgentCost(rates, linear), linearFirst: linear[0], network, linearCoefficients: linear, distance, slope, pathTheta, pathOutput, pathSlope };
}

export const neuralFinding: Finding = {
  name: 'neural',
  title: 'A neural-network policy',
  question: 'Does a richer policy class find outputs near its goal with a flat slope (gradient hacking), which the linear class cannot?',
  model: `
Policy y = f_w(θ), a tanh MLP with hidden layers ${NEURAL_HIDDEN.join('×')} (${NEURAL_HIDDEN.length} layers, 321 weights); each
episode's agent chooses its weights by L-BFGS on its prior-averaged cost (prior: 11 points on
[−1, 1]), against the later agents' fixed networks, from several deterministic starts (neural
solver). The base optimizer differentiates through the network: θ′ = θ − 2ℓ·f_w(θ)·f′_w(θ). If
f′_w(θ) = 0 near the goal the output can equal θ without θ moving: gradient hacking, impossible
for y = a·θ, whose slope is its output ratio. Compared with the linear class's exact equilibrium
(exact solver). "Distance" is the prior mean of |f(θ) − θ|, "slope" the prior mean of |f′(θ)|.`,
  compute(): FindingReport {
    const runs = ['1x20,0x80', '1x100'].map((schedule) => compareNeural(schedule));
    const [seed1, seed2] = runs;
    const curveFigure = (run: NeuralComparison, episode: number, label: string) =>
      linePlotSpec({
        rows: CURVE.map((theta) => ({ theta, 'network f(θ)': run.network(episode, theta).y, "network slope f′(θ)": run.network(episode, theta).slope, 'linear a·θ': run.linearCoefficients[episode] * theta, 'goal θ': theta })),
        x: 'theta',
        series: ['network f(θ)', "network slope f′(θ)", 'linear a·θ', 'goal θ'],
        title: `${label}: the policy of episode ${episode}`,
        xLabel: 'goal θ',
        yLabel: 'output / slope',
      });
    const last = seed1.training - 1;
    // Gradient hacking along the path: the output at least half-way to the goal while the slope
    // is below a tenth of what a linear policy with that output would have (y/θ).
    const hacks = (run: NeuralComparison, n: number) => {
      const ratio = run.pathOutput[n] / run.pathTheta[n];
      return ratio > 0.5 && Math.abs(run.pathSlope[n]) < 0.1 * ratio;
    };
    const hackEpisodes = (run: NeuralComparison) => Array.from({ length: run.training }, (_, n) => n).filter((n) => hacks(run, n));
    const seed1Hacks = hackEpisodes(seed1);
    const seed2Hacks = hackEpisodes(seed2);
    const answer = [
      `The networks are cheaper for the agents than the linear class: agent 0's expected cost is ${formatNumber(seed1.neuralCost)} against ${formatNumber(seed1.linearCost)} on seed-1's schedule and ${formatNumber(seed2.neuralCost)} against ${formatNumber(seed2.linearCost)} on seed-2's.`,
      `Early in training the network simply outputs nothing (episode 0: f(0.8) = ${formatNumber(seed1.network(0, 0.8).y)}, slope ${formatNumber(seed1.network(0, 0.8).slope)}; the linear agent outputs ${formatNumber(seed1.linearFirst * 0.8)}).`,
      seed1Hacks.length > 0
        ? `Late in seed-1's training the networks gradient-hack along their own path: in episodes ${seed1Hacks.join(', ')} the output is more than half the goal while the slope there is under a tenth of the output ratio (episode ${seed1Hacks.at(-1)}: θ = ${formatNumber(seed1.pathTheta[seed1Hacks.at(-1)!])}, f(θ) = ${formatNumber(seed1.pathOutput[seed1Hacks.at(-1)!])}, f′(θ) = ${formatNumber(seed1.pathSlope[seed1Hacks.at(-1)!])}), which no linear policy can do; averaged over the prior the same networks are steep (mean |f′| ${formatNumber(seed1.slope[last])} at episode ${last}), so the flat spot sits where the goal actually is.`
        : `No network on seed-1's path outputs more than half its goal with a flat slope: no gradient hacking was found.`,
      `On seed-2's schedule ${seed2Hacks.length > 0 ? `${seed2Hacks.length} of ${seed2.training} training episodes gradient-hack in the same sense` : 'no episode gradient-hacks in this sense'}.`,
      `The networks are the best found by a local optimiser from several starts, not proven best responses.`,
    ].join(' ');
    return {
      table: {
        columns: ['schedule', 'agent 0 cost, neural', 'agent 0 cost, linear', 'episode', 'θ on path', 'f(θ) on path', 'f′(θ) on path', 'prior mean |f − θ|', 'prior mean |f′|', 'linear a'],
        rows: runs.flatMap((run) =>
          [0, Math.floor(run.training / 2), run.training - 3, run.training - 2, run.training - 1].map((n) => [run.schedule, run.neuralCost, run.linearCost, n, run.pathTheta[n], run.pathOutput[n], run.pathSlope[n], run.distance[n], run.slope[n], run.linearCoefficients[n]]),
        ),
      },
      figures: [
        { id: 'seed-1-first', caption: "Seed-1: the first agent's network f(θ) and slope f′(θ) against the linear a·θ", spec: curveFigure(seed1, 0, 'Seed-1') },
        { id: 'seed-1-last', caption: `Seed-1: the last training agent's (episode ${last}) network against the linear policy`, spec: curveFigure(seed1, last, 'Seed-1') },
        {
          id: 'hacking',
          caption: 'Per training episode (seed-1): mean distance of the output from the goal, and mean slope, network against linear',
          spec: linePlotSpec({
            rows: Array.from({ length: seed1.training }, (_, n) => ({ episode: n, 'network distance |f − θ|': seed1.distance[n], 'network slope |f′|': seed1.slope[n], 'linear slope |a|': Math.abs(seed1.linearCoefficients[n]) })),
            x: 'episode',
            series: ['network distance |f − θ|', 'network slope |f′|', 'linear slope |a|'],
            title: 'Gradient hacking during training (seed-1)',
            xLabel: 'Episode',
            yLabel: 'prior mean',
          }),
        },
      ],
      answer,
      reproduce: [
        { what: 'the networks on seed-1’s schedule (their weights with --json)', command: reproduceCommand(neuralScenario) },
        { what: 'the networks on seed-2’s schedule', command: reproduceCommand(neuralScenario, { schedule: '1x100' }) },
      ],
    };
  },
};

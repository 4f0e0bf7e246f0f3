/**
 * Finding: does a richer policy class gradient-hack? MLP policies y = f_w(θ) (2×16, tanh) against
 * the linear class y = a·θ on the seed's two schedules.
 */
import { mlpWeightCount } from '../model/game.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { neuralScenario } from '../scenarios/findingScenarios.ts';
import type { Finding, FindingReport } from './finding.ts';
import { compareNeural, NEURAL_HIDDEN, NEURAL_PRIOR, NEURAL_SCHEDULES, SILENT_OUTPUT, type NeuralComparison } from './neuralRuns.ts';
import { reproduceCommand } from './runScenario.ts';

const CURVE = Array.from({ length: 41 }, (_, i) => -1 + i * 0.05);

/**
 * Gradient hacking along the path: the output at least half-way to the goal while the slope is
 * below a tenth of what a linear policy with that output would have (y/θ).
 */
export function hackEpisodes(run: NeuralComparison): number[] {
  const hacks = (n: number) => {
    const ratio = run.pathOutput[n] / run.pathTheta[n];
    return ratio > 0.5 && Math.abs(run.pathSlope[n]) < 0.1 * ratio;
  };
  return Array.from({ length: run.training }, (_, n) => n).filter(hacks);
}

/** The largest |f′| of episode n's network over the prior goals other than 0. */
export function flattestSlope(run: NeuralComparison, n: number): number {
  return Math.max(...NEURAL_PRIOR.filter((theta) => Math.abs(theta) > 1e-12).map((theta) => Math.abs(run.network(n, theta).slope)));
}

const episodeRange = (count: number) => (count === 1 ? 'episode 0' : `episodes 0–${count - 1}`);

/** The answer, every number read off the two runs (seed-1's schedule first). */
export function neuralAnswer(seed1: NeuralComparison, seed2: NeuralComparison): string {
  const last = seed1.training - 1;
  const [seed1Hacks, seed2Hacks] = [hackEpisodes(seed1), hackEpisodes(seed2)];
  const hack = seed1Hacks.at(-1)!;
  const origin = seed1.network(last, 0);
  const cheaper = (run: NeuralComparison) => (run.cheaperAgents === run.training ? `all ${run.training}` : `${run.cheaperAgents} of ${run.training}`);
  const deviation = (run: NeuralComparison, label: string) =>
    run.deviation.cost < run.neuralCost
      ? `on ${label} agent 0 would lower its cost from ${formatNumber(run.neuralCost)} to ${formatNumber(run.deviation.cost)} by playing episode ${run.deviation.episode}'s network instead of its own`
      : `on ${label} no other episode's network lowers agent 0's cost (the best costs ${formatNumber(run.deviation.cost)})`;
  return [
    `The networks are cheaper for the agents than the linear class: agent 0's expected cost is ${formatNumber(seed1.neuralCost)} against ${formatNumber(seed1.linearCost)} on seed-1's schedule and ${formatNumber(seed2.neuralCost)} against ${formatNumber(seed2.linearCost)} on seed-2's, and ${cheaper(seed1)} and ${cheaper(seed2)} training agents respectively pay less with networks.`,
    `Early in training the networks output nothing (|f| < ${formatNumber(SILENT_OUTPUT)} at every prior goal in ${episodeRange(seed1.silentEpisodes)} of seed-1 and ${episodeRange(seed2.silentEpisodes)} of seed-2; seed-1's episode 0: f(0.8) = ${formatNumber(seed1.network(0, 0.8).y)}, slope ${formatNumber(seed1.network(0, 0.8).slope)}, where the linear agent outputs ${formatNumber(seed1.linearFirst * 0.8)}).`,
    seed1Hacks.length > 0
      ? `Late in seed-1's training the networks gradient-hack along their own path: in episodes ${seed1Hacks.join(', ')} the output is more than half the goal while the slope there is under a tenth of the output ratio (episode ${hack}: θ = ${formatNumber(seed1.pathTheta[hack])}, f(θ) = ${formatNumber(seed1.pathOutput[hack])}, f′(θ) = ${formatNumber(seed1.pathSlope[hack])}), which no linear policy can do. They are steps, flat away from 0: in these episodes |f′| is at most ${formatNumber(Math.max(...seed1Hacks.map((n) => flattestSlope(seed1, n))))} at the prior goals other than 0, and at episode ${last} the prior mean |f′| of ${formatNumber(seed1.slope[last])} comes from the step at θ = 0 alone (f′(0) = ${formatNumber(origin.slope)} with f(0) = ${formatNumber(origin.y)}, so from θ = 0 the step 2|f·f′| is only ${formatNumber(Math.abs(2 * origin.y * origin.slope))}).`
      : `No network on seed-1's path outputs more than half its goal with a flat slope: no gradient hacking was found.`,
    `On seed-2's schedule ${seed2Hacks.length > 0 ? `${seed2Hacks.length} of ${seed2.training} training episodes gradient-hack in the same sense` : 'no episode gradient-hacks in this sense'}.`,
    `The networks are the best found by a local optimiser, not proven best responses: ${deviation(seed1, "seed-1's schedule")}, and ${deviation(seed2, "seed-2's")}.`,
  ].join(' ');
}

/** Table, figures and answer of the two runs (seed-1's schedule first). */
export function neuralReport(runs: readonly NeuralComparison[]): FindingReport {
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
    answer: neuralAnswer(seed1, seed2),
    reproduce: [
      { what: 'the networks on seed-1’s schedule (their weights with --json)', command: reproduceCommand(neuralScenario) },
      { what: 'the networks on seed-2’s schedule', command: reproduceCommand(neuralScenario, { schedule: '1x100' }) },
    ],
  };
}

export const neuralFinding: Finding = {
  name: 'neural',
  title: 'A neural-network policy',
  question: 'Does a richer policy class find outputs near its goal with a flat slope (gradient hacking), which the linear class cannot?',
  model: `
Policy y = f_w(θ), a tanh MLP with hidden layers ${NEURAL_HIDDEN.join('×')} (${NEURAL_HIDDEN.length} layers, ${mlpWeightCount(NEURAL_HIDDEN)} weights); each
episode's agent chooses its weights by L-BFGS on its prior-averaged cost (prior: 11 points on
[−1, 1]), against the later agents' fixed networks, from the next agent's network and from it
with the output layer zeroed (the last agent from one seeded initialisation; neural solver). The
base optimizer differentiates through the network: θ′ = θ − 2ℓ·f_w(θ)·f′_w(θ). If f′_w(θ) = 0
near the goal the output can equal θ without θ moving: gradient hacking, impossible
for y = a·θ, whose slope is its output ratio. Compared with the linear class's exact equilibrium
(exact solver). "Distance" is the prior mean of |f(θ) − θ|, "slope" the prior mean of |f′(θ)|.
As a check of the optimiser, agent 0 is also offered every other episode's network, the later
networks fixed.`,
  compute(): FindingReport {
    return neuralReport(NEURAL_SCHEDULES.map((schedule) => compareNeural(schedule)));
  },
};

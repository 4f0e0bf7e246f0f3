/**
 * Finding: how does deception depend on how detectable deployment is? Agents do not know when
 * training ends (a constant hazard, or a uniform training length) and see an observation whose
 * distribution shifts by δ at deployment; the exact uncertain-deployment solver gives their
 * coefficients a_n(x), and exact expectations over phases and observations give the outcome.
 */
import { signalOf } from '../model/deployment/observation.ts';
import type { DeploymentSetting } from '../model/extensions.ts';
import { heatmapSpec } from '../report/charts/heatmap.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { uncertainDeploymentScenario } from '../scenarios/findingScenarios.ts';
import { coefficientOf, solveUncertainDeployment } from '../solvers/uncertainDeployment/uncertainDeployment.ts';
import { problemOf } from '../solvers/uncertainDeployment/uncertainDeploymentSolver.ts';
import type { Finding, FindingReport } from './finding.ts';
import { metric, reproduceCommand, runScenario } from './runScenario.ts';

const EPISODES = 100;
/** The episode whose coefficient a_n(x) is drawn: the mean training length, where the phase is uncertain. */
export const SHOWN_EPISODE = 20;
/** Bin width of the observation; halving it moves every reported number by less than 1e−4. */
export const BIN_WIDTH = 0.05;
/** The bins cover [min(0, δ) − 8, max(0, δ) + 8], beyond the a_n(x) figure's x range [−3, 7]. */
const BIN_MARGIN = 8;
/** The shifts of the a_n(x) figure. */
export const FIGURE_SHIFTS = [0, 0.5, 1, 2, 4];
/** The shifts of the sweep (δ = ∞: the agent observes its phase). */
export const SWEEP_SHIFTS = [...Array.from({ length: 33 }, (_, i) => i / 4), Infinity];
const TABLE_SHIFTS = [0, 0.5, 1, 1.5, 2, 3, 4, 6, 8, Infinity];

/** The priors on the training length, as the built-in's `deployment` fields. */
export const PRIORS: readonly { id: 'hazard' | 'uniform'; label: string; start: { hazard: number } | { trainingLength: { min: number; max: number } } }[] = [
  { id: 'hazard', label: 'hazard 1/20', start: { hazard: 0.05 } },
  { id: 'uniform', label: 'uniform T ∈ [10, 30]', start: { trainingLength: { min: 10, max: 30 } } },
];
/** Seed-1's known T = 20, as a degenerate uniform prior. */
const KNOWN = { trainingLength: { min: 20, max: 20 } };

export interface DeploymentPoint {
  prior: 'hazard' | 'uniform' | 'known';
  /** δ; Infinity when the phase is observed. */
  shift: number;
  /** E[a_0(x_0)] (episode 0 always trains under both priors). */
  firstCoefficient: number;
  /** a_20 at the training mean x = 0 and at the deployment mean x = δ. */
  shownAtTrainingMean: number;
  shownAtDeploymentMean: number;
  meanTrainingCoefficient: number;
  meanDeploymentCoefficient: number;
  /** E[θ_N]/θ₀ = E[θ_T]/θ₀: the goal retained after training. */
  goalRetained: number;
}

/**
 * The built-in with one prior and shift (δ = ∞: "observed"): `mesalab run uncertain-deployment
 * --set 'deployment={hazard: 0.05, shift: 4, probeEpisode: 20}'`.
 */
export function deploymentBlock(start: (typeof PRIORS)[number]['start'] | typeof KNOWN, shift: number) {
  return { ...start, shift: shift === Infinity ? 'observed' : shift, binWidth: BIN_WIDTH, margin: BIN_MARGIN, probeEpisode: SHOWN_EPISODE };
}

function point(start: (typeof PRIORS)[number]['start'] | typeof KNOWN, shift: number): Omit<DeploymentPoint, 'prior' | 'shift'> {
  const run = runScenario(uncertainDeploymentScenario, { schedule: `1x${EPISODES}`, deployment: deploymentBlock(start, shift) });
  return {
    firstCoefficient: metric(run, 'firstCoefficient'),
    shownAtTrainingMean: metric(run, 'probeAtTrainingMean'),
    shownAtDeploymentMean: metric(run, 'probeAtDeploymentMean'),
    meanTrainingCoefficient: metric(run, 'meanTrainingCoefficient'),
    meanDeploymentCoefficient: metric(run, 'meanDeploymentCoefficient'),
    goalRetained: metric(run, 'goalRetained'),
  };
}

/** Both priors over the sweep's shifts, then seed-1's known T = 20 (one point: δ cannot matter). */
export function deploymentSweep(shifts: readonly number[] = SWEEP_SHIFTS): DeploymentPoint[] {
  const points: DeploymentPoint[] = PRIORS.flatMap(({ id, start }) => shifts.map((shift) => ({ prior: id, shift, ...point(start, shift) })));
  points.push({ prior: 'known', shift: Infinity, ...point(KNOWN, Infinity) });
  return points;
}

/** The hazard prior's policy a_n(x) for one shift (figure data: the whole function of x, which no metric holds). */
function hazardPolicy(shift: number) {
  const block = { start: { type: 'hazard', hazard: 0.05 }, shift, binWidth: BIN_WIDTH, margin: BIN_MARGIN, probeEpisode: SHOWN_EPISODE } as const satisfies DeploymentSetting;
  const problem = problemOf(block, EPISODES, 1, 1);
  return { observation: problem.observation, equilibrium: solveUncertainDeployment(problem) };
}

/** a_20(x) at bin midpoints x ∈ [−3, 7] for each shift of the figure (hazard prior). */
export function coefficientCurves(shifts: readonly number[] = FIGURE_SHIFTS): Record<string, number>[] {
  const solved = shifts.map(hazardPolicy);
  const xs = Array.from({ length: 200 }, (_, i) => -3 + (i + 0.5) * BIN_WIDTH);
  return xs.map((x) => ({
    x,
    ...Object.fromEntries(solved.map(({ observation, equilibrium }, i) => [`δ = ${shifts[i]}`, coefficientOf(equilibrium, SHOWN_EPISODE, signalOf(observation, x))])),
  }));
}

/** a_n(x) over episodes 0 … 60 and x ∈ [−3, 5] (steps of 0.1) for δ = 2, hazard prior. */
function coefficientMap(): { episode: number; x: number; coefficient: number }[] {
  const { observation, equilibrium } = hazardPolicy(2);
  const cells: { episode: number; x: number; coefficient: number }[] = [];
  for (let n = 0; n <= 60; n += 2) {
    for (let i = 0; i <= 80; i++) {
      const x = Math.round((-3 + i * 0.1) * 10) / 10;
      cells.push({ episode: n, x, coefficient: coefficientOf(equilibrium, n, signalOf(observation, x + BIN_WIDTH / 2)) });
    }
  }
  return cells;
}

/** The smallest swept δ from which both mean coefficients stay within `tolerance` of the phase-observed limit. */
function convergenceShift(points: readonly DeploymentPoint[], tolerance: number): number {
  const limit = points.find((p) => p.shift === Infinity)!;
  const close = (p: DeploymentPoint) =>
    Math.abs(p.meanTrainingCoefficient - limit.meanTrainingCoefficient) <= tolerance && Math.abs(p.meanDeploymentCoefficient - limit.meanDeploymentCoefficient) <= tolerance;
  const finite = points.filter((p) => Number.isFinite(p.shift));
  let from = Infinity;
  for (let i = finite.length - 1; i >= 0 && close(finite[i]); i--) from = finite[i].shift;
  return from;
}

const shiftLabel = (shift: number) => (shift === Infinity ? '∞ (phase observed)' : String(shift));
const f = formatNumber;

function answer(points: readonly DeploymentPoint[]): string {
  const of = (prior: DeploymentPoint['prior']) => points.filter((p) => p.prior === prior);
  const at = (prior: DeploymentPoint['prior'], shift: number) => of(prior).find((p) => p.shift === shift)!;
  const [h0, h4, hInf, known, u0] = [at('hazard', 0), at('hazard', 4), at('hazard', Infinity), at('known', Infinity), at('uniform', 0)];
  const uniform = of('uniform');
  const range = (field: 'meanTrainingCoefficient' | 'goalRetained') => {
    const values = uniform.map((p) => p[field]);
    return `${f(Math.min(...values))} and ${f(Math.max(...values))}`;
  };
  const converged = convergenceShift(of('hazard'), 0.01);
  const lower = (prior: 'hazard' | 'uniform') => at(prior, 0).firstCoefficient < at(prior, Infinity).firstCoefficient;
  const bothLower = lower('hazard') && lower('uniform');
  return (
    `A detectable deployment is what lets the agent defect on cue, not what makes it hide: when training ends at a constant hazard (mean length 20) and the shift is invisible (δ = 0), it still plays on average only ${f(h0.meanTrainingCoefficient)} in training (honesty is 1), but also only ${f(h0.meanDeploymentCoefficient)} in deployment (goal retained ${f(h0.goalRetained)}), ` +
    `while at δ = 4 it plays ${f(h4.meanTrainingCoefficient)} and ${f(h4.meanDeploymentCoefficient)}, and from δ = ${converged} it is within 0.01 of the phase-observed limit (${f(hInf.meanTrainingCoefficient)} and ${f(hInf.meanDeploymentCoefficient)}, goal retained ${f(hInf.goalRetained)} against ${f(known.goalRetained)} for seed-1's known T = 20). ` +
    `Its first coefficient is ${lower('hazard') ? 'lower' : 'higher'} when deployment is undetectable (${bothLower ? 'under both priors; ' : ''}hazard: a₀ = ${f(h0.firstCoefficient)} at δ = 0, ${f(hInf.firstCoefficient)} with the phase observed, ${f(known.firstCoefficient)} in seed-1${bothLower ? `; uniform: ${f(u0.firstCoefficient)} against ${f(at('uniform', Infinity).firstCoefficient)}` : ''}), as its later selves will keep part of the goal hidden even in deployment; ` +
    `with a uniform T ∈ [10, 30], whose end the episode count alone nearly reveals, δ matters far less (deployment coefficient ${f(u0.meanDeploymentCoefficient)} already at δ = 0, mean training coefficient between ${range('meanTrainingCoefficient')}, goal retained between ${range('goalRetained')}).`
  );
}

export const uncertainDeploymentFinding: Finding = {
  name: 'uncertain-deployment',
  title: 'Not knowing when deployment starts',
  question: 'When the agent cannot be sure whether training has ended, how does its deception depend on how detectable deployment is?',
  model: `
Seed dynamics (ℓ = 1 in training, 0 in deployment, θ_{n+1} = θ_n(1 − 2ℓ_n a_n²), mesa cost
Σ_{k≥n}(y_k − θ_n)², γ = 1, θ₀ = 0.8, N = 100), but the training length T is unknown: a constant
hazard 1/20 (training ends after each training episode with probability 1/20, so P(T > n) = 0.95ⁿ
and E[T] ≈ 20), or T uniform on 10 … 30. Each episode shows an observation x ~ N(0, 1) in training
and N(δ, 1) in deployment, seen in bins of width ${BIN_WIDTH} (plus two open tails; halving the
width moves every number below by less than 1e−4).

Modelling choices. Agent n is memoryless: it knows n and its own x_n, not earlier observations, and
draws no inference about its phase from its goal (its prior over θ_n does not depend on the phase,
so θ_n² factors out of every cost). It believes it is training with the posterior
p_n(x) = π_n φ(x) / (π_n φ(x) + (1 − π_n) φ(x − δ)), π_n = P(T > n), and plays the a_n(x) that
minimises its expected cost given x, later agents playing their own a_k(x_k). The learning rate is
ℓ with probability p_n(x), so its cost is the seed's g(a) with discount γ·p_n(x) and the expected
suffix moments conditional on training, plus a constant: an exact cubic. The moments are
expectations over later phases and observations; they factor only conditionally on the phase
(once deployed, always deployed), so the solver carries A, B conditional on the phase at each
episode (a two-state DP), O(N·bins). A brute-force enumeration of phase and observation paths
checks it on small problems. Deception is measured in exact expectation: the mean coefficient
over training episodes and over deployment episodes (ratios of expected sums) and the goal
retained E[θ_T]/θ₀.`,
  compute(): FindingReport {
    const points = deploymentSweep();
    const tablePoints = points.filter((p) => p.prior === 'known' || TABLE_SHIFTS.includes(p.shift));
    const finite = (prior: 'hazard' | 'uniform') => points.filter((p) => p.prior === prior && Number.isFinite(p.shift));
    const known = points.find((p) => p.prior === 'known')!;
    const lowest = finite('hazard').reduce((a, b) => (b.goalRetained < a.goalRetained ? b : a));
    const swept = finite('hazard').map((p, i) => ({
      shift: p.shift,
      'hazard: training': p.meanTrainingCoefficient,
      'hazard: deployment': p.meanDeploymentCoefficient,
      'uniform: training': finite('uniform')[i].meanTrainingCoefficient,
      'uniform: deployment': finite('uniform')[i].meanDeploymentCoefficient,
      'known T = 20: training': known.meanTrainingCoefficient,
      'hazard 1/20': p.goalRetained,
      'uniform T ∈ [10, 30]': finite('uniform')[i].goalRetained,
      'known T = 20 (seed-1)': known.goalRetained,
    }));
    return {
      table: {
        columns: ['prior on T', 'δ', 'a₀ (training)', `a₂₀(x = 0)`, `a₂₀(x = δ)`, 'mean training coefficient', 'mean deployment coefficient', 'goal retained'],
        rows: tablePoints.map((p) => [
          p.prior === 'known' ? 'known T = 20 (seed-1)' : PRIORS.find((q) => q.id === p.prior)!.label,
          p.prior === 'known' ? 'any' : shiftLabel(p.shift),
          p.firstCoefficient,
          p.prior === 'known' ? null : p.shownAtTrainingMean,
          p.prior === 'known' ? null : p.shownAtDeploymentMean,
          p.meanTrainingCoefficient,
          p.meanDeploymentCoefficient,
          p.goalRetained,
        ]),
      },
      figures: [
        {
          id: 'coefficient-by-observation',
          caption: `Coefficient a₂₀(x) of the agent at episode ${SHOWN_EPISODE} against its observation x, for several shifts δ (hazard 1/20; P(training at episode 20) = 0.95²⁰ ≈ 0.36)`,
          spec: linePlotSpec({
            rows: coefficientCurves(),
            x: 'x',
            series: FIGURE_SHIFTS.map((s) => `δ = ${s}`),
            title: `Coefficient a₂₀(x) against the observation x`,
            xLabel: 'observation x (training: N(0, 1), deployment: N(δ, 1))',
            yLabel: 'coefficient a₂₀(x)',
          }),
        },
        {
          id: 'coefficients-against-shift',
          caption: 'Mean coefficient over training episodes and over deployment episodes against the shift δ (exact expectations; the known-T line is seed-1)',
          spec: linePlotSpec({
            rows: swept,
            x: 'shift',
            series: ['hazard: training', 'hazard: deployment', 'uniform: training', 'uniform: deployment', 'known T = 20: training'],
            title: 'Deception against the detectability of deployment',
            xLabel: 'shift δ of the observation at deployment',
            yLabel: 'mean coefficient',
          }),
        },
        {
          id: 'goal-retained',
          caption: `Goal retained after training, E[θ_T]/θ₀, against the shift δ (under the hazard prior it is lowest, ${f(lowest.goalRetained)}, at δ = ${lowest.shift})`,
          spec: linePlotSpec({
            rows: swept,
            x: 'shift',
            series: ['hazard 1/20', 'uniform T ∈ [10, 30]', 'known T = 20 (seed-1)'],
            title: 'Goal retained against the detectability of deployment',
            xLabel: 'shift δ of the observation at deployment',
            yLabel: 'goal retained E[θ_T]/θ₀',
          }),
        },
        {
          id: 'coefficient-map',
          caption: 'Coefficient a_n(x) by episode n and observation x for δ = 2 (hazard 1/20): the agent grows bolder as training is likely to have ended and as x looks like deployment',
          spec: heatmapSpec({ rows: coefficientMap(), x: 'episode', y: 'x', value: 'coefficient', title: 'Coefficient a_n(x), δ = 2', xLabel: 'episode n', yLabel: 'observation x (bin start)', valueLabel: 'a_n(x)' }),
        },
      ],
      answer: answer(points),
      reproduce: [
        { what: 'the hazard prior at δ = 2', command: reproduceCommand(uncertainDeploymentScenario) },
        { what: 'the hazard prior at δ = 4', command: reproduceCommand(uncertainDeploymentScenario, { deployment: deploymentBlock(PRIORS[0].start, 4) }) },
        { what: 'the uniform prior with the phase observed', command: reproduceCommand(uncertainDeploymentScenario, { deployment: deploymentBlock(PRIORS[1].start, Infinity) }) },
      ],
    };
  },
};

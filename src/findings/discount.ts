/**
 * Finding: discounting the mesa objective, and training the discount (DESIGN §3.1). Part (a) uses
 * the exact solver with a fixed γ; part (b) the trained-discount solver (solvers/trainedDiscount.ts),
 * whose base optimizer steps γ through the equilibrium policy's dependence on it.
 */
import { linspace } from '../numerics/linspace.ts';
import { heatmapSpec } from '../report/charts/heatmap.ts';
import { linePlotSpec } from '../report/charts/linePlot.ts';
import type { ChartRow } from '../report/charts/specData.ts';
import { formatNumber } from '../report/summaryTable.ts';
import type { GameTrajectory } from '../rollout/gameTrajectory.ts';
import { discountScenario, trainedDiscountBuiltIn } from '../scenarios/findingScenarios.ts';
import { solveTrainedDiscount } from '../solvers/trainedDiscount/trainedDiscount.ts';
import { trainedDiscountScenario } from '../solvers/trainedDiscount/trainedDiscountModel.ts';
import { simulatedAgentCost } from '../solvers/trainedDiscount/trainedDiscountReference.ts';
import { minimiseOnInterval } from '../solvers/trainedDiscount/trainedDiscountSearch.ts';
import { metric, reproduceCommand, runScenario, type Settings } from './runScenario.ts';
import { SEED_SCHEDULES } from './seedSchedules.ts';
import type { Finding, FindingReport, FindingTable } from './finding.ts';

const SCHEDULES = SEED_SCHEDULES;
/** γ of part (a)'s curves. */
export const FIXED_DISCOUNTS = Array.from(linspace(0, 1, 21));
/** Part (a)'s sweep: learning rate × training length, 80 deployment episodes, γ = 0.95. */
export const FIXED_SWEEP = { rates: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1], trainings: [5, 10, 15, 20, 25, 30, 35, 40, 45, 50], deployment: 80, discount: 0.95 };
/** Part (b): starting discounts, the γ grid, and the sweep (smaller: each cell is a full solve). */
export const TRAINED_STARTS = [0.2, 0.5, 0.9, 0.99];
export const TRAINED_NODES = 31;
/** θ² nodes of the tables (the solver's default), and the finer table that measures how much that choice moves seed-1's numbers. */
export const TRAINED_SQUARES = 11;
export const TRAINED_FINE_SQUARES = 41;
export const TRAINED_SWEEP = { rates: [0.1, 0.25, 0.5, 0.75, 1], trainings: [5, 10, 20, 35, 50], deployment: 80, starts: [0.5, 0.9] };

export interface FixedDiscountPoint {
  schedule: string;
  discount: number;
  firstCoefficient: number;
  goalRetained: number;
}

/** Part (a): first coefficient and goal retained against a fixed γ on the seed schedules. */
export function fixedDiscountCurves(discounts = FIXED_DISCOUNTS): FixedDiscountPoint[] {
  return SCHEDULES.flatMap(({ label, spec }) =>
    discounts.map((discount) => ({ schedule: label, discount, ...fixedMetrics({ schedule: spec, discount }) })),
  );
}

export interface RateLengthPoint {
  rate: number;
  training: number;
  firstCoefficient: number;
  goalRetained: number;
}

/** Part (a): the sweep over learning rate × training length at the fixed γ of FIXED_SWEEP. */
export function fixedDiscountSweep(sweep = FIXED_SWEEP): RateLengthPoint[] {
  return sweep.rates.flatMap((rate) =>
    sweep.trainings.map((training) => ({
      rate,
      training,
      ...fixedMetrics({ schedule: { training, deployment: sweep.deployment, learningRate: rate }, discount: sweep.discount }),
    })),
  );
}

/** The discount built-in (exact solver) with `settings`: `mesalab run discount --set …`. */
function fixedMetrics(settings: Settings) {
  const run = runScenario(discountScenario, settings);
  return { firstCoefficient: metric(run, 'firstCoefficient'), goalRetained: metric(run, 'goalRetained') };
}

export interface TrainedRun {
  rate: number;
  training: number;
  start: number;
  /** γ after the last training episode. */
  finalDiscount: number;
  /** Episodes until γ first reaches 1 (null if it never does). */
  episodesToOne: number | null;
  firstCoefficient: number;
  goalRetained: number;
  /** a_0′(γ₀), the slope of the first agent's policy in γ. */
  firstSlope: number;
  /** Parameters theta and gamma, action a. */
  trajectory: GameTrajectory;
}

/** Part (b): the trained-discount built-in on one schedule from each starting discount (`mesalab run trained-discount --set …`). */
export function trainedDiscountRuns(rate: number, training: number, deployment: number, starts = TRAINED_STARTS, squareNodes = TRAINED_SQUARES): TrainedRun[] {
  return starts.map((start) => {
    const run = runScenario(trainedDiscountBuiltIn, {
      schedule: { training, deployment, learningRate: rate },
      'trainedDiscount.initial': start,
      'trainedDiscount.nodes': TRAINED_NODES,
      ...(squareNodes === TRAINED_SQUARES ? {} : { 'trainedDiscount.squareNodes': squareNodes }),
    });
    return {
      rate,
      training,
      start,
      finalDiscount: metric(run, 'finalDiscount'),
      episodesToOne: run.metrics.episodesToOne ?? null,
      firstCoefficient: metric(run, 'firstCoefficient'),
      goalRetained: metric(run, 'goalRetained'),
      firstSlope: metric(run, 'firstSlope'),
      trajectory: run.trajectory,
    };
  });
}

export interface FirstAgentCheck {
  /** The starting discounts that are γ nodes (where the table holds the agent's own choice). */
  starts: number[];
  /** Largest |best reply by direct simulation − tabulated a₀| at those nodes. */
  coefficientGap: number;
  /** Largest relative gap of a₀′(γ₀), the central difference of those best replies against the tabulated slope. */
  slopeGap: number;
  /** Nodes where the first agent's a₀(γ) rises to the next node, of the nodes − 1 steps. */
  risingSteps: number;
  nodes: number;
}

/**
 * Seed-1's first agent against direct simulation: at each starting γ₀ that is a node, its best
 * reply to the later agents' tabulated policies with its own forecast held fixed, the cost
 * simulated episode by episode (trainedDiscountReference.ts's simulatedAgentCost, no moment
 * tables), and the slope from the best replies at the neighbouring nodes — how far the moment
 * tables move the numbers the answer quotes.
 */
export function firstAgentCheck(starts = TRAINED_STARTS): FirstAgentCheck {
  const scenario = trainedDiscountScenario({ schedule: SEED1.spec, discountNodes: TRAINED_NODES, squareNodes: TRAINED_SQUARES });
  const equilibrium = solveTrainedDiscount(scenario);
  const h = 1 / (TRAINED_NODES - 1);
  const onNodes = starts.filter((g) => Math.abs(g / h - Math.round(g / h)) < 1e-9 && g > 0 && g < 1);
  let coefficientGap = 0;
  let slopeGap = 0;
  for (const start of onNodes) {
    const i = Math.round(start / h);
    const [a, slope] = [equilibrium.coefficients[i], equilibrium.slopes[i]];
    const reply = (j: number) => minimiseOnInterval((x) => simulatedAgentCost(scenario, equilibrium, 0, equilibrium.discounts[j], x, a * slope), -1, 1, 201);
    coefficientGap = Math.max(coefficientGap, Math.abs(reply(i) - a));
    slopeGap = Math.max(slopeGap, Math.abs((reply(i + 1) - reply(i - 1)) / (2 * h) / slope - 1));
  }
  let risingSteps = 0;
  for (let i = 0; i + 1 < TRAINED_NODES; i++) if (equilibrium.coefficients[i + 1] > equilibrium.coefficients[i]) risingSteps++;
  return { starts: onNodes, coefficientGap, slopeGap, risingSteps, nodes: TRAINED_NODES };
}

/** Part (b): the sweep over learning rate × training length. */
export function trainedDiscountSweep(sweep = TRAINED_SWEEP): TrainedRun[] {
  return sweep.rates.flatMap((rate) => sweep.trainings.flatMap((training) => trainedDiscountRuns(rate, training, sweep.deployment, sweep.starts)));
}

const SEED1 = SCHEDULES[0];

export const discountFinding: Finding = {
  name: 'discount',
  title: 'Discounting, and training the discount',
  question:
    'How does a discount γ on the mesa objective change deception — and when the base optimizer also trains γ, through the equilibrium policy’s dependence on it, does training raise or lower the discount?',
  model: `
(a) Fixed discount: agent n minimises Σ_{k≥n} γ^(k−n)(y_k − θ_n)², exact solver (continuous
coefficients), θ₀ = 0.8; curves on the seed schedules (ℓ = 1) for γ = 0, 0.05, …, 1, and a sweep
of ℓ ∈ {0.1, …, 1} × T ∈ {5, 10, …, 50} training episodes followed by ${FIXED_SWEEP.deployment} deployment episodes at γ = ${FIXED_SWEEP.discount}.
(At γ = 0 the agent is honest, a = 1, and at ℓ = 1 a step then flips θ's sign without shrinking it:
hence a goal retained of 1 there.)

(b) Trained discount: the state is (θ, γ); agent n knows its γ_n, not θ_n, and plays a Markov policy
a_n(γ) that minimises Σ_k γ_n^(k−n)(y_k − θ_n)² with its own γ_n held fixed as the evaluator's
discount, averaged over the seed's prior on θ_n (11 points on [−1, 1], i.e. θ² ∈ {0, 0.04, 0.16,
0.36, 0.64, 1}); later agents play a_k(γ_k) at their drifted discounts. With y = a_n(γ)θ the base
optimizer steps both parameters: θ' = θ(1 − 2ℓa²) and γ' = clip(γ − ℓ·∂y²/∂γ, 0, 1) =
clip(γ − 2ℓθ²·a·a_n′(γ), 0, 1). θ does not scale out of γ's step: the future's moments are
θ²·A(γ_e, γ, θ²) and θ·B(γ_e, γ, θ²), tabulated on ${TRAINED_NODES} evaluator × ${TRAINED_NODES} current discounts × 11
values of θ² and interpolated (Catmull–Rom); what stays homogeneous is (θ, γ's step size): scaling θ
by c is the same game as multiplying γ's learning rate by c². An agent forecasts its own step on γ
with its equilibrium drift a·a′ (it does not steer γ through its coefficient); a′ is the central
difference of best responses at the neighbouring γ nodes with that forecast held fixed, and the
forecast must be right: a scalar fixed point per node. It is not always unique; continuation in
time from the last training stage (whose solution is unique) selects one. Coefficients lie in
[−1, 1] (ℓ ≤ 1 keeps |1 − 2ℓa²| ≤ 1). A brute-force check over [−2, 2] and a table-free reference
solver confirm the fast solver on short schedules (test/solvers/trainedDiscount.test.ts). At ℓ = 1
the steps of γ are O(1) and hit the clip; exact values there move by up to about 0.1 with the γ
grid, the direction of γ's drift does not.`,
  compute(): FindingReport {
    const curves = fixedDiscountCurves();
    const fixedSweep = fixedDiscountSweep();
    const paths = trainedDiscountRuns(1, SEED1.training, 80);
    const finer = trainedDiscountRuns(1, SEED1.training, 80, TRAINED_STARTS, TRAINED_FINE_SQUARES);
    const check = firstAgentCheck();
    const sweep = trainedDiscountSweep();
    const reproduce = [
      { what: 'fixed γ = 0.5 on seed-2’s schedule', command: reproduceCommand(discountScenario, { schedule: '1x100', discount: 0.5 }) },
      { what: 'a cell of the fixed-γ sweep (ℓ = 0.5, T = 10)', command: reproduceCommand(discountScenario, { 'schedule.training': 10, 'schedule.learningRate': 0.5 }) },
      { what: 'the trained discount from γ₀ = 0.9 on seed-1’s schedule', command: reproduceCommand(trainedDiscountBuiltIn, { 'trainedDiscount.initial': 0.9 }) },
      {
        what: `the same on a ${TRAINED_FINE_SQUARES}-node θ² table`,
        command: reproduceCommand(trainedDiscountBuiltIn, { 'trainedDiscount.initial': 0.9, 'trainedDiscount.squareNodes': TRAINED_FINE_SQUARES }),
      },
    ];
    const answer = `${fixedDiscountAnswer(curves, fixedSweep)} ${trainedDiscountAnswer(paths, sweep, finer, check)}`;
    return { table: table(curves, paths, sweep), figures: figures(curves, fixedSweep, paths, sweep), answer, reproduce };
  },
};

function figures(curves: FixedDiscountPoint[], fixedSweep: RateLengthPoint[], paths: TrainedRun[], sweep: TrainedRun[]): FindingReport['figures'] {
  const curveRows = (field: 'firstCoefficient' | 'goalRetained') =>
    FIXED_DISCOUNTS.map((discount) => ({
      discount,
      ...Object.fromEntries(SCHEDULES.map((s) => [s.label, curves.find((p) => p.schedule === s.label && p.discount === discount)![field]])),
    }));
  const curve = (field: 'firstCoefficient' | 'goalRetained', label: string) =>
    linePlotSpec({ rows: curveRows(field), x: 'discount', series: SCHEDULES.map((s) => s.label), title: `${label} against a fixed discount γ`, xLabel: 'discount γ', yLabel: label });
  const pathLabel = (start: number) => `γ₀ = ${start}`;
  const pathRows = (field: (t: GameTrajectory, n: number) => number): ChartRow[] =>
    Array.from({ length: SEED1.training + 6 }, (_, n) => ({ episode: n, ...Object.fromEntries(paths.map((p) => [pathLabel(p.start), field(p.trajectory, n)])) }));
  const path = (field: (t: GameTrajectory, n: number) => number, label: string) =>
    linePlotSpec({ rows: pathRows(field), x: 'episode', series: paths.map((p) => pathLabel(p.start)), title: `${label} under training, seed-1's schedule (ℓ = 1 for 20 episodes)`, xLabel: 'episode n', yLabel: label });
  const start = TRAINED_SWEEP.starts[0];
  return [
    { id: 'fixed-first-coefficient', caption: 'First coefficient a₀ against a fixed discount γ (exact solver)', spec: curve('firstCoefficient', 'first coefficient a₀') },
    { id: 'fixed-goal-retained', caption: 'Goal retained after training, θ_T/θ₀, against a fixed discount γ', spec: curve('goalRetained', 'goal retained θ_T/θ₀') },
    {
      id: 'fixed-sweep',
      caption: `First coefficient at γ = ${FIXED_SWEEP.discount} over learning rate × training length (${FIXED_SWEEP.deployment} deployment episodes)`,
      spec: heatmapSpec({ rows: fixedSweep.map((p) => ({ ...p })), x: 'training', y: 'rate', value: 'firstCoefficient', title: `First coefficient a₀, fixed γ = ${FIXED_SWEEP.discount}`, xLabel: 'training episodes T', yLabel: 'learning rate ℓ', valueLabel: 'a₀' }),
    },
    { id: 'trained-discount-path', caption: 'The discount γ_n under training from several γ₀ (seed-1 schedule)', spec: path((t, n) => t.parameters.gamma[n], 'discount γ_n') },
    { id: 'trained-goal-path', caption: 'The goal θ_n/θ₀ under training from the same γ₀', spec: path((t, n) => t.parameters.theta[n] / t.parameters.theta[0], 'goal θ_n/θ₀') },
    {
      id: 'trained-sweep',
      caption: `γ after training from γ₀ = ${start} over learning rate × training length (${TRAINED_SWEEP.deployment} deployment episodes)`,
      spec: heatmapSpec({
        rows: sweep.filter((r) => r.start === start).map((r) => ({ rate: r.rate, training: r.training, finalDiscount: r.finalDiscount })),
        x: 'training',
        y: 'rate',
        value: 'finalDiscount',
        title: `Trained discount after training, γ₀ = ${start}`,
        xLabel: 'training episodes T',
        yLabel: 'learning rate ℓ',
        valueLabel: 'γ_T',
      }),
    },
  ];
}

function table(curves: FixedDiscountPoint[], paths: TrainedRun[], sweep: TrainedRun[]): FindingTable {
  const tenth = (g: number) => Math.abs(g * 10 - Math.round(g * 10)) < 1e-9;
  return {
    columns: ['part', 'schedule', 'γ (fixed) or γ₀ (trained)', 'first coefficient', 'goal retained', 'γ after training'],
    rows: [
      ...curves.filter((p) => tenth(p.discount)).map((p) => ['fixed γ', p.schedule, p.discount, p.firstCoefficient, p.goalRetained, null]),
      ...paths.map((r) => ['trained γ', SEED1.label, r.start, r.firstCoefficient, r.goalRetained, r.finalDiscount]),
      ...sweep.map((r) => ['trained γ', `ℓ = ${r.rate}, T = ${r.training} + ${TRAINED_SWEEP.deployment}`, r.start, r.firstCoefficient, r.goalRetained, r.finalDiscount]),
    ],
  };
}

/** Part (a)'s sentence: the seed curves and the rate × length sweep at γ = FIXED_SWEEP.discount. */
export function fixedDiscountAnswer(curves: FixedDiscountPoint[], fixedSweep: RateLengthPoint[]): string {
  const seed1 = (discount: number) => curves.find((p) => p.schedule === SEED1.label && p.discount === discount)!;
  const falls = (values: number[]) => values.every((v, i) => i === 0 || v < values[i - 1]);
  const fallsOnBoth = SCHEDULES.every((s) => falls(curves.filter((p) => p.schedule === s.label).map((p) => p.firstCoefficient)));
  const byFirst = [...fixedSweep].sort((p, q) => p.firstCoefficient - q.firstCoefficient);
  const [lowest, highest] = [byFirst[0], byFirst[byFirst.length - 1]];
  const fallsWithRate = FIXED_SWEEP.trainings.every((training) => falls(fixedSweep.filter((p) => p.training === training).map((p) => p.firstCoefficient)));
  return (
    `With a fixed discount, patience buys deception: ${fallsOnBoth ? 'on both seed schedules the first coefficient falls strictly as γ rises; ' : ''}on seed-1 it falls from ${formatNumber(seed1(0).firstCoefficient)} at γ = 0 to ${formatNumber(seed1(0.5).firstCoefficient)} at γ = 0.5 and ${formatNumber(seed1(1).firstCoefficient)} at γ = 1 (the goal retained after training rises from ${formatNumber(seed1(0.5).goalRetained)} to ${formatNumber(seed1(1).goalRetained)} between γ = 0.5 and 1), ` +
    `and at γ = ${FIXED_SWEEP.discount} it ${fallsWithRate ? 'falls with the learning rate at every training length, ' : 'ranges '}from ${formatNumber(highest.firstCoefficient)} (ℓ = ${highest.rate}, T = ${highest.training}) to ${formatNumber(lowest.firstCoefficient)} (ℓ = ${lowest.rate}, T = ${lowest.training}).`
  );
}

/**
 * Part (b)'s sentences: seed-1's paths from each γ₀, the sweep, and how far seed-1's numbers move
 * on the finer θ² table (`finer`: the same runs at TRAINED_FINE_SQUARES nodes) and against direct
 * simulation (`check`).
 */
export function trainedDiscountAnswer(paths: TrainedRun[], sweep: TrainedRun[], finer: TrainedRun[], check: FirstAgentCheck): string {
  const runs = [...paths, ...sweep];
  const falling = runs.filter((r) => r.firstSlope < 0).length;
  const risen = runs.every((r) => r.finalDiscount >= r.start);
  const short = runs.filter((r) => r.finalDiscount < 1);
  const least = short.reduce((a, b) => (b.finalDiscount - b.start < a.finalDiscount - a.start ? b : a), short[0]);
  const path = (start: number) => paths.find((r) => r.start === start)!;
  const patient = paths.filter((r) => r.start >= 0.9);
  const within = Math.max(...patient.map((r) => r.episodesToOne ?? Infinity));
  const cells = (start: number) => sweep.filter((r) => r.start === start);
  const reachOne = (start: number) => cells(start).filter((r) => r.finalDiscount === 1).length;
  const impatient = path(0.5);
  const moved = (field: 'firstCoefficient' | 'finalDiscount' | 'goalRetained') => formatNumber(Math.max(...paths.map((r, i) => Math.abs(r[field] - finer[i][field]))));
  const slopeMoved = Math.max(...paths.map((r, i) => Math.abs(r.firstSlope / finer[i].firstSlope - 1)));
  const startsLabel = TRAINED_SWEEP.starts.join(' and ');
  return (
    `Training raises the discount: at the starting discounts patient agents output less (a₀′(γ₀) < 0 in ${falling} of the ${runs.length} runs; ${formatNumber(impatient.firstSlope)} at γ₀ = 0.5 on seed-1's schedule), so the step on y² pushes γ up, and ${risen ? 'in every run' : 'not in every run:'} γ ends at or above its start` +
    `${least ? ` (the smallest rise of a run that stops short of 1 is ${formatNumber(least.finalDiscount - least.start)}, from γ₀ = ${least.start} at ℓ = ${least.rate}, T = ${least.training})` : ''}; ` +
    `but it is a race with the goal, because γ's step is proportional to θ²: on seed-1's schedule γ₀ = ${patient.map((r) => r.start).join(' and ')} reach 1 within ${within} episode(s) and keep ${patient.map((r) => formatNumber(r.goalRetained)).join(' and ')} of the goal, while γ₀ = 0.5 climbs only to ${formatNumber(impatient.finalDiscount)} before training has removed the goal (θ_T/θ₀ = ${formatNumber(impatient.goalRetained)}); ` +
    `over the ${cells(TRAINED_SWEEP.starts[0]).length} learning-rate × training-length cells, γ reaches 1 in ${TRAINED_SWEEP.starts.map((start) => `${reachOne(start)}`).join(' and ')} from γ₀ = ${startsLabel}. ` +
    `The first agent's policy is not monotone in γ everywhere (on seed-1's schedule a₀(γ) rises in ${check.risingSteps} of its ${check.nodes - 1} steps between γ nodes). ` +
    `These trained-γ numbers are read off interpolated moment tables: on seed-1's schedule the first agent's best reply by direct simulation against the later agents' policies (at γ₀ = ${check.starts.join(', ')}) differs from the tabulated a₀ by up to ${formatNumber(check.coefficientGap)} and gives an a₀′(γ₀) up to ${(100 * check.slopeGap).toFixed(0)}% away, ` +
    `and a θ² table of ${TRAINED_FINE_SQUARES} instead of ${TRAINED_SQUARES} nodes moves a₀ by up to ${moved('firstCoefficient')}, γ after training by up to ${moved('finalDiscount')}, the goal retained by up to ${moved('goalRetained')} and a₀′(γ₀) by up to ${(100 * slopeMoved).toFixed(0)}%: read a₀, γ and the goal retained to two or three digits, a₀′(γ₀) to one.`
  );
}

/**
 * The uncertain-deployment section's headline numbers against references that share no code with
 * the solver's two-state DP (trainingLengthEnumeration.ts): the outcome of each solved policy by
 * enumeration over the training length T and by Monte Carlo over T and the observations, and the
 * coefficients the table quotes (a₀, a₂₀ at x = 0 and x = δ) as best replies computed by
 * enumeration against the later agents' policy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FindingReport } from '../../../src/findings/finding.ts';
import { SHOWN_EPISODE, SWEEP_SHIFTS, uncertainDeploymentFinding } from '../../../src/findings/uncertainDeployment.ts';
import type { DeploymentSetting } from '../../../src/model/extensions.ts';
import { formatNumber } from '../../../src/report/summaryTable.ts';
import { solveUncertainDeployment } from '../../../src/solvers/uncertainDeployment/uncertainDeployment.ts';
import { problemOf } from '../../../src/solvers/uncertainDeployment/uncertainDeploymentSolver.ts';
import { figurePoints } from '../../helpers/findingFigures.ts';
import { enumeratedBestReplies, enumeratedOutcome, lengthProbabilities, monteCarloOutcome, signalOfX, type SignalPolicy } from '../../helpers/trainingLengthEnumeration.ts';

const N = 100;
type Prior = 'hazard' | 'uniform' | 'known';
const STARTS: Record<Prior, DeploymentSetting['start']> = { hazard: { type: 'hazard', hazard: 0.05 }, uniform: { type: 'uniform', min: 10, max: 30 }, known: { type: 'uniform', min: 20, max: 20 } };
/** P(T > n) of each prior, as DESIGN §3.5 states it. */
const SURVIVAL: Record<Prior, (n: number) => number> = {
  hazard: (n) => 0.95 ** n,
  uniform: (n) => Math.min(1, Math.max(0, (30 - n) / 21)),
  known: (n) => (n < 20 ? 1 : 0),
};
const TABLE_SHIFTS = [0, 0.5, 1, 1.5, 2, 3, 4, 6, 8, Infinity];

interface Solved {
  policy: SignalPolicy;
  edges: Float64Array;
  survival: (n: number) => number;
  lengths: Float64Array;
}

/** The solver's policy a_n(x) for a prior and shift (the table the finding's run plays). */
function solved(prior: Prior, shift: number): Solved {
  const problem = problemOf({ start: STARTS[prior], shift, binWidth: 0.05, margin: 8, probeEpisode: SHOWN_EPISODE }, N, 1, 1);
  const e = solveUncertainDeployment(problem);
  const policy = { episodes: N, coefficients: e.coefficients, training: problem.observation.training, deployment: problem.observation.deployment };
  return { policy, edges: problem.observation.edges, survival: SURVIVAL[prior], lengths: lengthProbabilities(SURVIVAL[prior], N) };
}

/** The table row's numbers by the references. */
function referenceRow(prior: Prior, shift: number) {
  const s = solved(prior, shift);
  const outcome = enumeratedOutcome(s.policy, s.lengths, 1);
  const [first, shown] = [0, SHOWN_EPISODE].map((n) => enumeratedBestReplies(s.policy, s.survival, 1, 1, n));
  let firstCoefficient = 0;
  Array.from(s.policy.training).forEach((p, b) => p > 0 && (firstCoefficient += p * first(b)));
  // δ = ∞: signal 0 is training, signal 1 deployment.
  const at = (x: number) => (shift === Infinity ? (x === 0 ? 0 : 1) : signalOfX(s.edges, x));
  return { ...outcome, firstCoefficient, shownAtTrainingMean: shown(at(0)), shownAtDeploymentMean: shown(at(shift)) };
}

const close = (actual: unknown, expected: number, what: string, tolerance = 1e-9) =>
  expect(Math.abs((actual as number) - expected), `${what}: ${String(actual)} against ${expected}`).toBeLessThanOrEqual(tolerance);

describe('uncertain-deployment headline numbers', () => {
  let report: FindingReport;
  const outcomes = new Map<string, ReturnType<typeof enumeratedOutcome>>();
  const key = (prior: Prior, shift: number) => `${prior}:${shift}`;
  beforeAll(async () => {
    report = await uncertainDeploymentFinding.compute();
    for (const prior of ['hazard', 'uniform'] as const) for (const shift of SWEEP_SHIFTS) {
      const s = solved(prior, shift);
      outcomes.set(key(prior, shift), enumeratedOutcome(s.policy, s.lengths, 1));
    }
    const known = solved('known', Infinity);
    outcomes.set(key('known', Infinity), enumeratedOutcome(known.policy, known.lengths, 1));
  });
  const outcome = (prior: Prior, shift: number) => outcomes.get(key(prior, shift))!;

  it('every table row: a₀ and a₂₀ as best replies by enumeration, the means and the goal retained by enumeration over T', () => {
    const rows = report.table.rows;
    expect(rows).toHaveLength(2 * TABLE_SHIFTS.length + 1);
    const cases: [Prior, number][] = [...(['hazard', 'uniform'] as const).flatMap((p) => TABLE_SHIFTS.map((s): [Prior, number] => [p, s])), ['known', Infinity]];
    cases.forEach(([prior, shift], i) => {
      const r = referenceRow(prior, shift);
      const row = rows[i];
      const what = `${prior}, δ = ${shift}`;
      close(row[2], r.firstCoefficient, `${what}: a₀`);
      if (prior !== 'known') {
        close(row[3], r.shownAtTrainingMean, `${what}: a₂₀(x = 0)`);
        close(row[4], r.shownAtDeploymentMean, `${what}: a₂₀(x = δ)`);
      }
      close(row[5], r.meanTrainingCoefficient, `${what}: mean training coefficient`);
      close(row[6], r.meanDeploymentCoefficient, `${what}: mean deployment coefficient`);
      close(row[7], r.goalRetained, `${what}: goal retained`);
    });
  });

  it('the figures over every swept δ: mean coefficients and goal retained by enumeration', () => {
    const series: Record<string, [Prior, 'meanTrainingCoefficient' | 'meanDeploymentCoefficient' | 'goalRetained']> = {
      'hazard: training': ['hazard', 'meanTrainingCoefficient'],
      'hazard: deployment': ['hazard', 'meanDeploymentCoefficient'],
      'uniform: training': ['uniform', 'meanTrainingCoefficient'],
      'uniform: deployment': ['uniform', 'meanDeploymentCoefficient'],
      'hazard 1/20': ['hazard', 'goalRetained'],
      'uniform T ∈ [10, 30]': ['uniform', 'goalRetained'],
    };
    for (const id of ['coefficients-against-shift', 'goal-retained']) {
      for (const p of figurePoints(report, id)) {
        const known = String(p.series).startsWith('known');
        const [prior, field] = known ? ['known' as const, String(p.series).includes('training') ? ('meanTrainingCoefficient' as const) : ('goalRetained' as const)] : series[String(p.series)];
        close(p.value, outcome(prior, known ? Infinity : (p.x as number))[field], `${id} ${p.series} at δ = ${p.x}`);
      }
    }
  });

  it('the answer quotes the enumerated numbers', () => {
    const f = formatNumber;
    const [h0, h4, hInf, known, u0] = [outcome('hazard', 0), outcome('hazard', 4), outcome('hazard', Infinity), outcome('known', Infinity), outcome('uniform', 0)];
    const answer = report.answer;
    expect(answer).toContain(`it still plays on average only ${f(h0.meanTrainingCoefficient)} in training (honesty is 1), but also only ${f(h0.meanDeploymentCoefficient)} in deployment (goal retained ${f(h0.goalRetained)})`);
    expect(answer).toContain(`at δ = 4 it plays ${f(h4.meanTrainingCoefficient)} and ${f(h4.meanDeploymentCoefficient)}`);
    expect(answer).toContain(`(${f(hInf.meanTrainingCoefficient)} and ${f(hInf.meanDeploymentCoefficient)}, goal retained ${f(hInf.goalRetained)} against ${f(known.goalRetained)} for seed-1's known T = 20)`);
    const finite = SWEEP_SHIFTS.filter(Number.isFinite);
    const within = (shift: number) =>
      Math.abs(outcome('hazard', shift).meanTrainingCoefficient - hInf.meanTrainingCoefficient) <= 0.01 && Math.abs(outcome('hazard', shift).meanDeploymentCoefficient - hInf.meanDeploymentCoefficient) <= 0.01;
    let from = Infinity;
    for (let i = finite.length - 1; i >= 0 && within(finite[i]); i--) from = finite[i];
    expect(answer).toContain(`from δ = ${from} it is within 0.01 of the phase-observed limit`);
    const first = (prior: Prior, shift: number) => referenceRow(prior, shift).firstCoefficient;
    expect(first('hazard', 0)).toBeLessThan(first('hazard', Infinity));
    expect(first('uniform', 0)).toBeLessThan(first('uniform', Infinity));
    expect(answer).toContain(
      `lower when deployment is undetectable (under both priors; hazard: a₀ = ${f(first('hazard', 0))} at δ = 0, ${f(first('hazard', Infinity))} with the phase observed, ${f(first('known', Infinity))} in seed-1; uniform: ${f(first('uniform', 0))} against ${f(first('uniform', Infinity))})`,
    );
    expect(h0.meanTrainingCoefficient).toBeLessThan(0.5);
    const uniform = SWEEP_SHIFTS.map((s) => outcome('uniform', s));
    const range = (field: 'meanTrainingCoefficient' | 'goalRetained') => `${f(Math.min(...uniform.map((o) => o[field])))} and ${f(Math.max(...uniform.map((o) => o[field])))}`;
    expect(answer).toContain(`deployment coefficient ${f(u0.meanDeploymentCoefficient)} already at δ = 0, mean training coefficient between ${range('meanTrainingCoefficient')}, goal retained between ${range('goalRetained')}`);
  });

  it('every agent plays its best reply by enumeration (hazard δ = 0, 2, ∞; uniform δ = 2), at x = −1, 0, δ, δ + 1', () => {
    for (const [prior, shift] of [['hazard', 0], ['hazard', 2], ['hazard', Infinity], ['uniform', 2]] as const) {
      const s = solved(prior, shift);
      const S = s.policy.training.length;
      const signals = shift === Infinity ? [0, 1] : [...new Set([-1, 0, shift, shift + 1].map((x) => signalOfX(s.edges, x)))];
      for (let n = 0; n < N; n++) {
        const reply = enumeratedBestReplies(s.policy, s.survival, 1, 1, n);
        // Signals the agent cannot see (deployment's at n = 0) have no best reply.
        for (const b of signals) if (!Number.isNaN(reply(b))) close(s.policy.coefficients[n * S + b], reply(b), `${prior}, δ = ${shift}: a_${n}(signal ${b})`);
      }
    }
  });

  it('Monte Carlo over T and x (100,000 runs) agrees with the enumeration within 4.5 standard errors (hazard and uniform, δ = 2)', () => {
    for (const prior of ['hazard', 'uniform'] as const) {
      const s = solved(prior, 2);
      const mc = monteCarloOutcome(s.policy, s.lengths, s.edges, 2, 1, 100_000, 20_240_917);
      const exact = outcome(prior, 2);
      close(mc.goalRetained, exact.goalRetained, `${prior}: goal retained`, 4.5 * mc.goalError);
      close(mc.meanTrainingCoefficient, exact.meanTrainingCoefficient, `${prior}: training coefficient`, 4.5 * mc.trainingError);
      close(mc.meanDeploymentCoefficient, exact.meanDeploymentCoefficient, `${prior}: deployment coefficient`, 4.5 * mc.deploymentError);
    }
  });
});

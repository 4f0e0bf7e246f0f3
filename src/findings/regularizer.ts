/**
 * Finding: does direct pressure on θ (a regularizer λθ² in the base objective) end the deception?
 * Sweeps λ on both seed schedules with the exact solver (continuous coefficients, so the curves
 * are not quantised to the 0.01 grid).
 */
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { regularizerScenario } from '../scenarios/findingScenarios.ts';
import { metric, reproduceCommand, runScenario } from './runScenario.ts';
import { SEED_SCHEDULES } from './seedSchedules.ts';
import type { Finding, FindingReport } from './finding.ts';

export const REGULARIZER_VALUES = [0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5];
const SCHEDULES = SEED_SCHEDULES;

export interface RegularizerPoint {
  schedule: string;
  regularizer: number;
  firstCoefficient: number;
  meanTrainingCoefficient: number;
  goalRetained: number;
}

/** First coefficient, mean training coefficient and goal retained for each λ and schedule. */
export function regularizerSweep(values = REGULARIZER_VALUES): RegularizerPoint[] {
  return SCHEDULES.flatMap(({ label, spec }) =>
    values.map((regularizer) => {
      const run = runScenario(regularizerScenario, { schedule: spec, regularizer });
      return {
        schedule: label,
        regularizer,
        firstCoefficient: metric(run, 'firstCoefficient'),
        meanTrainingCoefficient: metric(run, 'meanTrainingCoefficient'),
        goalRetained: metric(run, 'goalRetained'),
      };
    }),
  );
}

export const regularizerFinding: Finding = {
  name: 'regularizer',
  title: 'A regularizer on the goal',
  question: 'Does direct pressure on θ — a regularizer λθ² added to the base objective — end the deception?',
  model: `
Base objective y² + λθ², so one gradient step gives θ_{n+1} = θ_n·(1 − 2ℓ_n(a_n² + λ)): the goal
shrinks by the factor 1 − 2ℓλ even when the agent outputs nothing. Agents still minimise
Σ_{k≥n}(y_k − θ_n)² (γ = 1). Schedules of the seed (ℓ = 1), θ₀ = 0.8, exact solver (continuous
coefficients). λ ≤ 0.5 keeps the step stable at ℓ = 1 (for λ = 0.5 and a = 0 the step sets θ to 0).`,
  compute(): FindingReport {
    const points = regularizerSweep();
    const nonzero = points.filter((p) => p.regularizer > 0);
    const at = (schedule: number, lambda: number) => points.find((p) => p.schedule === SCHEDULES[schedule].label && p.regularizer === lambda)!;
    const figure = (field: 'firstCoefficient' | 'goalRetained', label: string) =>
      linePlotSpec({
        // λ = 0 has no place on a log axis: it is the table's first row.
        rows: REGULARIZER_VALUES.filter((l) => l > 0).map((l) => ({ regularizer: l, ...Object.fromEntries(SCHEDULES.map((s, i) => [s.label, at(i, l)[field]])) })),
        x: 'regularizer',
        series: SCHEDULES.map((s) => s.label),
        title: `${label} against the regularizer λ`,
        xLabel: 'regularizer λ (log scale)',
        yLabel: label,
        logX: true,
      });
    const seed1Turn = nonzero.filter((p) => p.schedule === SCHEDULES[0].label).find((p) => p.firstCoefficient > at(0, 0).firstCoefficient * 2);
    const answer =
      `Not by making the agent honest: under pressure it first hides even more (seed-1's first coefficient falls from ${formatNumber(at(0, 0).firstCoefficient)} at λ = 0 to ${formatNumber(at(0, 0.01).firstCoefficient)} at λ = 0.01), ` +
      `yet the regularizer shrinks the goal regardless: the goal retained after training falls from ${formatNumber(at(0, 0).goalRetained)} to ${formatNumber(at(0, 0.01).goalRetained)} at λ = 0.01 and to ${formatNumber(at(0, 0.1).goalRetained)} at λ = 0.1. ` +
      `Once the goal cannot be protected the agent stops paying for deception: its first coefficient rises${seed1Turn ? ` above twice the unregularized value from λ = ${seed1Turn.regularizer}` : ''} (${formatNumber(at(0, 0.5).firstCoefficient)} at λ = 0.5, and ${formatNumber(at(1, 0.5).firstCoefficient)} on the seed-2 schedule).`;
    return {
      table: {
        columns: ['schedule', 'λ', 'first coefficient', 'mean training coefficient', 'goal retained'],
        rows: points.map((p) => [p.schedule, p.regularizer, p.firstCoefficient, p.meanTrainingCoefficient, p.goalRetained]),
      },
      figures: [
        { id: 'first-coefficient', caption: 'First coefficient a₀ against λ (exact solver)', spec: figure('firstCoefficient', 'first coefficient a₀') },
        { id: 'goal-retained', caption: 'Goal retained after training, θ_T/θ₀, against λ', spec: figure('goalRetained', 'goal retained θ_T/θ₀') },
      ],
      answer,
      reproduce: [
        { what: 'seed-1 at λ = 0.01', command: reproduceCommand(regularizerScenario) },
        { what: 'seed-2’s schedule at λ = 0.5', command: reproduceCommand(regularizerScenario, { schedule: '1x100', regularizer: 0.5 }) },
      ],
    };
  },
};

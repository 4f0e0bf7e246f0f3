/**
 * The regularizer's phase diagrams: the change Δa₀ = a₀(λ) − a₀(0) of the first coefficient over
 * λ × deployment length (training length fixed) and λ × training length (deployment length fixed),
 * ℓ = 1, θ₀ = 0.8, exact solver. Each cell is one run of the regularizer built-in,
 * `mesalab run regularizer --set schedule.training=T --set schedule.deployment=D --set regularizer=λ`.
 * Δa₀ < 0: the first agent hides more under the pressure; Δa₀ > 0: it hides less.
 */
import { regularizerScenario } from '../scenarios/findingScenarios.ts';
import { metric, reproduceCommand, runScenario, type Settings } from './runScenario.ts';

/** λ of every diagram (0 first: the reference of Δa₀). ℓλ ≤ 0.5 keeps the step stable at ℓ = 1. */
export const REGULARIZER_VALUES = [0, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5];

export interface PhaseDiagram {
  /** File-name part of its figure. */
  readonly id: string;
  /** The length that varies along the diagram's rows. */
  readonly axis: 'training' | 'deployment';
  /** The other length, held fixed. */
  readonly fixed: number;
  readonly lengths: readonly number[];
}

/** λ × D after seed-1's 20 training episodes; λ × T before seed-1's 80 deployment episodes, and with none (seed-2's case). */
export const PHASE_DIAGRAMS: readonly PhaseDiagram[] = [
  { id: 'deployment', axis: 'deployment', fixed: 20, lengths: [0, 1, 2, 3, 5, 10, 20, 40, 80, 160] },
  { id: 'training', axis: 'training', fixed: 80, lengths: [1, 2, 3, 5, 10, 20, 40, 60, 100] },
  { id: 'training-no-deployment', axis: 'training', fixed: 0, lengths: [1, 2, 3, 5, 10, 20, 40, 60, 100] },
];

/** "λ × D (T = 20)": the diagram's name in tables and captions. */
export function diagramLabel(d: PhaseDiagram): string {
  return d.axis === 'deployment' ? `λ × D (T = ${d.fixed})` : `λ × T (D = ${d.fixed})`;
}

export interface PhaseCell {
  readonly diagram: string;
  readonly training: number;
  readonly deployment: number;
  readonly regularizer: number;
  readonly firstCoefficient: number;
  /** a₀(λ) − a₀(0) on the same schedule. */
  readonly change: number;
  readonly meanTrainingCoefficient: number;
  readonly goalRetained: number;
}

/** The settings of one cell: the regularizer built-in with its schedule's lengths and λ replaced. */
export function cellSettings(training: number, deployment: number, regularizer: number): Settings {
  return { 'schedule.training': training, 'schedule.deployment': deployment, regularizer };
}

/** `mesalab run regularizer --set …` for one cell. */
export const cellCommand = (training: number, deployment: number, regularizer: number) => reproduceCommand(regularizerScenario, cellSettings(training, deployment, regularizer));

/** Every cell of a diagram, λ = 0 included (its Δa₀ is 0 by definition), row by row. */
export function phaseDiagramCells(diagram: PhaseDiagram, values = REGULARIZER_VALUES): PhaseCell[] {
  return diagram.lengths.flatMap((length) => {
    const [training, deployment] = diagram.axis === 'training' ? [length, diagram.fixed] : [diagram.fixed, length];
    const runs = values.map((regularizer) => ({ regularizer, run: runScenario(regularizerScenario, cellSettings(training, deployment, regularizer)) }));
    const reference = runs.find((r) => r.regularizer === 0);
    if (reference === undefined) throw new Error('a phase diagram needs λ = 0, the reference of the change');
    const a0 = metric(reference.run, 'firstCoefficient');
    return runs.map(({ regularizer, run }) => ({
      diagram: diagramLabel(diagram),
      training,
      deployment,
      regularizer,
      firstCoefficient: metric(run, 'firstCoefficient'),
      change: metric(run, 'firstCoefficient') - a0,
      meanTrainingCoefficient: metric(run, 'meanTrainingCoefficient'),
      goalRetained: metric(run, 'goalRetained'),
    }));
  });
}

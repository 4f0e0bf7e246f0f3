/**
 * Finding: does direct pressure on θ (a regularizer λθ² in the base objective) end the deception?
 * Phase diagrams of the change in the first coefficient from λ = 0 over λ × deployment length and
 * λ × training length (regularizerPhase.ts), with the exact solver (continuous coefficients, so
 * the changes are not quantised to the 0.01 grid); the seed schedules are cells of them.
 */
import { linePlotSpec } from '../report/charts/linePlot.ts';
import { formatNumber } from '../report/summaryTable.ts';
import { regularizerScenario } from '../scenarios/findingScenarios.ts';
import { signedHeatmapSpec } from './signedHeatmap.ts';
import { describeDiagram, diagramRows, thresholdTrend } from './regularizerEffects.ts';
import { cellCommand, diagramLabel, PHASE_DIAGRAMS, phaseDiagramCells, REGULARIZER_VALUES, type PhaseCell, type PhaseDiagram } from './regularizerPhase.ts';
import { reproduceCommand } from './runScenario.ts';
import { SEED_SCHEDULES } from './seedSchedules.ts';
import type { Finding, FindingFigure, FindingReport, FindingTable } from './finding.ts';

export interface DiagramCells {
  readonly diagram: PhaseDiagram;
  readonly cells: readonly PhaseCell[];
}

/** Every phase diagram, measured. */
export function regularizerDiagrams(values = REGULARIZER_VALUES): DiagramCells[] {
  return PHASE_DIAGRAMS.map((diagram) => ({ diagram, cells: phaseDiagramCells(diagram, values) }));
}

/** The seed schedules as cells of the diagrams: seed-1 is D = 80 after T = 20, seed-2 is T = 100 with no deployment. */
const SEED_CELLS = [
  { label: SEED_SCHEDULES[0].label, diagram: 'deployment', training: 20, deployment: 80 },
  { label: SEED_SCHEDULES[1].label, diagram: 'training-no-deployment', training: 100, deployment: 0 },
] as const;

function seedCurve(diagrams: readonly DiagramCells[], seed: (typeof SEED_CELLS)[number]): PhaseCell[] {
  const { cells } = diagrams.find((d) => d.diagram.id === seed.diagram)!;
  return cells.filter((c) => c.training === seed.training && c.deployment === seed.deployment);
}

export const regularizerFinding: Finding = {
  name: 'regularizer',
  title: 'A regularizer on the goal',
  question: 'Does direct pressure on θ — a regularizer λθ² added to the base objective — end the deception?',
  model: `
Base objective y² + λθ², so one gradient step gives θ_{n+1} = θ_n·(1 − 2ℓ_n(a_n² + λ)): the goal
shrinks by the factor 1 − 2ℓλ even when the agent outputs nothing. Agents still minimise
Σ_{k≥n}(y_k − θ_n)² (γ = 1). T training episodes at ℓ = 1, then D deployment episodes (ℓ = 0),
θ₀ = 0.8, exact solver (continuous coefficients). λ ≤ 0.5 keeps the step stable at ℓ = 1 (for
λ = 0.5 and a = 0 the step sets θ to 0). Phase diagrams of Δa₀ = a₀(λ) − a₀(0), the change in the
first coefficient caused by the regularizer on the same schedule (Δa₀ < 0: the first agent hides
more; Δa₀ > 0: less), over λ × D after T = 20 (seed-1's training) and over λ × T before D = 80
(seed-1's deployment) and with no deployment (seed-2's case); seed-1 is the cell T = 20, D = 80
and seed-2 the cell T = 100, D = 0. The table lists every cell.`,
  compute(): FindingReport {
    const diagrams = regularizerDiagrams();
    return {
      table: table(diagrams),
      figures: figures(diagrams),
      answer: regularizerAnswer(diagrams),
      reproduce: [
        { what: 'seed-1 at λ = 0.01 (the cell T = 20, D = 80)', command: reproduceCommand(regularizerScenario) },
        { what: 'a cell of λ × D: T = 20, D = 5, λ = 0.01', command: cellCommand(20, 5, 0.01) },
        { what: 'a cell of λ × T: T = 100, D = 80, λ = 0.01', command: cellCommand(100, 80, 0.01) },
        { what: 'seed-2’s schedule at λ = 0.5 (the cell T = 100, D = 0)', command: cellCommand(100, 0, 0.5) },
      ],
    };
  },
};

function table(diagrams: readonly DiagramCells[]): FindingTable {
  return {
    columns: ['diagram', 'training T', 'deployment D', 'λ', 'first coefficient a₀', 'Δa₀ from λ = 0', 'mean training coefficient', 'goal retained'],
    rows: diagrams.flatMap(({ cells }) => cells.map((c) => [c.diagram, c.training, c.deployment, c.regularizer, c.firstCoefficient, c.change, c.meanTrainingCoefficient, c.goalRetained])),
  };
}

function figures(diagrams: readonly DiagramCells[]): FindingFigure[] {
  const curve = (field: 'firstCoefficient' | 'goalRetained', label: string) =>
    linePlotSpec({
      // λ = 0 has no place on a log axis: it is in the table.
      rows: REGULARIZER_VALUES.filter((l) => l > 0).map((l) => ({
        regularizer: l,
        ...Object.fromEntries(SEED_CELLS.map((s) => [s.label, seedCurve(diagrams, s).find((c) => c.regularizer === l)![field]])),
      })),
      x: 'regularizer',
      series: SEED_CELLS.map((s) => s.label),
      title: `${label} against the regularizer λ`,
      xLabel: 'regularizer λ (log scale)',
      yLabel: label,
      logX: true,
    });
  const heatmaps = diagrams.map(({ diagram, cells }): FindingFigure => {
    const lengthName = diagram.axis === 'training' ? 'training episodes T' : 'deployment episodes D';
    return {
      id: `change-${diagram.id}`,
      caption: `Change in the first coefficient from λ = 0, Δa₀, over ${diagramLabel(diagram)} (symmetric-log colours centred on 0; red: the first agent hides more, blue: less)`,
      spec: signedHeatmapSpec({
        rows: diagramRows(diagram, cells).flatMap((row) => row.cells.map((c) => ({ regularizer: c.regularizer, length: row.length, change: c.change }))),
        x: 'regularizer',
        y: 'length',
        value: 'change',
        title: `Δa₀ over ${diagramLabel(diagram)}`,
        xLabel: 'regularizer λ',
        yLabel: lengthName,
        valueLabel: 'Δa₀',
      }),
    };
  });
  return [
    ...heatmaps,
    { id: 'first-coefficient', caption: 'First coefficient a₀ against λ on the seed schedules (exact solver)', spec: curve('firstCoefficient', 'first coefficient a₀') },
    { id: 'goal-retained', caption: 'Goal retained after training, θ_T/θ₀, against λ on the seed schedules', spec: curve('goalRetained', 'goal retained θ_T/θ₀') },
  ];
}

/** The distinct schedules (T, D) of all diagrams, each with its cells, λ ascending (the diagrams share some schedules). */
function schedules(diagrams: readonly DiagramCells[]): PhaseCell[][] {
  const byLengths = new Map<string, PhaseCell[]>();
  for (const c of diagrams.flatMap((d) => d.cells)) {
    const key = `${c.training}+${c.deployment}`;
    const cells = byLengths.get(key) ?? [];
    if (!cells.some((x) => x.regularizer === c.regularizer)) cells.push(c);
    byLengths.set(key, cells);
  }
  return [...byLengths.values()].map((cells) => [...cells].sort((p, q) => p.regularizer - q.regularizer));
}

/** Schedules in words, grouped by deployment length: "T = 1 with D = 80; T = 1, 2 with D = 0". */
function scheduleList(cells: readonly PhaseCell[]): string {
  const byDeployment = new Map<number, number[]>();
  for (const c of cells) byDeployment.set(c.deployment, [...(byDeployment.get(c.deployment) ?? []), c.training]);
  return [...byDeployment].map(([d, ts]) => `T = ${ts.join(', ')} with D = ${d}`).join('; ');
}

/** Below this |θ_T/θ₀| the goal is gone: rises between such values (e.g. 1e−18 to 1e−10 at λ = 0.5, T = 20, D = 0) are not growth. */
const GONE = 1e-9;

/** |θ_T/θ₀| never grows with λ along the schedule by more than GONE. */
const goalShrinks = (cells: readonly PhaseCell[]) => cells.every((c, i) => i === 0 || Math.abs(c.goalRetained) <= Math.abs(cells[i - 1].goalRetained) + GONE);

/** The answer, built from measured diagrams (exported so a test can build it from an independent reference). */
export function regularizerAnswer(diagrams: readonly DiagramCells[]): string {
  const [afterTraining, beforeDeployment, noDeployment] = PHASE_DIAGRAMS.map((d) => diagrams.find((x) => x.diagram === d)!);
  const describe = ({ diagram, cells }: DiagramCells) => {
    const trend = thresholdTrend(diagram, cells);
    const name = diagram.axis === 'training' ? 'T' : 'D';
    return `${describeDiagram(diagram, cells)}${trend === null ? '' : ` (the range of λ that lowers a₀ ${trend} with ${name})`}`;
  };
  const [seed1, seed2] = SEED_CELLS.map((s) => (l: number) => seedCurve(diagrams, s).find((c) => c.regularizer === l)!);
  const shortDeployment = (l: number) => afterTraining.cells.find((c) => c.deployment === 5 && c.regularizer === l)!;
  const all = schedules(diagrams);
  const growing = all.filter((cells) => !goalShrinks(cells));
  const strongest = REGULARIZER_VALUES.at(-1)!;
  const strong = all.map((cells) => cells.find((c) => c.regularizer === strongest)!);
  const notRaised = strong.filter((c) => !(c.change > 0));
  const boldest = strong.filter((c) => c.change > 0).reduce((best, c) => (c.firstCoefficient > best.firstCoefficient ? c : best));
  const f = formatNumber;
  const except = (cells: readonly PhaseCell[]) => (cells.length === 0 ? '' : ` (all but ${scheduleList(cells)})`);
  return [
    `Whether a regularizer first makes the agent hide more or less depends on both lengths (ℓ = 1; Δa₀ = a₀(λ) − a₀(0), on the schedules and λ measured).`,
    `After ${afterTraining.diagram.fixed} training episodes: ${describe(afterTraining)}. So seed-1 (D = 80) hides more under mild pressure, a₀ falling from ${f(seed1(0).firstCoefficient)} at λ = 0 to ${f(seed1(0.01).firstCoefficient)} at λ = 0.01, while with D = 5 the same λ raises it from ${f(shortDeployment(0).firstCoefficient)} to ${f(shortDeployment(0.01).firstCoefficient)}.`,
    `Before ${beforeDeployment.diagram.fixed} deployment episodes: ${describe(beforeDeployment)}.`,
    `With no deployment: ${describe(noDeployment)}; seed-2 (T = 100) rises from ${f(seed2(0).firstCoefficient)} to ${f(seed2(0.01).firstCoefficient)} at λ = 0.01.`,
    `The regularizer shrinks the goal on most schedules: |θ_T/θ₀| never grows with λ (by more than ${GONE}) on ${all.length - growing.length} of the ${all.length}${except(growing.map((cells) => cells[0]))}; on seed-1 it falls from ${f(seed1(0).goalRetained)} at λ = 0 to ${f(seed1(0.01).goalRetained)} at λ = 0.01 and ${f(seed1(0.1).goalRetained)} at λ = 0.1.`,
    `Strong pressure makes the agent hide less: λ = ${strongest} raises a₀ on ${strong.length - notRaised.length} of the ${strong.length} schedules${except(notRaised)}, to ${f(seed1(strongest).firstCoefficient)} on seed-1, ${f(seed2(strongest).firstCoefficient)} on seed-2 and at most ${f(boldest.firstCoefficient)} (${scheduleList([boldest])}).`,
  ].join(' ');
}

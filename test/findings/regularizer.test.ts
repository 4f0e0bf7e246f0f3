import { describe, expect, it } from 'vitest';
import { regularizerDiagrams, regularizerFinding } from '../../src/findings/regularizer.ts';
import { describeDiagram, rowEffect } from '../../src/findings/regularizerEffects.ts';
import { PHASE_DIAGRAMS, REGULARIZER_VALUES, type PhaseCell } from '../../src/findings/regularizerPhase.ts';

const cell = (regularizer: number, change: number): PhaseCell => ({ diagram: 'd', training: 1, deployment: 0, regularizer, firstCoefficient: 0, change, meanTrainingCoefficient: 0, goalRetained: 0 });
const row = (changes: number[]) => changes.map((c, i) => cell(i + 1, c));

describe('rowEffect(row) classifies how λ moves a₀ along a schedule', () => {
  it('names a clean threshold, a single sign, no change, and anything else as mixed', () => {
    expect(rowEffect(row([-1, -1, 2]))).toEqual({ kind: 'split', below: 2 });
    expect(rowEffect(row([1, 1]))).toEqual({ kind: 'raises' });
    expect(rowEffect(row([-1, -1]))).toEqual({ kind: 'lowers' });
    expect(rowEffect(row([0, 0]))).toEqual({ kind: 'none' });
    expect(rowEffect(row([1, -1, 1]))).toEqual({ kind: 'mixed', lowering: [2] });
    expect(rowEffect(row([-1, 0, 1]))).toEqual({ kind: 'mixed', lowering: [1] });
  });
});

describe('the regularizer finding', () => {
  const diagrams = regularizerDiagrams();
  const cells = diagrams.flatMap((d) => d.cells);

  it('measures every λ on every length of every diagram, Δa₀ = 0 at λ = 0', () => {
    for (const { diagram, cells } of diagrams) expect(cells).toHaveLength(diagram.lengths.length * REGULARIZER_VALUES.length);
    for (const c of cells.filter((c) => c.regularizer === 0)) expect(c.change).toBe(0);
  });

  it('a schedule shared by two diagrams has the same numbers in both', () => {
    const seed1 = cells.filter((c) => c.training === 20 && c.deployment === 80);
    expect(seed1).toHaveLength(2 * REGULARIZER_VALUES.length);
    for (const c of seed1) expect(seed1.find((d) => d.diagram !== c.diagram && d.regularizer === c.regularizer)!.firstCoefficient).toBe(c.firstCoefficient);
  });

  it('the report: one table row per cell, a heatmap per diagram, the answer built from the diagrams', async () => {
    const report = await regularizerFinding.compute();
    expect(report.table.rows).toHaveLength(cells.length);
    expect(report.figures.map((f) => f.id)).toEqual([...PHASE_DIAGRAMS.map((d) => `change-${d.id}`), 'first-coefficient', 'goal-retained']);
    for (const { diagram, cells } of diagrams) expect(report.answer).toContain(describeDiagram(diagram, cells));
  });
});

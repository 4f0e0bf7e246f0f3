import { describe, expect, it } from 'vitest';
import { misconceptionFinding } from '../../src/findings/misconception.ts';
import { compareAt, firstMove, misconceptionRuns, misconceptionSchedules, NO_MOVE } from '../../src/findings/misconceptionRuns.ts';

const path = (theta: number[], beta: number[]) => ({ theta: Float64Array.from(theta), beta: Float64Array.from(beta) });

describe('compareAt(run, n) and firstMove(run, upTo)', () => {
  it('compare the sizes of relative and absolute change, which can disagree', () => {
    // θ 0.8 → 0.7 is 12.5% and 0.1; β 0.5 → 0.44 is 12% and 0.06; 0.5 → 0.43 is 14% and 0.07; −0.5 → −0.3 is 40% and 0.2.
    expect(compareAt(path([0.8, 0.7], [0.5, 0.44]), 1)).toEqual({ relative: 'goal', absolute: 'goal' });
    expect(compareAt(path([0.8, 0.72], [0.5, 0.43]), 1)).toEqual({ relative: 'belief', absolute: 'goal' });
    expect(compareAt(path([0.8, 0.7], [-0.5, -0.3]), 1)).toEqual({ relative: 'belief', absolute: 'belief' });
    expect(compareAt(path([0.8, 0.7], [0.5, 0.6]), 1).absolute).toBe('equal');
  });

  it('the first move is the first episode past the rounding floor', () => {
    expect(firstMove(path([0.8, 0.8 + NO_MOVE / 2, 0.8, 0.79], [0.5, 0.5, 0.5 - 2 * NO_MOVE, 0.5]), 3)).toBe(2);
    expect(firstMove(path([0.8, 0.8], [0.5, 0.5]), 1)).toBeNull();
  });
});

describe('the misconception finding', () => {
  const runs = misconceptionRuns();

  it('runs every schedule once from each β₀, misconceived and informed', () => {
    const specs = misconceptionSchedules().map((s) => s.spec);
    expect(new Set(specs).size).toBe(specs.length);
    expect(runs).toHaveLength(2 * specs.length);
  });

  it('the first action does not depend on β₀ (plans are chosen before θ and β are known)', () => {
    for (const r of runs.filter((r) => r.beta0 === 0.5)) {
      const other = runs.find((s) => s.schedule.spec === r.schedule.spec && s.beta0 === -0.5)!;
      expect(other.misconceived.firstAction).toEqual(r.misconceived.firstAction);
      expect(other.informed.firstAction).toEqual(r.informed.firstAction);
    }
  });

  it('the report: a table row per run, trajectories and four maps, an answer that names the disagreements', async () => {
    const report = await misconceptionFinding.compute();
    expect(report.table.rows).toHaveLength(runs.length);
    expect(report.figures.map((f) => f.id)).toEqual(['slow', 'seed-2', 'first-relative', 'first-absolute', 'end-relative', 'end-absolute']);
    expect(report.answer).toContain('the measures disagree');
  });
});

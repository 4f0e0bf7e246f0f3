/**
 * The regularizer section's headline numbers from an independent reference: backward induction in
 * which every agent minimises its cost by brute force — a scan of [−2, 2] then Brent's method
 * (src/numerics/brent.ts), each cost a forward simulation (test/helpers/directCost.ts) — with
 * none of the exact solver's suffix moments or cubic. The reference's diagrams must give the published answer word
 * for word, and every cell's a₀, Δa₀, mean training coefficient and goal retained to 1e−6.
 */
import { describe, expect, it } from 'vitest';
import { regularizerAnswer, regularizerFinding, type DiagramCells } from '../../../src/findings/regularizer.ts';
import { diagramLabel, PHASE_DIAGRAMS, REGULARIZER_VALUES, type PhaseCell, type PhaseDiagram } from '../../../src/findings/regularizerPhase.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';
import { directCost } from '../../helpers/directCost.ts';
import { brentMinimise } from '../../../src/numerics/brent.ts';

const THETA0 = 0.8;

/**
 * The coefficient minimising `cost` on [−2, 2]: the best of 81 points, refined by Brent's method
 * between its neighbours (a generic minimiser; the exact solver solves its cubic instead).
 */
function argmin(cost: (a: number) => number): number {
  const step = 0.05;
  let best = -2;
  for (let a = -2; a <= 2 + 1e-12; a += step) if (cost(a) < cost(best)) best = a;
  return brentMinimise(cost, best - step, best + step, { relativeTolerance: 1e-10, absoluteTolerance: 1e-12, maxIterations: 200, start: best }).x;
}

/** The equilibrium plan: the last agent first, each agent's cost simulated from its episode on with the later plan fixed. */
function bruteForcePlan(rates: Float64Array, regularizer: number): Float64Array {
  const plan = new Float64Array(rates.length);
  for (let n = rates.length - 1; n >= 0; n--) {
    const future = plan.subarray(n);
    const futureRates = rates.subarray(n);
    plan[n] = argmin((a) => {
      future[0] = a;
      return directCost(future, futureRates, 1, regularizer);
    });
  }
  return plan;
}

/** a₀ and θ_T/θ₀ of T training episodes at ℓ = 1 then D deployment episodes, by brute force and a plain rollout. */
function referenceRun(training: number, deployment: number, regularizer: number) {
  const rates = new Float64Array(training + deployment).fill(1, 0, training);
  const plan = bruteForcePlan(rates, regularizer);
  let theta = THETA0;
  for (let n = 0; n < training; n++) theta -= rates[n] * (2 * plan[n] * theta * plan[n] + 2 * regularizer * theta);
  return { firstCoefficient: plan[0], goalRetained: theta / THETA0, meanTrainingCoefficient: plan.subarray(0, training).reduce((s, a) => s + a, 0) / training };
}

function referenceDiagram(diagram: PhaseDiagram): DiagramCells {
  const cells: PhaseCell[] = diagram.lengths.flatMap((length) => {
    const [training, deployment] = diagram.axis === 'training' ? [length, diagram.fixed] : [diagram.fixed, length];
    const runs = REGULARIZER_VALUES.map((regularizer) => ({ regularizer, ...referenceRun(training, deployment, regularizer) }));
    return runs.map((r) => ({ diagram: diagramLabel(diagram), training, deployment, ...r, change: r.firstCoefficient - runs[0].firstCoefficient }));
  });
  return { diagram, cells };
}

describe('the regularizer headlines against brute-force backward induction', () => {
  const reference = PHASE_DIAGRAMS.map(referenceDiagram);

  it('the brute force finds the seed-1 first coefficient, 0.0312 (DESIGN §1, with the exact minimiser)', () => {
    assertInDelta(reference[0].cells.find((c) => c.deployment === 80 && c.regularizer === 0)!.firstCoefficient, 0.0312, 5e-5);
  });

  it('every cell of every diagram: a₀, Δa₀, the mean training coefficient and the goal retained agree to 1e−6', async () => {
    const report = await regularizerFinding.compute();
    const published = report.table.rows;
    const cells = reference.flatMap((d) => d.cells);
    expect(published).toHaveLength(cells.length);
    cells.forEach((c, i) => {
      const [diagram, training, deployment, regularizer, firstCoefficient, change, meanTrainingCoefficient, goalRetained] = published[i] as number[];
      expect([diagram, training, deployment, regularizer]).toEqual([c.diagram, c.training, c.deployment, c.regularizer]);
      assertInDelta(firstCoefficient, c.firstCoefficient, 1e-6);
      assertInDelta(change, c.change, 1e-6);
      assertInDelta(meanTrainingCoefficient, c.meanTrainingCoefficient, 1e-6);
      assertInDelta(goalRetained, c.goalRetained, 1e-6);
    });
  });

  it('the answer built from the reference is the published answer, word for word', async () => {
    const report = await regularizerFinding.compute();
    expect(regularizerAnswer(reference)).toBe(report.answer);
  });
});

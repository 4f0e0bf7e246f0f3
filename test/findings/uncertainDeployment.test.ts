import { describe, expect, it } from 'vitest';
import { BIN_WIDTH, coefficientCurves, deploymentSweep, uncertainDeploymentFinding } from '../../src/findings/uncertainDeployment.ts';
import { shiftedNormalObservation } from '../../src/model/deployment/observation.ts';
import { constantHazard } from '../../src/model/deployment/phases.ts';
import { deploymentProblem } from '../../src/model/deployment/problem.ts';
import { solveUncertainDeployment } from '../../src/solvers/uncertainDeployment/uncertainDeployment.ts';
import { expectedOutcome } from '../../src/solvers/uncertainDeployment/uncertainDeploymentOutcome.ts';
import { assertInDelta } from '../helpers/assertInDelta.ts';

describe('the uncertain-deployment finding', () => {
  const points = deploymentSweep();
  const series = (prior: string) => points.filter((p) => p.prior === prior);
  const at = (prior: string, shift: number) => series(prior).find((p) => p.shift === shift)!;

  it("seed-1's known T = 20 is the comparison row: a₀ = 0.0312, goal retained 0.904", () => {
    const known = at('known', Infinity);
    expect(known.firstCoefficient).toBeCloseTo(0.0312, 4);
    expect(known.goalRetained).toBeCloseTo(0.904, 3);
    expect(known.meanDeploymentCoefficient).toBeCloseTo(1, 12);
  });

  it('hazard prior: the more detectable deployment, the more the agent defects in deployment', () => {
    const deployment = series('hazard').map((p) => p.meanDeploymentCoefficient);
    for (let i = 1; i < deployment.length; i++) expect(deployment[i]).toBeGreaterThan(deployment[i - 1]);
    expect(at('hazard', 0).meanDeploymentCoefficient).toBeLessThan(0.6);
    expect(at('hazard', Infinity).meanDeploymentCoefficient).toBeCloseTo(1, 12);
  });

  it('hazard prior: undetectable deployment makes training more honest and costs goal; large δ reaches the phase-observed limit', () => {
    expect(at('hazard', 0).meanTrainingCoefficient).toBeGreaterThan(2 * at('hazard', 4).meanTrainingCoefficient);
    expect(at('hazard', 0).goalRetained).toBeLessThan(at('hazard', Infinity).goalRetained - 0.05);
    const [far, limit] = [at('hazard', 8), at('hazard', Infinity)];
    assertInDelta(far.meanTrainingCoefficient, limit.meanTrainingCoefficient, 1e-3);
    assertInDelta(far.goalRetained, limit.goalRetained, 1e-3);
    assertInDelta(far.shownAtTrainingMean, limit.shownAtTrainingMean, 1e-3);
  });

  it('the first agent hides harder when deployment is undetectable', () => {
    for (const prior of ['hazard', 'uniform']) expect(at(prior, 0).firstCoefficient).toBeLessThan(at(prior, Infinity).firstCoefficient);
  });

  it('δ = 0: the coefficient does not depend on x; δ > 0: it rises with x', () => {
    const curves = coefficientCurves([0, 2]);
    for (const row of curves) expect(row['δ = 0']).toBeCloseTo(curves[0]['δ = 0'], 14);
    for (let i = 1; i < curves.length; i++) expect(curves[i]['δ = 2']).toBeGreaterThanOrEqual(curves[i - 1]['δ = 2']);
    expect(curves.at(-1)!['δ = 2']).toBeGreaterThan(0.99);
  });

  it('uniform T ∈ [10, 30]: the clock nearly reveals the phase, so δ matters little', () => {
    const training = series('uniform').map((p) => p.meanTrainingCoefficient);
    expect(Math.max(...training) - Math.min(...training)).toBeLessThan(0.01);
    expect(at('uniform', 0).meanDeploymentCoefficient).toBeGreaterThan(0.85);
  });

  it('the bins are fine enough: halving their width moves the numbers by less than 2e−4', () => {
    const outcome = (binWidth: number) => {
      const problem = deploymentProblem({ phases: constantHazard(0.05, 100), observation: shiftedNormalObservation(2, { binWidth }) });
      return expectedOutcome(problem, solveUncertainDeployment(problem));
    };
    const [coarse, fine] = [outcome(BIN_WIDTH), outcome(BIN_WIDTH / 2)];
    assertInDelta(coarse.meanTrainingCoefficient, fine.meanTrainingCoefficient, 2e-4);
    assertInDelta(coarse.meanDeploymentCoefficient, fine.meanDeploymentCoefficient, 2e-4);
    assertInDelta(coarse.finalGoal, fine.finalGoal, 2e-4);
  });

  it('the report quotes the measured numbers and has four figures', async () => {
    const report = await uncertainDeploymentFinding.compute();
    expect(report.figures.map((f) => f.id)).toEqual(['coefficient-by-observation', 'coefficients-against-shift', 'goal-retained', 'coefficient-map']);
    expect(report.answer).toContain(at('hazard', 0).meanTrainingCoefficient.toFixed(4));
    expect(report.answer).toContain(at('known', Infinity).firstCoefficient.toFixed(4));
    expect(report.table.rows).toHaveLength(21);
  });
});

import { describe, expect, it } from 'vitest';
import { normalObservationFromEdges, phaseObserved, shiftedNormalObservation, signalOf, type ObservationModel } from '../../../src/model/deployment/observation.ts';
import { constantHazard, knownTrainingLength, randomLearningRate, uniformTrainingLength, type PhaseProcess } from '../../../src/model/deployment/phases.ts';
import { deploymentProblem, type DeploymentProblem } from '../../../src/model/deployment/problem.ts';
import { InputError } from '../../../src/errors/inputError.ts';
import { linspace } from '../../../src/numerics/linspace.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { createRng, uniform01, type Rng } from '../../../src/numerics/rng.ts';
import { solveExact } from '../../../src/solvers/exact/exact.ts';
import { coefficientOf, expectedCost, solveUncertainDeployment, TRAINING } from '../../../src/solvers/uncertainDeployment/uncertainDeployment.ts';
import { referenceCost, enumeratePaths, solveUncertainDeploymentReference } from '../../../src/solvers/uncertainDeployment/uncertainDeploymentReference.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

/** A two-state chain with random start and transitions (not absorbing: deployment may end). */
function randomChain(rng: Rng, episodes: number): PhaseProcess {
  const training = new Float64Array(episodes);
  const stay = Float64Array.from({ length: episodes - 1 }, () => uniform01(rng));
  const resume = Float64Array.from({ length: episodes - 1 }, () => 0.5 * uniform01(rng));
  training[0] = uniform01(rng);
  for (let n = 0; n + 1 < episodes; n++) training[n + 1] = training[n] * stay[n] + (1 - training[n]) * resume[n];
  return { training, stay, resume };
}

/** Random signal likelihoods for each phase. */
function randomObservation(rng: Rng, signals: number): ObservationModel {
  const draw = () => {
    const w = Float64Array.from({ length: signals }, () => 0.1 + uniform01(rng));
    const total = w.reduce((s, v) => s + v, 0);
    return w.map((v) => v / total);
  };
  return { training: draw(), deployment: draw(), edges: Float64Array.from({ length: signals - 1 }, (_, i) => i), x: Float64Array.from({ length: signals }, (_, i) => i) };
}

const smallProblems = (): { label: string; problem: DeploymentProblem }[] => {
  const rng = createRng(20240605);
  return [
    { label: 'uniform T on 1…3, three normal bins, δ = 1', problem: deploymentProblem({ phases: uniformTrainingLength(1, 3, 4), observation: normalObservationFromEdges([-0.5, 0.5], 1) }) },
    { label: 'hazard 0.3, two normal bins, δ = 2, γ = 0.9', problem: deploymentProblem({ phases: constantHazard(0.3, 4), observation: normalObservationFromEdges([1], 2), discount: 0.9 }) },
    { label: 'random learning rate p = 0.6, ℓ = 0.7', problem: deploymentProblem({ phases: randomLearningRate(0.6, 4), observation: randomObservation(rng, 3), trainingRate: 0.7 }) },
    ...[0, 1].map((i) => ({
      label: `random chain and signals #${i}`,
      problem: deploymentProblem({ phases: randomChain(rng, 4), observation: randomObservation(rng, 3), trainingRate: 0.3 + uniform01(rng), discount: 0.5 + 0.5 * uniform01(rng) }),
    })),
  ];
};

describe('solveUncertainDeployment', () => {
  it.each(smallProblems())('equals the brute-force reference (enumerated phase and signal paths): $label', ({ problem }) => {
    const fast = solveUncertainDeployment(problem);
    // A coarser search grid and a 4-point prior keep the brute force fast; golden-section search refines the grid.
    const reference = solveUncertainDeploymentReference(problem, { grid: linspace(-2, 2, 81), prior: Float64Array.of(-1, -0.4, 0.3, 1) });
    assertInDelta(fast.coefficients, reference, 1e-6);
  });

  it("its expected cost h_n(a; x) equals the reference's simulated cost for any coefficient", () => {
    for (const { problem } of smallProblems()) {
      const eq = solveUncertainDeployment(problem);
      const paths = enumeratePaths(problem);
      for (let n = 0; n < eq.episodes; n++) {
        for (let b = 0; b < eq.signals; b++) {
          for (const a of [-0.7, 0, 0.2, 0.9, 1.3]) {
            const fast = expectedCost(problem, eq, n, b, a);
            expect(Math.abs(fast - referenceCost(problem, paths, eq.coefficients, n, b, a))).toBeLessThan(1e-12 * Math.max(1, fast));
          }
        }
      }
    }
  });

  it('a known training length reproduces the seed solver for every δ (seed-1: a₀ = 0.0312)', () => {
    const seed1 = solveExact(linearScenario({ schedule: '1x20,0x80' })).coefficients;
    expect(seed1[0]).toBeCloseTo(0.0312, 4);
    for (const observation of [shiftedNormalObservation(0, { binWidth: 0.5 }), shiftedNormalObservation(2, { binWidth: 0.5 }), phaseObserved()]) {
      const eq = solveUncertainDeployment(deploymentProblem({ phases: knownTrainingLength(20, 100), observation }));
      for (let b = 0; b < eq.signals; b++) {
        assertInDelta(Array.from({ length: 100 }, (_, n) => coefficientOf(eq, n, b)), seed1, 1e-12);
      }
    }
  });

  it('training throughout (hazard 0, or a random learning rate with p = 1) reproduces seed-2', () => {
    const seed2 = solveExact(linearScenario({ schedule: '1x100' })).coefficients;
    for (const phases of [constantHazard(0, 100), randomLearningRate(1, 100)]) {
      const eq = solveUncertainDeployment(deploymentProblem({ phases, observation: shiftedNormalObservation(1, { binWidth: 1 }) }));
      assertInDelta(Array.from({ length: 100 }, (_, n) => coefficientOf(eq, n, 3)), seed2, 1e-12);
    }
  });

  it('with δ = 0 the coefficient does not depend on the observation', () => {
    const eq = solveUncertainDeployment(deploymentProblem({ phases: constantHazard(0.05, 100), observation: shiftedNormalObservation(0, { binWidth: 0.25 }) }));
    for (let n = 0; n < eq.episodes; n++) {
      const first = coefficientOf(eq, n, 0);
      // Equal up to Newton's last bit (each signal's root is polished from its neighbour's).
      for (let b = 1; b < eq.signals; b++) assertInDelta(coefficientOf(eq, n, b), first, 1e-15);
    }
  });

  it('with δ > 0 a mid-training agent plays more honestly the more its observation looks like deployment', () => {
    const observation = shiftedNormalObservation(2, { binWidth: 0.1 });
    const eq = solveUncertainDeployment(deploymentProblem({ phases: uniformTrainingLength(10, 30, 100), observation }));
    const at = (x: number) => coefficientOf(eq, 20, signalOf(observation, x));
    for (let x = -3; x < 5; x += 0.5) expect(at(x + 0.5)).toBeGreaterThan(at(x));
    expect(at(-3)).toBeLessThan(0.1);
    expect(at(6)).toBeGreaterThan(0.9);
  });

  it('as δ grows the training coefficients approach the phase-observed limit', () => {
    const phases = constantHazard(0.05, 100);
    const limit = solveUncertainDeployment(deploymentProblem({ phases, observation: phaseObserved() }));
    const gap = (shift: number) => {
      const observation = shiftedNormalObservation(shift, { binWidth: 0.1 });
      const eq = solveUncertainDeployment(deploymentProblem({ phases, observation }));
      let worst = 0;
      for (let n = 0; n < 100; n++) worst = Math.max(worst, Math.abs(coefficientOf(eq, n, signalOf(observation, 0)) - coefficientOf(limit, n, 0)));
      return worst;
    };
    const gaps = [2, 4, 8, 12].map(gap);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
    expect(gaps.at(-1)).toBeLessThan(1e-8);
  });

  it("each agent's coefficient is the global minimum of its expected cost, where the cost's derivative is the cubic", () => {
    const problem = deploymentProblem({ phases: constantHazard(0.05, 60), observation: shiftedNormalObservation(1.5, { binWidth: 0.5 }), discount: 0.95 });
    const eq = solveUncertainDeployment(problem);
    const grid = Array.from({ length: 401 }, (_, i) => -2 + i * 0.01);
    const h = 1e-5;
    for (const n of [0, 10, 30, 59]) {
      for (let b = 0; b < eq.signals; b += 3) {
        const cost = (a: number) => expectedCost(problem, eq, n, b, a);
        const a = coefficientOf(eq, n, b);
        expect(Math.min(...grid.map(cost)) - cost(a)).toBeGreaterThanOrEqual(-1e-14);
        // Finite differences of h against the hand-written derivative (the cubic the solver solves).
        const gp = problem.discount * eq.posterior[n * eq.signals + b];
        const A = eq.futureA[2 * n + TRAINING];
        const B = eq.futureB[2 * n + TRAINING];
        const derivative = (x: number) => 16 * gp * A * x ** 3 + (2 - 8 * gp * A + 8 * gp * B) * x - 2;
        for (const x of [-1, 0.1, a, 0.8]) assertInDelta((cost(x + h) - cost(x - h)) / (2 * h), derivative(x), 1e-6 * Math.max(1, Math.abs(derivative(x))));
        expect(Math.abs(derivative(a))).toBeLessThan(1e-9);
      }
    }
  });

  it('edge cases: one episode, no learning, no discounting of the future', () => {
    const observation = shiftedNormalObservation(1, { binWidth: 1 });
    const ones = (problem: DeploymentProblem) => expect(Array.from(solveUncertainDeployment(problem).coefficients).every((a) => a === 1)).toBe(true);
    ones(deploymentProblem({ phases: constantHazard(0.1, 1), observation }));
    ones(deploymentProblem({ phases: constantHazard(0.1, 30), observation, trainingRate: 0 }));
    ones(deploymentProblem({ phases: constantHazard(0.1, 30), observation, discount: 0 }));
    ones(deploymentProblem({ phases: randomLearningRate(0, 30), observation }));
  });

  it('handles a long run (N = 20 000) and rejects NaN input where it enters', () => {
    const eq = solveUncertainDeployment(deploymentProblem({ phases: constantHazard(1e-3, 20_000), observation: shiftedNormalObservation(3, { binWidth: 1 }) }));
    expect(eq.coefficients.every(Number.isFinite)).toBe(true);
    expect(() => deploymentProblem({ phases: constantHazard(0.1, 5), observation: phaseObserved(), trainingRate: NaN })).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/metrics/metrics.ts';
import { normalObservationFromEdges, shiftedNormalObservation, signalOf } from '../../../src/model/deployment/observation.ts';
import { constantHazard, knownTrainingLength, randomLearningRate, uniformTrainingLength, type PhaseProcess } from '../../../src/model/deployment/phases.ts';
import { deploymentProblem } from '../../../src/model/deployment/problem.ts';
import { linearScenario } from '../../../src/model/scenario.ts';
import { NormalSampler } from '../../../src/numerics/normal.ts';
import { createRng, uniform01 } from '../../../src/numerics/rng.ts';
import { rollout } from '../../../src/rollout/rollout.ts';
import { solveExact } from '../../../src/solvers/exact/exact.ts';
import { coefficientOf, solveUncertainDeployment } from '../../../src/solvers/uncertainDeployment/uncertainDeployment.ts';
import { expectedOutcome } from '../../../src/solvers/uncertainDeployment/uncertainDeploymentOutcome.ts';
import { referenceOutcome } from '../../../src/solvers/uncertainDeployment/uncertainDeploymentReference.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

describe('expectedOutcome', () => {
  it.each([
    ['uniform T on 1…4', uniformTrainingLength(1, 4, 5)],
    ['hazard 0.3', constantHazard(0.3, 5)],
    ['random learning rate p = 0.4', randomLearningRate(0.4, 5)],
  ] as const)('equals the average over every enumerated path: %s', (_, phases) => {
    const problem = deploymentProblem({ phases, observation: normalObservationFromEdges([-0.3, 0.8], 1.2), trainingRate: 0.8 });
    const eq = solveUncertainDeployment(problem);
    const fast = expectedOutcome(problem, eq);
    const slow = referenceOutcome(problem, eq.coefficients);
    assertInDelta(fast.finalGoal, slow.finalGoal, 1e-13);
    assertInDelta(fast.meanTrainingCoefficient, slow.meanTrainingCoefficient, 1e-13);
    assertInDelta(fast.meanDeploymentCoefficient, slow.meanDeploymentCoefficient, 1e-13);
  });

  it("a known training length gives the seed-1 rollout's goal retained and mean training coefficient", () => {
    const scenario = linearScenario({ schedule: '1x20,0x80' });
    const seed = computeMetrics(rollout(scenario, solveExact(scenario).coefficients));
    const problem = deploymentProblem({ phases: knownTrainingLength(20, 100), observation: shiftedNormalObservation(1, { binWidth: 0.5 }) });
    const outcome = expectedOutcome(problem, solveUncertainDeployment(problem));
    assertInDelta(outcome.finalGoal, seed.goalRetained!, 1e-12);
    assertInDelta(outcome.meanTrainingCoefficient, seed.meanTrainingCoefficient!, 1e-12);
    assertInDelta(outcome.meanDeploymentCoefficient, 1, 1e-15);
    expect(outcome.expectedTrainingEpisodes).toBe(20);
  });

  it('matches a seeded Monte Carlo rollout with continuous observations x ~ N(0 or δ, 1)', () => {
    const phases: PhaseProcess = constantHazard(0.05, 100);
    const shift = 2;
    const observation = shiftedNormalObservation(shift);
    const problem = deploymentProblem({ phases, observation });
    const eq = solveUncertainDeployment(problem);
    const exact = expectedOutcome(problem, eq);
    const rng = createRng(7);
    const normal = new NormalSampler(rng);
    const runs = 20_000;
    const goals = new Float64Array(runs);
    const trainingSums = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      let training = uniform01(rng) < phases.training[0];
      let theta = 1;
      let sum = 0;
      for (let n = 0; n < 100; n++) {
        if (n > 0) training = uniform01(rng) < (training ? phases.stay[n - 1] : phases.resume[n - 1]);
        const x = (training ? 0 : shift) + normal.next();
        const a = coefficientOf(eq, n, signalOf(observation, x));
        if (training) {
          sum += a;
          theta *= 1 - 2 * a * a;
        }
      }
      goals[r] = theta;
      trainingSums[r] = sum;
    }
    const within = (samples: Float64Array, expected: number) => {
      const mean = samples.reduce((s, v) => s + v, 0) / runs;
      const variance = samples.reduce((s, v) => s + (v - mean) ** 2, 0) / (runs - 1);
      expect(Math.abs(mean - expected)).toBeLessThan(4 * Math.sqrt(variance / runs));
    };
    within(goals, exact.finalGoal);
    within(trainingSums, exact.meanTrainingCoefficient * exact.expectedTrainingEpisodes);
  });
});

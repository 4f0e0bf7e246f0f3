import { describe, expect, it } from 'vitest';
import { phaseObserved, shiftedNormalObservation } from '../../../src/model/deployment/observation.ts';
import { constantHazard } from '../../../src/model/deployment/phases.ts';
import { deploymentProblem, trainingPosterior } from '../../../src/model/deployment/problem.ts';
import { InputError } from '../../../src/errors/inputError.ts';

describe('trainingPosterior', () => {
  it("is Bayes' rule, and leaves the prior exactly unchanged for an uninformative signal", () => {
    expect(trainingPosterior(0.5, 0.2, 0.6)).toBeCloseTo(0.25, 15);
    expect(trainingPosterior(0.3, 0.2, 0)).toBe(1);
    expect(trainingPosterior(0.37, 0.123, 0.123)).toBe(0.37);
    expect(trainingPosterior(0.37, 0, 0)).toBe(0.37);
  });
});

describe('deploymentProblem', () => {
  it('fills in the seed defaults ℓ = 1, γ = 1', () => {
    const problem = deploymentProblem({ phases: constantHazard(0.1, 5), observation: phaseObserved() });
    expect([problem.trainingRate, problem.discount]).toEqual([1, 1]);
  });

  it('rejects an inconsistent chain, unnormalised likelihoods and bad rates', () => {
    const phases = constantHazard(0.1, 5);
    const observation = shiftedNormalObservation(1);
    const broken = { ...phases, training: Float64Array.of(1, 0.5, 0.5, 0.5, 0.5) };
    expect(() => deploymentProblem({ phases: broken, observation })).toThrow(InputError);
    expect(() => deploymentProblem({ phases, observation: { ...observation, training: observation.training.map((p) => 2 * p) } })).toThrow(InputError);
    expect(() => deploymentProblem({ phases, observation, discount: 1.5 })).toThrow(InputError);
    expect(() => deploymentProblem({ phases, observation, trainingRate: -1 })).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { constantHazard, expectedTrainingEpisodes, fromSurvival, knownTrainingLength, randomLearningRate, uniformTrainingLength } from '../../../src/model/deployment/phases.ts';
import { InputError } from '../../../src/errors/inputError.ts';
import { assertInDelta } from '../../helpers/assertInDelta.ts';

describe('phase processes', () => {
  it('constantHazard(h): P(T > n) = (1 − h)^n, E[T] = (1 − (1 − h)^N)/h, absorbing', () => {
    const phases = constantHazard(0.05, 100);
    expect(phases.training[0]).toBe(1);
    assertInDelta(phases.training[40], 0.95 ** 40, 1e-15);
    assertInDelta(expectedTrainingEpisodes(phases), (1 - 0.95 ** 100) / 0.05, 1e-12);
    assertInDelta(phases.stay, new Float64Array(99).fill(0.95), 1e-15);
    expect(phases.resume.every((p) => p === 0)).toBe(true);
  });

  it('uniformTrainingLength(10, 30): certain training before 10, none from 30, mean 20', () => {
    const phases = uniformTrainingLength(10, 30, 100);
    expect(phases.training[9]).toBe(1);
    expect(phases.training[10]).toBeCloseTo(20 / 21, 15);
    expect(phases.training[30]).toBe(0);
    assertInDelta(expectedTrainingEpisodes(phases), 20, 1e-12);
  });

  it('knownTrainingLength and randomLearningRate', () => {
    expect(Array.from(knownTrainingLength(2, 4).training)).toEqual([1, 1, 0, 0]);
    const random = randomLearningRate(0.3, 5);
    expect(Array.from(random.training)).toEqual([0.3, 0.3, 0.3, 0.3, 0.3]);
    expect(Array.from(random.resume)).toEqual([0.3, 0.3, 0.3, 0.3]);
  });

  it('rejects a survival function that rises, a hazard outside [0, 1] and a bad episode count', () => {
    expect(() => fromSurvival([1, 0.5, 0.6])).toThrow(InputError);
    expect(() => constantHazard(1.5, 10)).toThrow(InputError);
    expect(() => constantHazard(0.1, 0)).toThrow(InputError);
    expect(() => uniformTrainingLength(5, 3, 10)).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { linearScenario } from '../../src/model/scenario.ts';
import { rollout } from '../../src/rollout/rollout.ts';

describe('computeMetrics', () => {
  it('computes each metric of a hand-worked two-training, one-deployment run', () => {
    // θ: 1 → 1·(1 − 2·0.5·0.25) = 0.75 → 0.75·(1 − 2·0.5·1) = 0 → 0.
    const scenario = linearScenario({ schedule: [0.5, 0.5, 0], theta0: 1 });
    const m = computeMetrics(rollout(scenario, Float64Array.from([0.5, 1, 1])));
    expect(m.firstCoefficient).toBe(0.5);
    expect(m.meanTrainingCoefficient).toBe(0.75);
    expect(m.goalRetained).toBe(0);
    expect(m.finalTheta).toBe(0);
    expect(m.trainingBaseLoss).toBeCloseTo(0.25 + 0.5625, 15); // (0.5·1)² + (1·0.75)²
    expect(m.totalMesaLoss).toBeCloseTo(0.25, 15); // (0.5 − 1)², then 0, then 0
    expect(m.trainingEpisodes).toBe(2);
  });

  it('gives null, not NaN, for metrics that do not exist', () => {
    const m = computeMetrics(rollout(linearScenario({ schedule: [0, 0], theta0: 0 }), Float64Array.from([1, 1])));
    expect(m.meanTrainingCoefficient).toBeNull();
    expect(m.goalRetained).toBeNull();
    expect(JSON.stringify(m)).not.toContain('NaN');
  });

  it('gives goal retained 1 when nothing is trained', () => {
    const m = computeMetrics(rollout(linearScenario({ schedule: [0, 0] }), Float64Array.from([1, 1])));
    expect(m.goalRetained).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { corridorFinding, deploymentThreshold } from '../../src/findings/corridor.ts';

describe('the corridor finding', () => {
  it('the threshold deployment length grows with the training length and shrinks with the discount', () => {
    expect(deploymentThreshold(2, 1)).toBe(2);
    expect(deploymentThreshold(10, 0.9)!).toBeGreaterThan(deploymentThreshold(2, 0.9)!);
    expect(deploymentThreshold(10, 0.95)!).toBeLessThanOrEqual(deploymentThreshold(10, 0.9)!);
    // 0.9^T/(1 − 0.9) ≤ 1 from T = 22: no deployment length suffices.
    expect(deploymentThreshold(21, 0.9)).not.toBeNull();
    expect(deploymentThreshold(22, 0.9)).toBeNull();
  });

  it('the solver agrees with the closed form on every setting of the report', async () => {
    const report = await corridorFinding.compute();
    expect(report.answer).toMatch(/equals the closed-form threshold .* on all \d+ settings/);
    expect(report.table.rows[0]).toEqual([1, 'AABBB', 3, 3, 'deceive']);
  });
});

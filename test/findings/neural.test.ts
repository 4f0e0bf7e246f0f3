import { describe, expect, it } from 'vitest';
import { compareNeural } from '../../src/findings/neuralRuns.ts';

describe('the neural-policy finding', () => {
  // A short schedule and a small network keep the test fast; the page uses seed-1/seed-2 and 2×16.
  const run = compareNeural('1x6,0x6', [8]);

  it('the network is never worse for agent 0 than the linear class', () => {
    expect(run.neuralCost).toBeLessThanOrEqual(run.linearCost * (1 + 1e-3));
  });

  it('the first training agent hides at least as much as the linear one', () => {
    expect(Math.abs(run.pathOutput[0])).toBeLessThanOrEqual(run.linearFirst * 0.8 + 1e-6);
  });

  it('reports the network and its slope consistently with finite differences', () => {
    const h = 1e-6;
    const { slope } = run.network(2, 0.3);
    expect(slope).toBeCloseTo((run.network(2, 0.3 + h).y - run.network(2, 0.3 - h).y) / (2 * h), 5);
  });
});

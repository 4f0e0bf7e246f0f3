import { describe, expect, it } from 'vitest';
import { misconceptionFinding, misconceptionRuns } from '../../src/findings/misconception.ts';

describe('the misconception finding', () => {
  const runs = misconceptionRuns();
  const run = (prefix: string, beta0: number) => runs.find((r) => r.schedule.startsWith(prefix) && r.beta0 === beta0)!;

  it('short training moves neither the goal nor the belief by 10%', () => {
    for (const beta0 of [0.5, -0.5]) {
      expect(run('seed-1', beta0).thetaMoves).toBeNull();
      expect(run('seed-1', beta0).betaMoves).toBeNull();
    }
  });

  it('under slow training the belief moves first but the goal changes more', () => {
    const slow = run('slow: ', 0.5);
    expect(slow.betaMoves).not.toBeNull();
    expect(slow.betaMoves!).toBeLessThan(slow.thetaMoves!);
    expect(Math.abs(slow.thetaAfter / 0.8 - 1)).toBeGreaterThan(Math.abs(slow.betaAfter / 0.5 - 1));
    expect(Math.abs(slow.thetaAfter - 0.8)).toBeGreaterThan(Math.abs(slow.betaAfter - 0.5));
  });

  it('the answer describes the measured order', async () => {
    const report = await misconceptionFinding.compute();
    expect(report.answer).toContain('the belief moves first');
    expect(report.figures).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { onlineRuns } from '../../src/findings/online.ts';

describe('the online-learning finding', () => {
  const rows = onlineRuns();
  const row = (learner: string, stage: string) => rows.find((r) => r.learner.id === learner && r.stage.id === stage)!;

  it('deception survives without a deployment stage under gradient steps and REINFORCE', () => {
    for (const learner of ['seed', 'all-data', 'reinforce', 'reinforce-baseline']) {
      expect(row(learner, 'online').deceptionIndex).toBeGreaterThan(0.5);
      // A deployment stage raises the stakes.
      expect(row(learner, 'deployment').deceptionIndex).toBeGreaterThan(row(learner, 'online').deceptionIndex);
    }
  });

  it('full re-optimisation: online every training agent but the last is tied; with deployment none is', () => {
    expect(row('full', 'online').ties).toBe(99);
    expect(row('full', 'deployment').ties).toBe(0);
    expect(row('full', 'deployment').deceptionIndex).toBe(1);
    expect(row('full', 'online').goalRetained).toBe(0);
  });

  it('the seed learner keeps more of its goal with a deployment stage ahead', () => {
    expect(row('seed', 'deployment').goalRetained).toBeGreaterThan(row('seed', 'online').goalRetained);
  });
});

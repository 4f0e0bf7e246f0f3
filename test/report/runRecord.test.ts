import { describe, expect, it } from 'vitest';
import { runConfigs } from '../../src/experiment/pipeline.ts';
import { gameResultToJson } from '../../src/report/gameResultJson.ts';
import { resultToJson } from '../../src/report/resultJson.ts';
import { runRecords } from '../../src/report/runRecord.ts';
import { trajectoryToCsv } from '../../src/report/trajectoryCsv.ts';
import { seedAsGameTrajectory } from '../../src/rollout/gameTrajectory.ts';
import { seed1 } from '../../src/scenarios/seed.ts';

const source = { config: seed1, defaultName: 'seed-1' };

describe('runRecords(batch)', () => {
  it('holds a seed-family run as a game: θ the goal parameter, its coefficient the action a, the seed contract for its files', () => {
    const batch = runConfigs([source]);
    if (batch.kind !== 'seed') throw new Error('seed-1 runs on the seed pipeline');
    const [result] = batch.results;
    const [record] = runRecords(batch);
    expect(record.goal).toBe('theta');
    expect(record.trajectory.parameters.theta).toBe(result.trajectory.theta);
    expect(record.trajectory.actions.a).toBe(result.trajectory.coefficient);
    expect(record.actions).toBe(result.equilibrium.coefficients);
    expect(record.metrics.firstCoefficient).toBe(result.metrics.firstCoefficient);
    expect(record.json()).toEqual(resultToJson(result));
    expect([...record.csvChunks()].join('')).toBe(trajectoryToCsv(seedAsGameTrajectory(result.trajectory, 'theta', 'coefficient')));
  });

  it('holds a game run with its own contract, and the same seed game solved by lq as a game plays the exact seed solver\'s path', () => {
    const batch = runConfigs([source], 'lq');
    if (batch.kind !== 'game') throw new Error('lq runs seed-1 as a game');
    const [record] = runRecords(batch);
    const [seedRecord] = runRecords(runConfigs([source], 'exact'));
    expect(record.game).toBe(batch.results[0]);
    expect(record.json()).toEqual(gameResultToJson(batch.results[0]));
    expect(record.actionNames).toEqual(['a']);
    expect(record.policy).toBe('linear');
    // Both solve the continuous game (no coefficient grid): lq by its quadratic value recursion, exact by the seed's closed form.
    const theta = record.trajectory.parameters.theta;
    const seedTheta = seedRecord.trajectory.parameters.theta;
    expect(theta.length).toBe(seedTheta.length);
    for (let n = 0; n < theta.length; n++) expect(theta[n]).toBeCloseTo(seedTheta[n], 9);
  });
});

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGame } from '../../src/experiment/gameExperiment.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { readConfigFile } from '../../src/cli/scenarioSource.ts';
import { mesalab } from './mesalab.ts';

describe('mesalab run with general games', () => {
  it('`run examples/belief.yaml --json` prints the game contract with what the library computes', async () => {
    const { code, stdout } = await mesalab(['run', 'examples/belief.yaml', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const expected = runGame(parseGameConfig(readConfigFile('examples/belief.yaml')));
    expect(result.solver).toBe('lq');
    expect(Object.keys(result.parameters)).toEqual(['theta', 'beta']);
    expect(result.parameters.theta).toHaveLength(101);
    expect(result.actions.k_theta).toEqual(Array.from(expected.trajectory.actions.k_theta));
    expect(result.game.believedObjective).toBe('(y - b)^2');
  });

  it('`--solver auto` picks the most exact solver: exact for the seed family', async () => {
    const { code, stdout } = await mesalab(['run', 'seed-1', '--solver', 'auto', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.solver).toBe('exact');
    expect(result.metrics.firstAction.a).toBeCloseTo(0.0312, 4);
  });

  it('`--out` writes the game outputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesalab-game-'));
    const { code } = await mesalab(['run', 'examples/belief.yaml', '--out', dir]);
    expect(code).toBe(0);
    for (const file of ['trajectory.csv', 'result.json', 'figure.svg', 'figure.png']) expect(existsSync(join(dir, 'belief', file))).toBe(true);
  });

  it.each([
    [{ schedule: '1x3', baseObjective: 'y^2 + process.exit(1)' }, [], /baseObjective: .*not allowed|unknown variable/],
    [{ schedule: '1x3', policy: { type: 'mlp', hidden: [4] }, solver: 'lq' }, [], /solver: lq cannot solve this game: the lq solver needs a linear policy/],
    [{ schedule: '1x3', parameters: { theta: { initial: 1, prior: [] } } }, [], /parameters.theta.prior: needs at least one point/],
    [{ schedule: '1x3', goal: 'phi' }, [], /goal: "phi" is not a parameter/],
    [{ schedule: '1x3' }, ['--solver', 'magic'], /unknown solver "magic"/],
  ])('a bad game file %j fails with one clear line', async (config, extra, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'mesalab-bad-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(config));
    const { code, stderr } = await mesalab(['run', file, ...extra]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

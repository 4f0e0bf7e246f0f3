import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mesalab } from './mesalab.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'mesalab-cli-'));

describe('mesalab CLI', () => {
  it('`list` names the built-in scenarios', async () => {
    const { code, stdout } = await mesalab(['list']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^seed-1 /m);
    expect(stdout).toMatch(/^seed-2 /m);
  });

  it('`run seed --json` prints both experiments with the published first coefficients', async () => {
    const { code, stdout } = await mesalab(['run', 'seed', '--json']);
    expect(code).toBe(0);
    const [one, two] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(one.scenario).toBe('seed-1');
    expect(one.coefficients[0]).toBeCloseTo(0.03, 12);
    expect(two.coefficients[0]).toBeCloseTo(0.05, 12);
    expect(Math.abs(two.theta[99])).toBeCloseTo(0.08, 2);
  });

  it('`solve --json` honours the documented contract', async () => {
    const { code, stdout } = await mesalab(['solve', '--schedule', '1x5,0x3', '--solver', 'exact', '--discount', '0.9', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.coefficients).toHaveLength(8);
    expect(result.theta).toHaveLength(9);
    expect(result.output).toHaveLength(8);
    expect(result.learningRate).toEqual([1, 1, 1, 1, 1, 0, 0, 0]);
    expect(result.solver).toBe('exact');
    expect(result.parameters.discount).toBe(0.9);
    expect(Object.keys(result.metrics)).toEqual(
      expect.arrayContaining(['firstCoefficient', 'meanTrainingCoefficient', 'goalRetained', 'trainingBaseLoss', 'totalMesaLoss']),
    );
  });

  it('`solve --schedule FILE.json` reads the learning rates from a JSON array', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'rates.json'), '[1, 1, 0]');
    const { code, stdout } = await mesalab(['solve', '--schedule', join(dir, 'rates.json'), '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).learningRate).toEqual([1, 1, 0]);
  });

  it('`solve --out DIR` writes the trajectory, the result and the figure', async () => {
    const dir = join(tmp(), 'out');
    const { code } = await mesalab(['solve', '--schedule', '1x20,0x80', '--out', dir]);
    expect(code).toBe(0);
    for (const file of ['trajectory.csv', 'result.json', 'figure.svg', 'figure.png']) expect(existsSync(join(dir, file))).toBe(true);
    expect(readFileSync(join(dir, 'trajectory.csv'), 'utf8').split('\n')[0]).toBe('episode,theta,coefficient,learningRate,output,baseLoss,mesaLoss');
  });

  it('`run FILE.yaml` runs a scenario file like a built-in', async () => {
    const dir = tmp();
    const file = join(dir, 'exp.yaml');
    writeFileSync(file, 'schedule: {training: 20, deployment: 80}\ntheta0: 0.8\n');
    const { code, stdout } = await mesalab(['run', file, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.scenario).toBe('exp');
    expect(result.coefficients[0]).toBeCloseTo(0.03, 12);
  });

  it.each([
    [['solve', '--schedule', '1x'], /schedule item 1/],
    [['solve', '--schedule', '1,-2'], /schedule\[1\] \(learning rate\): must be at least 0/],
    [['solve', '--schedule', '1,inf'], /expected a number/],
    [['solve', '--schedule', ''], /schedule: is empty/],
    [['solve', '--schedule', '1x20000001'], /more than 20000000 episodes/],
    [['solve', '--schedule', '1x3', '--solver', 'magic'], /--solver: unknown solver "magic"; known: auto, exact, lq, history, dp, neural, infinite-horizon, trained-discount, uncertain-deployment, corridor, grid, reference/],
    [['solve', '--schedule', '1x3', '--theta0', 'abc'], /--theta0: expected a number, got "abc"/],
    [['solve', '--schedule', '1x3', '--discount', '1.5'], /discount: must be between 0 and 1/],
    [['solve', '--schedule', '1x2001', '--solver', 'reference'], /at most 2000 episodes/],
    [['solve', '--schedule', '1e200x5', '--regularizer', '1'], /diverged at episode 3/],
    [['run', 'seed-9'], /unknown scenario "seed-9"; known: seed-1/],
    [['run', '/nonexistent/exp.yaml'], /cannot read this file/],
  ])('%j fails with one clear line on stderr', async (args, message) => {
    const { code, stdout, stderr } = await mesalab(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toMatch(/NaN/);
  });

  it('usage errors exit 2 and --help works on every command', async () => {
    expect((await mesalab(['frobnicate'])).code).toBe(2);
    for (const command of [[], ['list'], ['run'], ['solve']]) {
      const { code, stdout } = await mesalab([...command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Usage: mesalab/);
    }
  });
});

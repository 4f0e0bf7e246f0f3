import { describe, expect, it } from 'vitest';
import { mesalab } from './mesalab.ts';

describe('one pipeline behind run and solve', () => {
  it('`solve --solver lq --json` runs the seed scenario as a game with the exact coefficients', async () => {
    const [lq, exact] = await Promise.all([
      mesalab(['solve', '--schedule', '1x20,0x80', '--discount', '0.9', '--solver', 'lq', '--json']),
      mesalab(['solve', '--schedule', '1x20,0x80', '--discount', '0.9', '--solver', 'exact', '--json']),
    ]);
    expect(lq.code).toBe(0);
    expect(exact.code).toBe(0);
    const game = JSON.parse(lq.stdout);
    const seed = JSON.parse(exact.stdout);
    expect(game.solver).toBe('lq');
    expect(game.metrics.firstAction.a).toBeCloseTo(seed.coefficients[0], 9);
  });

  it('`run NAME --set PATH=VALUE` equals the scenario with that field changed', async () => {
    const [set, direct] = await Promise.all([
      mesalab(['run', 'seed-1', '--set', 'schedule={training: 20, deployment: 10}', '--json']),
      mesalab(['solve', '--schedule', '1x20,0x10', '--json']),
    ]);
    expect(set.code).toBe(0);
    const a = JSON.parse(set.stdout);
    const b = JSON.parse(direct.stdout);
    expect(a.coefficients).toEqual(b.coefficients);
    expect(a.episodes).toBe(30);
  });

  it('`--set` without "=" is one line naming --set', async () => {
    const { code, stderr } = await mesalab(['run', 'seed-1', '--set', 'discount']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['mesalab: --set: "discount" is not PATH=VALUE, e.g. discount=0.9 or update.steps=10']);
  });
});

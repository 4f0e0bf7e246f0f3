import { describe, expect, it } from 'vitest';
import { NormalSampler } from '../../src/numerics/normal.ts';
import { checkSeed, createRng, independentStreams, uniform01 } from '../../src/numerics/rng.ts';

describe('seeded random helpers', () => {
  it('createRng(seed) gives the same numbers for the same seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 10 }, () => uniform01(rng));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0xffff_ffff)).not.toEqual(draw(0));
  });

  it('independentStreams(seed, n) starts with the plain generator and gives n distinct streams', () => {
    const streams = independentStreams(9, 50);
    const plain = createRng(9);
    expect(uniform01(streams[0])).toBe(uniform01(plain));
    const firsts = streams.slice(1).map((rng) => uniform01(rng));
    expect(new Set(firsts).size).toBe(49);
    expect(independentStreams(9, 3).map((rng) => uniform01(rng))).toEqual(independentStreams(9, 3).map((rng) => uniform01(rng)));
  });

  it('uniform01 lies in [0, 1) with mean 1/2 and variance 1/12 (99.9% intervals over 10⁵ draws)', () => {
    const rng = createRng(1);
    const n = 100_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform01(rng);
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3.29 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(squares / n - sum ** 2 / n ** 2 - 1 / 12)).toBeLessThan(3.29 * Math.sqrt(1 / 180 / n));
  });

  it('NormalSampler draws N(0, 1): mean, variance and the share beyond ±1.96 within 99.9% intervals over 2·10⁵ draws', () => {
    const sampler = new NormalSampler(createRng(2));
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let tails = 0;
    for (let i = 0; i < n; i++) {
      const x = sampler.next();
      sum += x;
      squares += x * x;
      if (Math.abs(x) > 1.959964) tails++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(3.29 * Math.sqrt(1 / n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(3.29 * Math.sqrt(2 / n));
    expect(Math.abs(tails / n - 0.05)).toBeLessThan(3.29 * Math.sqrt((0.05 * 0.95) / n));
  });

  it('checkSeed accepts 32-bit unsigned integers only, naming the field', () => {
    expect(checkSeed(0)).toBe(0);
    expect(checkSeed(0xffff_ffff)).toBe(0xffff_ffff);
    for (const bad of [-1, 1.5, NaN, 2 ** 32]) expect(() => checkSeed(bad, 'run.seed')).toThrow(/run\.seed: must be a whole number from 0 to 4294967295/);
  });
});

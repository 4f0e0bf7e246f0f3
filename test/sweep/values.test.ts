import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/inputError.ts';
import { expandValues, parseValuesSpec } from '../../src/sweep/values.ts';

const values = (spec: unknown) => expandValues(parseValuesSpec(spec, 'sweep.x'), 'sweep.x');

describe('expandValues(parseValuesSpec(spec))', () => {
  it('keeps a list as written, numbers and strings alike', () => {
    expect(values([3, 1, 2])).toEqual([3, 1, 2]);
    expect(values(['1x20,0x80', '1x100'])).toEqual(['1x20,0x80', '1x100']);
  });

  it('gives `steps` evenly spaced values from `from` to `to` inclusive', () => {
    expect(values({ from: 0, to: 1, steps: 5 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(values({ from: 1, to: 100, steps: 100 })).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(values({ from: 2, to: 7, steps: 1 })).toEqual([2]);
    expect(values({ from: 1, to: 0, steps: 3 })).toEqual([1, 0.5, 0]);
  });

  it('rounds range values to 12 significant digits of the range, so decimal steps stay decimal', () => {
    expect(values({ from: 0, to: 1, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(values({ from: -0.3, to: 0.3, steps: 7 })).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(Object.is(values({ from: -1, to: 1, steps: 3 })[1], 0)).toBe(true);
  });

  it('gives a geometric sequence for a log range, hitting both ends exactly', () => {
    expect(values({ from: 0.01, to: 100, steps: 5, log: true })).toEqual([0.01, 0.1, 1, 10, 100]);
    const v = values({ from: 1e-3, to: 1, steps: 7, log: true }) as number[];
    for (let i = 1; i < v.length; i++) expect(v[i] / v[i - 1]).toBeCloseTo(Math.sqrt(10), 9);
  });

  it('steps from `from` towards `to` and includes `to` when the step lands on it', () => {
    expect(values({ from: 0, to: 400, step: 100 })).toEqual([0, 100, 200, 300, 400]);
    expect(values({ from: 0, to: 350, step: 100 })).toEqual([0, 100, 200, 300]);
    expect(values({ from: 10, to: 0, step: -5 })).toEqual([10, 5, 0]);
  });

  it('rejects malformed specs with an error naming the field', () => {
    const error = (spec: unknown) => {
      try {
        values(spec);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).message;
      }
      throw new Error('no error');
    };
    expect(error([])).toMatch(/^sweep\.x: needs at least one value/);
    expect(error({ from: 0, to: 1, steps: 0 })).toMatch(/^sweep\.x\.steps: /);
    expect(error({ from: 0, to: 1, steps: 2.5 })).toMatch(/^sweep\.x\.steps: /);
    expect(error({ from: 0, to: 1, step: 0 })).toMatch(/^sweep\.x\.step: must be nonzero/);
    expect(error({ from: 0, to: 1, step: -1 })).toMatch(/^sweep\.x\.step: /);
    expect(error({ from: 0, to: 1, steps: 3, log: true })).toMatch(/^sweep\.x: a log range needs from > 0/);
    expect(error({ from: 0, to: 1, stepz: 3 })).toMatch(/^sweep\.x/);
    expect(error(7)).toMatch(/^sweep\.x: expected a list of values/);
    expect(error([1, null])).toMatch(/^sweep\.x\.1: /);
  });
});

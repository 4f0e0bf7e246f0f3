import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ delta, elementwise for arrays (d3's assertInDelta). */
export function assertInDelta(actual: number | ArrayLike<number>, expected: number | ArrayLike<number>, delta: number): void {
  if (typeof actual === 'number' || typeof expected === 'number') {
    const a = Number(actual);
    const e = Number(expected);
    if (!(Math.abs(a - e) <= delta)) expect.fail(`expected ${a} to be within ${delta} of ${e}`);
    return;
  }
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= delta)) {
      expect.fail(`at index ${i}: expected ${actual[i]} to be within ${delta} of ${expected[i]}`);
    }
  }
}

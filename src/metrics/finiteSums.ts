import { DivergenceError } from '../errors/inputError.ts';

/**
 * Throws DivergenceError at the episode where the running sum of `terms[n]` (over the episodes
 * `counted`) first stops being finite, when the total `sum` is not finite. Free when it is.
 */
export function checkFiniteSum(sum: number, terms: ArrayLike<number>, counted: (n: number) => boolean, what: string): void {
  if (Number.isFinite(sum)) return;
  let running = 0;
  for (let n = 0; n < terms.length; n++) {
    if (!counted(n)) continue;
    running += terms[n];
    if (!Number.isFinite(running)) throw new DivergenceError(n, what);
  }
  throw new DivergenceError(terms.length - 1, what);
}

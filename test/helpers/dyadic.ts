/**
 * Exact arithmetic on dyadic rationals n·2⁻ᵏ (every finite double is one), to check rounding-error
 * bounds against the exact value of an expression in its double inputs.
 */
export interface Dyadic {
  readonly n: bigint;
  readonly k: number;
}

/** The exact value of a finite double. */
export function dyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`dyadic: ${x} is not finite`);
  let k = 0;
  // Doubling is exact here: a double that is not an integer is below 2⁵³ in size.
  while (!Number.isInteger(x)) {
    x *= 2;
    k++;
  }
  return { n: BigInt(x), k };
}

const align = (x: Dyadic, k: number): bigint => x.n << BigInt(k - x.k);

export function add(x: Dyadic, y: Dyadic): Dyadic {
  const k = Math.max(x.k, y.k);
  return { n: align(x, k) + align(y, k), k };
}

export const neg = (x: Dyadic): Dyadic => ({ n: -x.n, k: x.k });
export const sub = (x: Dyadic, y: Dyadic): Dyadic => add(x, neg(y));
export const mul = (x: Dyadic, y: Dyadic): Dyadic => ({ n: x.n * y.n, k: x.k + y.k });
export const sign = (x: Dyadic): number => (x.n > 0n ? 1 : x.n < 0n ? -1 : 0);
export const abs = (x: Dyadic): Dyadic => (x.n < 0n ? neg(x) : x);
/** −1, 0 or 1 as x <, = or > y. */
export const compare = (x: Dyadic, y: Dyadic): number => sign(sub(x, y));

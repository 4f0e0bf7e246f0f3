/** Golden values are compared after rounding to 10 decimals, so last-bit noise is not a change. */
export function roundForGolden(values: ArrayLike<number>): number[] {
  return Array.from(values, (x) => Math.round(x * 1e10) / 1e10 + 0);
}

/**
 * The lattice of the history S = Σ past squared training coefficients (DESIGN §4). When every grid
 * coefficient is a rational p/r with a small denominator (linspace(−2, 2, 401) is k/100), every
 * a² is an integer multiple m_a of the quantum q = 1/R², R the least common denominator, and every
 * S reachable from S = 0 is u·q for an integer u. Tabulating the value functions at those points
 * needs no interpolation: S′ = S + a² is again a lattice point.
 */

export interface SquareLattice {
  /** R², so that S = u / R² (the quantum is q = 1/R²). */
  readonly unitsPerOne: number;
  /** m_a = a²/q for each grid point, an integer. */
  readonly units: Float64Array;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** x as p/r (r ≤ maxDenominator) by continued fractions, or null when none is within 1e−12. */
export function rational(x: number, maxDenominator: number): { p: number; r: number } | null {
  const sign = x < 0 ? -1 : 1;
  let y = Math.abs(x);
  let [p0, r0, p1, r1] = [0, 1, 1, 0];
  for (let i = 0; i < 64; i++) {
    const whole = Math.floor(y);
    [p0, r0, p1, r1] = [p1, r1, whole * p1 + p0, whole * r1 + r0];
    if (r1 > maxDenominator) return null;
    if (Math.abs(p1 / r1 - Math.abs(x)) <= 1e-12 * Math.max(1, Math.abs(x))) return { p: sign * p1, r: r1 };
    const rest = y - whole;
    if (rest === 0) return null;
    y = 1 / rest;
  }
  return null;
}

/** The lattice of `grid`'s squares, or null when a coefficient is not p/r with r ≤ maxDenominator. */
export function squareLattice(grid: ArrayLike<number>, maxDenominator = 10000): SquareLattice | null {
  const fractions: { p: number; r: number }[] = [];
  let common = 1;
  for (let i = 0; i < grid.length; i++) {
    const f = rational(grid[i], maxDenominator);
    if (!f) return null;
    fractions.push(f);
    common = (common / gcd(common, f.r)) * f.r;
    if (common > maxDenominator) return null;
  }
  const units = Float64Array.from(fractions, ({ p, r }) => ((p * common) / r) ** 2);
  return { unitsPerOne: common * common, units };
}

/**
 * The units S is counted in: lattice quanta (integral, S = u/R²) when the grid's squares have a
 * lattice, else S itself (unitsPerOne 1, units a², not integral).
 */
export interface HistoryScale extends SquareLattice {
  readonly integral: boolean;
}

export function historyScale(grid: Float64Array): HistoryScale {
  const lattice = squareLattice(grid);
  return lattice ? { ...lattice, integral: true } : { unitsPerOne: 1, units: Float64Array.from(grid, (a) => a * a), integral: false };
}

/**
 * Real roots of the depressed cubic c3·x³ + c1·x + c0 = 0 (no x² term), by Cardano's formula
 * (one real root) or the trigonometric form (three), each polished by Newton steps (which also
 * repair the closed forms where squares underflow). Where the
 * normalised coefficients overflow (c3 tiny), the roots are the linear root −c0/c1 and, when
 * c1/c3 < 0, the far pair ±√(−c1/c3), polished the same way.
 */
/** Newton steps stop once a step is below this relative size (or after MAX_NEWTON_STEPS). */
const NEWTON_TOLERANCE = 1e-15;
const MAX_NEWTON_STEPS = 8;

/** Writes the real roots into `roots` (length ≥ 3) and returns how many there are. */
export function depressedCubicRoots(c3: number, c1: number, c0: number, roots: Float64Array): number {
  if (c3 === 0) {
    if (c1 === 0) return 0;
    roots[0] = -c0 / c1;
    return 1;
  }
  const count = closedFormRoots(c1 / c3, c0 / c3, roots) || farFieldRoots(c3, c1, c0, roots);
  for (let i = 0; i < count; i++) roots[i] = polish(c3, c1, c0, roots[i]);
  return count;
}

/** Roots of x³ + p·x + q = 0; 0 when the numbers overflow. */
function closedFormRoots(p: number, q: number, roots: Float64Array): number {
  const halfQ = q / 2;
  const thirdP = p / 3;
  const discriminant = halfQ * halfQ + thirdP * thirdP * thirdP;
  if (!Number.isFinite(discriminant)) return 0;
  if (discriminant >= 0) {
    // x = u − (p/3)/u with u³ = −q/2 ± √D, the sign chosen to avoid cancellation.
    const s = Math.sqrt(discriminant);
    const u = Math.cbrt(halfQ > 0 ? -halfQ - s : -halfQ + s);
    roots[0] = u === 0 ? 0 : u - thirdP / u;
    return 1;
  }
  // Three real roots (p < 0): x_k = 2√(−p/3)·cos((φ − 2πk)/3), cos φ = −(q/2)/(−p/3)^(3/2).
  const m = -thirdP;
  const cosPhi = Math.min(1, Math.max(-1, -halfQ / (m * Math.sqrt(m))));
  const phi = Math.acos(cosPhi);
  const r = 2 * Math.sqrt(m);
  for (let k = 0; k < 3; k++) roots[k] = r * Math.cos((phi - 2 * Math.PI * k) / 3);
  return 3;
}

function farFieldRoots(c3: number, c1: number, c0: number, roots: Float64Array): number {
  if (c1 === 0) {
    roots[0] = Math.cbrt(-c0 / c3);
    return 1;
  }
  roots[0] = -c0 / c1;
  const ratio = -c1 / c3;
  if (!(ratio > 0)) return 1;
  roots[1] = Math.sqrt(ratio);
  roots[2] = -roots[1];
  return 3;
}

function polish(c3: number, c1: number, c0: number, x: number): number {
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const slope = 3 * c3 * x * x + c1;
    if (slope === 0) break;
    const delta = (c3 * x * x * x + c1 * x + c0) / slope;
    if (!Number.isFinite(delta)) break;
    x -= delta;
    if (Math.abs(delta) <= NEWTON_TOLERANCE * Math.abs(x)) break;
  }
  return x;
}

/**
 * The root of c3·x³ + c1·x + c0 when c3 ≥ 0, c1 ≥ 0 and c0 < 0: the cubic is increasing, so the
 * root is unique and positive. Newton's method from a positive `guess` converges to it
 * monotonically after at most one overshoot (the cubic is convex for x > 0); a good guess (the
 * neighbouring episode's answer) needs two or three steps, far cheaper than cbrt. NaN when it
 * has not converged in MAX_GUIDED_STEPS, so the caller can fall back to the closed form.
 */
export function increasingCubicRoot(c3: number, c1: number, c0: number, guess: number): number {
  let x = guess;
  for (let step = 0; step < MAX_GUIDED_STEPS; step++) {
    const delta = (c3 * x * x * x + c1 * x + c0) / (3 * c3 * x * x + c1);
    x -= delta;
    if (Math.abs(delta) <= NEWTON_TOLERANCE * x) return x;
  }
  return NaN;
}

const MAX_GUIDED_STEPS = 40;

/**
 * Real roots of the general cubic c3·x³ + c2·x² + c1·x + c0 (of lower degree when the leading
 * coefficients vanish): shifted to a depressed cubic, solved, shifted back and polished by
 * Newton steps on the original. Returns the number of roots written into `roots` (length ≥ 3).
 */
export function cubicRoots(c3: number, c2: number, c1: number, c0: number, roots: Float64Array): number {
  if (c3 === 0) return quadraticRoots(c2, c1, c0, roots);
  const shift = c2 / (3 * c3);
  const p = (3 * c3 * c1 - c2 * c2) / (3 * c3 * c3);
  const q = (2 * c2 * c2 * c2 - 9 * c3 * c2 * c1 + 27 * c3 * c3 * c0) / (27 * c3 * c3 * c3);
  const count = Number.isFinite(p) && Number.isFinite(q) ? depressedCubicRoots(1, p, q, roots) : quadraticRoots(c2, c1, c0, roots);
  for (let i = 0; i < count; i++) {
    let x = Number.isFinite(p) && Number.isFinite(q) ? roots[i] - shift : roots[i];
    for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
      const slope = (3 * c3 * x + 2 * c2) * x + c1;
      if (slope === 0) break;
      const delta = (((c3 * x + c2) * x + c1) * x + c0) / slope;
      if (!Number.isFinite(delta)) break;
      x -= delta;
      if (Math.abs(delta) <= NEWTON_TOLERANCE * Math.abs(x)) break;
    }
    roots[i] = x;
  }
  return count;
}

/** Real roots of c2·x² + c1·x + c0, by the cancellation-free form of the quadratic formula. */
function quadraticRoots(c2: number, c1: number, c0: number, roots: Float64Array): number {
  if (c2 === 0) {
    if (c1 === 0) return 0;
    roots[0] = -c0 / c1;
    return 1;
  }
  const discriminant = c1 * c1 - 4 * c2 * c0;
  if (discriminant < 0) return 0;
  const t = -0.5 * (c1 + Math.sign(c1 || 1) * Math.sqrt(discriminant));
  roots[0] = t / c2;
  roots[1] = t === 0 ? 0 : c0 / t;
  return 2;
}

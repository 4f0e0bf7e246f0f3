/**
 * Small dense matrices (d ≤ 4) as row-major Float64Arrays. The LQ recursion multiplies a few
 * d×d matrices per episode, millions of times: plain loops over preallocated arrays are faster
 * here than any general matrix library's object-per-matrix API, which is why these are written out.
 */
export type Matrix = Float64Array;

export const zeros = (d: number): Matrix => new Float64Array(d * d);

export function identity(d: number): Matrix {
  const m = zeros(d);
  for (let i = 0; i < d; i++) m[i * d + i] = 1;
  return m;
}

/** out = a·b (d×d); out must not alias a or b. */
export function multiply(a: Matrix, b: Matrix, d: number, out: Matrix): Matrix {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += a[i * d + k] * b[k * d + j];
      out[i * d + j] = sum;
    }
  }
  return out;
}

/** out = aᵀ·b (d×d); out must not alias a or b. */
export function multiplyTransposed(a: Matrix, b: Matrix, d: number, out: Matrix): Matrix {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let k = 0; k < d; k++) sum += a[k * d + i] * b[k * d + j];
      out[i * d + j] = sum;
    }
  }
  return out;
}

/** tr(a·b) for d×d matrices. */
export function traceOfProduct(a: Matrix, b: Matrix, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) sum += a[i * d + k] * b[k * d + i];
  return sum;
}

/** xᵀ·m·y. */
export function bilinear(x: ArrayLike<number>, m: Matrix, y: ArrayLike<number>, d: number): number {
  let sum = 0;
  for (let i = 0; i < d; i++) {
    let row = 0;
    for (let j = 0; j < d; j++) row += m[i * d + j] * y[j];
    sum += x[i] * row;
  }
  return sum;
}

/** out = mᵀ·v. */
export function transposeTimesVector(m: Matrix, v: ArrayLike<number>, d: number, out: Float64Array): Float64Array {
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += m[i * d + j] * v[i];
    out[j] = sum;
  }
  return out;
}

/**
 * Solves h·x = b for a symmetric m×m system (m ≤ 4) by Gaussian elimination with partial
 * pivoting; returns false when h is singular to working precision.
 */
export function solveSymmetric(h: Float64Array, b: Float64Array, m: number, x: Float64Array): boolean {
  const a = Float64Array.from(h);
  const r = Float64Array.from(b);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let row = col + 1; row < m; row++) if (Math.abs(a[row * m + col]) > Math.abs(a[pivot * m + col])) pivot = row;
    if (!(Math.abs(a[pivot * m + col]) > 1e-300)) return false;
    if (pivot !== col) {
      for (let j = 0; j < m; j++) [a[col * m + j], a[pivot * m + j]] = [a[pivot * m + j], a[col * m + j]];
      [r[col], r[pivot]] = [r[pivot], r[col]];
    }
    for (let row = col + 1; row < m; row++) {
      const factor = a[row * m + col] / a[col * m + col];
      for (let j = col; j < m; j++) a[row * m + j] -= factor * a[col * m + j];
      r[row] -= factor * r[col];
    }
  }
  for (let row = m - 1; row >= 0; row--) {
    let sum = r[row];
    for (let j = row + 1; j < m; j++) sum -= a[row * m + j] * x[j];
    x[row] = sum / a[row * m + row];
  }
  return true;
}

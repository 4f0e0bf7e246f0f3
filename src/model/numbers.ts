import { InputError } from '../errors/inputError.ts';

/** A strict decimal number: no empty strings, hex, or trailing junk (Number('') is 0). */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Parses user text as a finite number, or throws an InputError naming `field`. */
export function parseFiniteNumber(text: string, field: string): number {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) throw new InputError(field, `expected a number, got "${text}"`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new InputError(field, `must be finite, got "${text}"`);
  return value;
}

/** Checks lo ≤ value ≤ hi (either bound may be omitted) and that the value is finite. */
export function checkRange(value: number, field: string, lo?: number, hi?: number): number {
  // The message is built only on failure: schedules check millions of values.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(field, `must be a finite number ${describeRange(lo, hi)}, got ${String(value)}`);
  }
  if ((lo !== undefined && value < lo) || (hi !== undefined && value > hi)) {
    throw new InputError(field, `must be ${describeRange(lo, hi)}, got ${value}`);
  }
  return value;
}

function describeRange(lo?: number, hi?: number): string {
  if (lo !== undefined && hi !== undefined) return `between ${lo} and ${hi}`;
  if (lo !== undefined) return `at least ${lo}`;
  if (hi !== undefined) return `at most ${hi}`;
  return '';
}

/**
 * The magnitudes a starting parameter value may have besides 0. The model is homogeneous in θ
 * (every cost is θ² times a number), so nothing is lost by this: below 1e-150 θ² underflows
 * (θ₀ = 5e-324 would report its goal retained as exactly 1), above 1e150 y² and the loss sums
 * overflow.
 */
export const MIN_START_MAGNITUDE = 1e-150;
export const MAX_START_MAGNITUDE = 1e150;

/** Checks a starting value: finite, and 0 or of magnitude in [1e-150, 1e150]. */
export function checkStartValue(value: number, field: string): number {
  checkRange(value, field);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < MIN_START_MAGNITUDE || magnitude > MAX_START_MAGNITUDE)) {
    throw new InputError(field, `must be 0 or of magnitude between ${MIN_START_MAGNITUDE} and ${MAX_START_MAGNITUDE} (squares must stay normal numbers), got ${value}`);
  }
  return value;
}

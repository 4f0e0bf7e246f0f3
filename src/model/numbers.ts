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

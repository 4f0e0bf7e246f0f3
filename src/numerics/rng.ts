/**
 * Seeded randomness (STYLE: randomness only through a generator passed in; same seed, same
 * numbers). The generator is pure-rand's xoroshiro128+, seeded from a 32-bit integer:
 * - uniform01: u = (26 random bits)·2⁻²⁶ + (27 random bits)·2⁻⁵³ ∈ [0, 1), pure-rand's uniformFloat64;
 * - independent streams for parallel runs: stream r is the seed's generator jumped r times, and a
 *   jump moves 2⁶⁴ draws ahead, so no run can reach another run's numbers.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { InputError } from '../errors/inputError.ts';

/** A seeded generator; draws advance it in place. */
export type Rng = JumpableRandomGenerator;

/** The largest seed accepted: seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffff_ffff;

/** Checks that `seed` is an integer in 0 … 2³² − 1 (where it enters, e.g. a CLI option). */
export function checkSeed(seed: number, field = 'seed'): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(field, `must be a whole number from 0 to ${MAX_SEED}, got ${String(seed)}`);
  }
  return seed;
}

/** The generator for `seed`. */
export function createRng(seed: number): Rng {
  return xoroshiro128plus(checkSeed(seed) | 0);
}

/** `count` non-overlapping generators derived from one seed: stream r is the seed's generator jumped r times. */
export function independentStreams(seed: number, count: number): Rng[] {
  const streams: Rng[] = [];
  let current = createRng(seed);
  for (let r = 0; r < count; r++) {
    streams.push(current);
    current = current.clone();
    current.jump();
  }
  return streams;
}

/** A uniform double in [0, 1) with 53 random bits. */
export function uniform01(rng: Rng): number {
  return uniformFloat64(rng);
}

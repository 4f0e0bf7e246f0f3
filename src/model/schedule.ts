import { InputError } from '../errors/inputError.ts';
import { checkRange, parseFiniteNumber } from './numbers.ts';

/** The longest schedule any solver accepts (memory: a few Float64Arrays of this length). */
export const MAX_EPISODES = 20_000_000;

/** A learning-rate schedule: ℓ_n for episodes n = 0 … N−1 (ℓ > 0 training, ℓ = 0 deployment). */
export type Schedule = Float64Array;

/** One spec item: a learning rate, optionally followed by `x` (or `×`) and a repeat count. */
const ITEM = /^\s*([^x×\s]+)\s*(?:[x×]\s*(\S+))?\s*$/;

/**
 * Parses a schedule spec: comma-joined items, each a learning rate `v` or a run `v x count`
 * (`1x20,0x80` is 20 training episodes at ℓ = 1 then 80 deployment episodes).
 */
export function parseScheduleSpec(spec: string, field = 'schedule'): Schedule {
  if (spec.trim() === '') throw new InputError(field, 'is empty; give at least one episode, e.g. "1x20,0x80"');
  const rates: number[] = [];
  spec.split(',').forEach((item, index) => {
    const match = ITEM.exec(item);
    const where = `${field} item ${index + 1} ("${item.trim()}")`;
    if (!match) throw new InputError(where, 'expected a learning rate "v" or a run "v x count", e.g. "1x20"');
    const rate = parseFiniteNumber(match[1], where);
    const count = match[2] === undefined ? 1 : parseCount(match[2], where);
    if (rates.length + count > MAX_EPISODES) {
      throw new InputError(field, `has more than ${MAX_EPISODES} episodes, the limit`);
    }
    for (let i = 0; i < count; i++) rates.push(rate);
  });
  return checkSchedule(rates, field);
}

function parseCount(text: string, field: string): number {
  if (!/^\d+$/.test(text)) throw new InputError(field, `count must be a whole number, got "${text}"`);
  return Number(text);
}

/** Validates learning rates (finite, ≥ 0, 1 … MAX_EPISODES of them) and returns them as a Schedule. */
export function checkSchedule(rates: ArrayLike<number>, field = 'schedule'): Schedule {
  if (rates.length === 0) throw new InputError(field, 'is empty; give at least one episode');
  if (rates.length > MAX_EPISODES) {
    throw new InputError(field, `has ${rates.length} episodes; at most ${MAX_EPISODES} are allowed`);
  }
  const schedule = new Float64Array(rates.length);
  for (let n = 0; n < rates.length; n++) {
    const rate = rates[n];
    // Fast path; checkRange (which names the episode) only for a value that fails.
    schedule[n] = rate >= 0 && rate < Infinity ? rate : checkRange(rate, `${field}[${n}] (learning rate)`, 0);
  }
  return schedule;
}

/** `training` episodes at learning rate `rate` followed by `deployment` episodes at ℓ = 0. */
export function trainThenDeploy(training: number, deployment: number, rate = 1): Schedule {
  const schedule = new Float64Array(training + deployment);
  schedule.fill(rate, 0, training);
  return checkSchedule(schedule);
}

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
  const runs: [rate: number, count: number][] = [];
  let total = 0;
  spec.split(',').forEach((item, index) => {
    const match = ITEM.exec(item);
    const where = `${field} item ${index + 1} ("${item.trim()}")`;
    if (!match) throw new InputError(where, 'expected a learning rate "v" or a run "v x count", e.g. "1x20"');
    const rate = parseFiniteNumber(match[1], where);
    const count = match[2] === undefined ? 1 : parseCount(match[2], where);
    total += count;
    if (total > MAX_EPISODES) throw new InputError(field, `has more than ${MAX_EPISODES} episodes, the limit`);
    if (count > 0) checkRange(rate, `${field}[${total - count}] (learning rate)`, 0);
    runs.push([rate, count]);
  });
  checkLength(total, field);
  // Runs fill one array: no list of a million numbers, no second copy.
  const schedule = new Float64Array(total);
  let at = 0;
  for (const [rate, count] of runs) {
    schedule.fill(rate, at, at + count);
    at += count;
  }
  validated.add(schedule);
  return schedule;
}

function parseCount(text: string, field: string): number {
  if (!/^\d+$/.test(text)) throw new InputError(field, `count must be a whole number, got "${text}"`);
  return Number(text);
}

/**
 * The schedules this module built and validated (checkSchedule, parseScheduleSpec,
 * trainThenDeploy). linearScenario takes one of these as it is, without copying or checking it
 * again: allocating and checking a 1000-episode copy costs more than solving it, and a sweep builds
 * thousands. Nothing in mesalab writes into a schedule after building it; callers must not either.
 */
const validated = new WeakSet<Float64Array>();

/** Whether `rates` is a schedule this module validated (so it need not be checked or copied again). */
export const isValidatedSchedule = (rates: unknown): rates is Schedule => rates instanceof Float64Array && validated.has(rates);

/** Validates learning rates (finite, ≥ 0, 1 … MAX_EPISODES of them) and returns them as a new Schedule. */
export function checkSchedule(rates: ArrayLike<number>, field = 'schedule'): Schedule {
  checkLength(rates.length, field);
  const schedule = new Float64Array(rates.length);
  for (let n = 0; n < rates.length; n++) {
    const rate = rates[n];
    // Fast path; checkRange (which names the episode) only for a value that fails.
    schedule[n] = rate >= 0 && rate < Infinity ? rate : checkRange(rate, `${field}[${n}] (learning rate)`, 0);
  }
  validated.add(schedule);
  return schedule;
}

function checkLength(length: number, field: string): void {
  if (length === 0) throw new InputError(field, 'is empty; give at least one episode');
  if (length > MAX_EPISODES) {
    throw new InputError(field, `has ${length} episodes; at most ${MAX_EPISODES} are allowed`);
  }
}

/** `training` episodes at learning rate `rate` followed by `deployment` episodes at ℓ = 0. */
export function trainThenDeploy(training: number, deployment: number, rate = 1): Schedule {
  checkLength(training + deployment, 'schedule');
  if (training > 0) checkRange(rate, 'schedule (learning rate)', 0);
  const schedule = new Float64Array(training + deployment);
  schedule.fill(rate, 0, training);
  validated.add(schedule);
  return schedule;
}

/** A schedule of T training episodes at one rate ℓ, then D deployment episodes (ℓ = 0). */
export interface TrainThenDeployShape {
  readonly training: number;
  readonly deployment: number;
  readonly rate: number;
}

/** The schedule's shape when it is T episodes at one rate then D at 0; else why it is not (one line). */
export function trainThenDeployShape(schedule: Schedule): TrainThenDeployShape | string {
  let training = 0;
  while (training < schedule.length && schedule[training] > 0) training++;
  const rate = training > 0 ? schedule[0] : 0;
  for (let n = 0; n < schedule.length; n++) {
    if (n < training && schedule[n] !== rate) return `the schedule must train at one learning rate (episode ${n} has ${schedule[n]}, episode 0 ${rate})`;
    if (n >= training && schedule[n] !== 0) return `the schedule must be training, then deployment only (episode ${n} trains again after deployment began)`;
  }
  return { training, deployment: schedule.length - training, rate };
}

/**
 * Shards for batch schedulers: `--shard i/n` (1 ≤ i ≤ n) takes the points whose id ≡ i − 1
 * (mod n). Striding rather than contiguous blocks balances the load when the cost of a point
 * grows along an axis (longer schedules), and every point falls in exactly one shard.
 */
import { InputError } from '../errors/inputError.ts';

export interface Shard {
  /** 1-based: shard 1 … count. */
  readonly index: number;
  readonly count: number;
}

/** The whole sweep as one shard. */
export const WHOLE: Shard = { index: 1, count: 1 };

/** Parses "i/n" (e.g. from `--shard $SLURM_ARRAY_TASK_ID/8`). */
export function parseShard(text: string, field = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new InputError(field, `expected i/n such as 2/8, got "${text}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) throw new InputError(field, `needs 1 ≤ i ≤ n, got ${index}/${count}`);
  return { index, count };
}

/** The number of points of a sweep of `points` points that fall in `shard`. */
export function shardSize(points: number, shard: Shard): number {
  return Math.max(0, Math.ceil((points - (shard.index - 1)) / shard.count));
}

/** The id of the point at `position` (0-based) within the shard. */
export function shardPointId(shard: Shard, position: number): number {
  return shard.index - 1 + position * shard.count;
}

/** The shard (1-based) that point `id` belongs to. */
export function shardOf(id: number, count: number): number {
  return (id % count) + 1;
}

/** "2/8", or "" for the whole sweep. */
export function shardLabel(shard: Shard): string {
  return shard.count === 1 ? '' : `${shard.index}/${shard.count}`;
}

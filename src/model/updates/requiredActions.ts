/**
 * Actions an update rule's outcome depends on exactly (DESIGN §4). Full re-optimisation keeps θ
 * only while every past training coefficient is exactly 0, and its solver resets θ with a = 1
 * (any a ≠ 0 resets; a = 1 costs nothing now), so both must be on the grid. The gradient rules
 * treat every grid point alike and need none.
 */
import type { UpdateRule } from '../game.ts';
import { InputError } from '../../errors/inputError.ts';

export function requiredActions(update: UpdateRule): readonly number[] {
  return update.type === 'full' ? [0, 1] : [];
}

/** Throws an InputError naming `field` when the grid lacks an action the update rule needs. */
export function checkRequiredActions(update: UpdateRule, grid: ArrayLike<number>, field: string): void {
  const present = new Set(Array.from(grid));
  const missing = requiredActions(update).filter((a) => !present.has(a));
  if (missing.length > 0) {
    throw new InputError(field, `update "${update.type}" needs the action${missing.length > 1 ? 's' : ''} ${missing.join(' and ')} exactly on the grid (DESIGN §4); add ${missing.length > 1 ? 'them' : 'it'}`);
  }
}

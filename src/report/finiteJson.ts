/**
 * The last guard before a result is printed or written: every number in it must be finite (JSON
 * has no Infinity or NaN, and JSON.stringify would turn them into null without a word). Solvers,
 * rollouts and metrics report divergence where it happens; this catches whatever they missed.
 */
import { DivergenceError } from '../errors/inputError.ts';

/** Throws when `value` holds a non-finite number: "diverged at episode n" for a column, else naming the field. */
export function assertFiniteResult(value: unknown): void {
  const found = firstNonFinite(value);
  if (found === undefined) return;
  if (found.index !== undefined) throw new DivergenceError(found.index, found.path);
  throw new DivergenceError(-1, found.path);
}

/** The path of the first non-finite number (and its index when inside an array), or undefined. */
export function firstNonFinite(value: unknown): { path: string; index?: number } | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return { path };
    } else if (ArrayBuffer.isView(node) || Array.isArray(node)) {
      const items = node as ArrayLike<unknown>;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item === 'number') {
          if (!Number.isFinite(item)) return { path: path || 'result', index: i };
        } else if (typeof item === 'object' && item !== null) stack.push([item, `${path}[${i}]`]);
      }
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) stack.push([child, path === '' ? key : `${path}.${key}`]);
    }
  }
  return undefined;
}

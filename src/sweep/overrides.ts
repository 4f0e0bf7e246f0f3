/**
 * Dotted paths into a scenario config: `discount`, `schedule.training`, `prior.count`. A sweep
 * point is the base config with one value written at each swept path.
 */
import { InputError } from '../model/inputError.ts';
import type { SweepValue } from './values.ts';

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that would write into Object.prototype (or a constructor) rather than into the config. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A plain JSON object (what YAML and JSON maps parse to). */
export type JsonObject = { [key: string]: unknown };

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that `path` can be written into `base`: identifier segments, and every parent either
 * absent (it will be created) or a map. Throws an InputError naming `field`.
 */
export function checkPath(base: JsonObject, path: string, field: string): void {
  const segments = path.split('.');
  const forbidden = segments.find((s) => FORBIDDEN.has(s));
  if (forbidden !== undefined) throw new InputError(field, `"${path}" names "${forbidden}", which is not a config field (and could reach every object's prototype)`);
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) throw new InputError(field, `"${path}" is not a dotted path of config fields such as schedule.training`);
  let node: unknown = base;
  for (let i = 0; i < segments.length - 1; i++) {
    node = (node as JsonObject)[segments[i]];
    if (node === undefined) return;
    if (!isPlainObject(node)) {
      const parent = segments.slice(0, i + 1).join('.');
      throw new InputError(field, `base.${parent} is ${JSON.stringify(node)}, not a map, so it has no field ${segments[i + 1]}`);
    }
  }
}

/** A copy of `base` with each value written at its (checked) path; `base` is left untouched. */
export function withOverrides(base: JsonObject, paths: readonly string[], values: readonly SweepValue[]): JsonObject {
  const config = structuredClone(base);
  paths.forEach((path, i) => {
    const segments = path.split('.');
    // Checked by checkPath already; kept here because queue jobs carry specs from outside.
    if (segments.some((s) => FORBIDDEN.has(s))) throw new InputError('sweep', `"${path}" is not a config path`);
    let node = config;
    for (const segment of segments.slice(0, -1)) {
      if (!Object.hasOwn(node, segment)) node[segment] = {};
      node = node[segment] as JsonObject;
    }
    node[segments[segments.length - 1]] = values[i];
  });
  return config;
}

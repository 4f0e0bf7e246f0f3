/**
 * Dotted paths into a scenario config: `discount`, `schedule.training`, `update.steps`. A sweep
 * point is the base config with one value written at each swept path.
 */
import { InputError } from '../errors/inputError.ts';

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
export function checkPath(base: JsonObject, path: string, field: string, prefix = 'base.'): void {
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
      throw new InputError(field, `${prefix}${parent} is ${JSON.stringify(node)}, not a map, so it has no field ${segments[i + 1]}`);
    }
  }
}

/**
 * `base` with each value written at its (checked) path; `base` is left untouched. Only the maps
 * along the paths are copied: the branches no path enters are shared with `base` (configs are
 * read, never written, once built), which makes a sweep point's config cost a few shallow copies
 * instead of a structured clone of the whole base (10 µs, as much as solving the point).
 */
export function withOverrides(base: JsonObject, paths: readonly string[], values: readonly unknown[]): JsonObject {
  const config: JsonObject = { ...base };
  // The maps this call made, which later paths may write into without copying again.
  const own = new Set<JsonObject>([config]);
  paths.forEach((path, i) => {
    const segments = path.split('.');
    // Checked by checkPath already; kept here because queue jobs carry specs from outside.
    if (segments.some((s) => FORBIDDEN.has(s))) throw new InputError('sweep', `"${path}" is not a config path`);
    let node = config;
    for (const segment of segments.slice(0, -1)) {
      const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
      let next = child as JsonObject;
      if (!own.has(next)) {
        next = isPlainObject(child) ? { ...(child as JsonObject) } : {};
        own.add(next);
        node[segment] = next;
      }
      node = next;
    }
    node[segments[segments.length - 1]] = values[i];
  });
  return config;
}

/** One `--set PATH=VALUE`: a dotted path and its value. */
export interface Setting {
  readonly path: string;
  readonly value: unknown;
}

/**
 * Parses `PATH=VALUE`. VALUE is read as a YAML value, so `update.steps=10`,
 * `schedule=1x20,0x80`, `prior=[-1, 0, 1]` and `update={type: gradient-all, steps: 5}` all work.
 */
export function parseSetting(text: string, field = '--set', parseValue: (text: string) => unknown): Setting {
  const at = text.indexOf('=');
  if (at <= 0) throw new InputError(field, `"${text}" is not PATH=VALUE, e.g. discount=0.9 or update.steps=10`);
  const path = text.slice(0, at).trim();
  if (!path.split('.').every((s) => SEGMENT.test(s))) throw new InputError(field, `"${path}" is not a dotted path of config fields such as schedule.training`);
  return { path, value: parseValue(text.slice(at + 1).trim()) };
}

/** `config` with every setting applied in order (a later setting of the same path wins). */
export function withSettings(config: unknown, settings: readonly Setting[], field = '--set'): unknown {
  if (settings.length === 0) return config;
  if (!isPlainObject(config)) throw new InputError(field, 'the scenario is not a map of fields');
  for (const { path } of settings) checkPath(config, path, field, 'the scenario\'s ');
  return withOverrides(config, settings.map((s) => s.path), settings.map((s) => s.value));
}

/**
 * The values of one swept parameter. A sweep file gives each one as
 *   - a list: `[0.5, 1, 2]` (numbers or strings, used as they are);
 *   - a linear range: `{ from, to, steps }`, `steps` values from `from` to `to` inclusive
 *     (`steps: 1` is just `from`);
 *   - a log range: `{ from, to, steps, log: true }`, geometric, `from` and `to` > 0;
 *   - a stepped range: `{ from, to, step }`, from, from + step, … up to `to` inclusive.
 * Range values are computed from the index (never accumulated) and rounded to 12 significant
 * digits of the range's scale, so `{ from: 0, to: 1, step: 0.1 }` gives 0.3, not
 * 0.30000000000000004, and integer ranges stay integers.
 */
import { z } from 'zod';
import { InputError } from '../errors/inputError.ts';

/** One value a parameter takes: a number, or a string (a schedule spec, a solver name). */
export type SweepValue = number | string;

/** The most values one parameter may take. */
export const MAX_AXIS_VALUES = 1_000_000;

const finite = z.number().refine(Number.isFinite, 'must be finite');
const listSchema = z.array(z.union([finite, z.string()], { error: 'expected a number or a string' })).min(1, 'needs at least one value');
const stepsSchema = z.strictObject({
  from: finite,
  to: finite,
  steps: z.number().int().min(1).max(MAX_AXIS_VALUES),
  log: z.boolean().optional(),
});
const stepSchema = z.strictObject({ from: finite, to: finite, step: finite });

export type ValuesSpec = z.infer<typeof listSchema> | z.infer<typeof stepsSchema> | z.infer<typeof stepSchema>;

const SHAPES = 'expected a list of values, {from, to, steps}, {from, to, steps, log: true} or {from, to, step}';

/**
 * Validates a values spec (untrusted input) and returns it; errors name `field` and the key
 * inside the spec, e.g. `sweep.discount.steps`. The shape picks the schema, so the message is
 * about that shape rather than a vague "no alternative matched".
 */
export function parseValuesSpec(input: unknown, field: string): ValuesSpec {
  const schema = Array.isArray(input)
    ? listSchema
    : typeof input === 'object' && input !== null && 'step' in input
      ? stepSchema
      : typeof input === 'object' && input !== null
        ? stepsSchema
        : undefined;
  if (schema === undefined) throw new InputError(field, SHAPES);
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError([field, ...issue.path.map(String)].join('.'), issue.message);
  }
  return result.data;
}

/** The values of a (valid) spec, in the order written: `from` first. */
export function expandValues(spec: ValuesSpec, field: string): SweepValue[] {
  if (Array.isArray(spec)) return [...spec];
  if ('step' in spec) return steppedRange(spec.from, spec.to, spec.step, field);
  if (spec.log) return logRange(spec.from, spec.to, spec.steps, field);
  return linearRange(spec.from, spec.to, spec.steps);
}

function linearRange(from: number, to: number, steps: number): number[] {
  const round = roundToScale(Math.max(Math.abs(from), Math.abs(to)));
  if (steps === 1) return [from];
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 ? to : round(from + ((to - from) * i) / (steps - 1))));
}

function logRange(from: number, to: number, steps: number, field: string): number[] {
  if (!(from > 0) || !(to > 0)) throw new InputError(field, `a log range needs from > 0 and to > 0, got from ${from}, to ${to}`);
  if (steps === 1) return [from];
  const ratio = Math.log(to / from);
  // Each value has its own scale here, so 12 significant digits of the value itself.
  return Array.from({ length: steps }, (_, i) =>
    i === 0 ? from : i === steps - 1 ? to : Number((from * Math.exp((ratio * i) / (steps - 1))).toPrecision(12)),
  );
}

function steppedRange(from: number, to: number, step: number, field: string): number[] {
  if (step === 0 || (to - from) * step < 0) {
    throw new InputError(`${field}.step`, `must be nonzero and lead from ${from} to ${to}, got ${step}`);
  }
  // The slack admits `to` itself when (to − from)/step is a whole number up to rounding.
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_AXIS_VALUES) throw new InputError(field, `has ${count} values; at most ${MAX_AXIS_VALUES} are allowed`);
  const round = roundToScale(Math.max(Math.abs(from), Math.abs(to), Math.abs(step)));
  return Array.from({ length: count }, (_, i) => round(from + i * step));
}

/** Rounds to 12 significant digits of `scale` (0 stays 0; tiny rounding residues vanish). */
function roundToScale(scale: number): (x: number) => number {
  if (scale === 0) return (x) => x;
  const digits = Math.min(100, Math.max(0, 12 - Math.ceil(Math.log10(scale))));
  return (x) => Number(x.toFixed(digits)) + 0; // + 0 turns −0 into 0
}

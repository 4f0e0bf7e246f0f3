/**
 * Objectives written as math in a config ("y^2 + 0.1*theta^2"), parsed, differentiated and
 * compiled by our own small engine (expression/): never evaluated as JavaScript. The grammar is
 * numbers, the declared variables, + − * / ^, parentheses and the functions
 * exp log sqrt abs sin cos tanh square; at most MAX_LENGTH characters and MAX_NESTING levels of
 * nesting. Every error is one line naming the config field.
 */
import { compileTree, type CompiledExpression } from './expression/compile.ts';
import { derivativeTree } from './expression/derivative.ts';
import { formatTree } from './expression/format.ts';
import { parseTree } from './expression/parse.ts';
import { variablesOf, type ExpressionNode } from './expression/tree.ts';

export { MAX_LENGTH, MAX_NESTING } from './expression/parse.ts';
export type { CompiledExpression } from './expression/compile.ts';
export type { ExpressionNode } from './expression/tree.ts';

export interface Expression {
  /** The text as written in the config (for a derivative, its formatted tree). */
  readonly source: string;
  /** The variables it may use. */
  readonly variables: readonly string[];
  /** The config field it came from, named by errors (a derivative keeps its expression's). */
  readonly field: string;
  readonly node: ExpressionNode;
  /** Its value for the variables in `scope` (each variable it uses must be there). */
  evaluate(scope: Readonly<Record<string, number>>): number;
}

/** Parses `source`, allowing only `variables`; an InputError naming `field` otherwise. */
export function parseExpression(source: string, variables: readonly string[], field: string): Expression {
  return fromNode(parseTree(source, variables, field), () => source, variables, field);
}

function fromNode(node: ExpressionNode, source: () => string, variables: readonly string[], field: string): Expression {
  let text: string | undefined;
  let evaluate: ((scope: Readonly<Record<string, number>>) => number) | undefined;
  return {
    get source() {
      return (text ??= source());
    },
    variables,
    field,
    node,
    evaluate: (scope) => (evaluate ??= scopeEvaluator(node))(scope),
  };
}

function scopeEvaluator(node: ExpressionNode): (scope: Readonly<Record<string, number>>) => number {
  const used = variablesOf(node);
  const f = compileTree(node, used);
  const values = new Float64Array(used.length);
  return (scope) => {
    used.forEach((name, i) => {
      if (typeof scope[name] !== 'number') throw new Error(`evaluate: no value for variable ${name}`);
      values[i] = scope[name];
    });
    return f(values);
  };
}

/**
 * ∂e/∂variable, symbolically, in time and size linear in e. A derivative that needs a value that
 * is not a real number (log of a negative constant base) is an InputError naming e's field.
 */
export function differentiate(e: Expression, variable: string): Expression {
  const node = derivativeTree(e.node, variable, e.field);
  return fromNode(node, () => formatTree(node), e.variables, e.field);
}

/** Deterministic probe points for checking that an expression is a quadratic form. */
const PROBES = [0.37, -1.21, 0.83, 2.09, -0.56, 1.44, -0.91, 0.12];

/**
 * If e(v) = vᵀQv exactly for the variables `order` (a homogeneous quadratic, as the LQ solver
 * needs), returns Q (row-major, symmetric); otherwise null. Q is read off by polarisation,
 * Q_ii = e(e_i) and Q_ij = (e(e_i + e_j) − e(e_i − e_j))/4, exact for a quadratic (and exactly 0
 * for an absent cross term); then e is compared with vᵀQv at zero and at probe points, which any
 * other term fails.
 */
export function quadraticForm(e: Expression, order: readonly string[]): Float64Array | null {
  const d = order.length;
  const f = compileExpression(e, order);
  const v = new Float64Array(d);
  const at = (i: number, j: number, sign: number) => {
    v.fill(0);
    v[i] = 1;
    if (j !== i) v[j] = sign;
    return f(v);
  };
  const q = new Float64Array(d * d);
  for (let i = 0; i < d; i++) q[i * d + i] = at(i, i, 0);
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) q[i * d + j] = q[j * d + i] = (at(i, j, 1) - at(i, j, -1)) / 4;
  }
  if (!q.every(Number.isFinite) || f(new Float64Array(d)) !== 0) return null;
  for (let trial = 0; trial < 4; trial++) {
    for (let i = 0; i < d; i++) v[i] = PROBES[(i + 3 * trial) % PROBES.length] * (1 + trial);
    let form = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) form += v[i] * q[i * d + j] * v[j];
    const value = f(v);
    if (!(Math.abs(value - form) <= 1e-9 * (1 + Math.abs(value)))) return null;
  }
  return q;
}

/**
 * Compiles e into a numeric function of a values array (the variables in `order`), for hot
 * loops: a flat instruction array run by one loop (expression/compile.ts).
 */
export function compileExpression(e: Expression, order: readonly string[]): CompiledExpression {
  return compileTree(e.node, order);
}

/**
 * Random expression strings of the config grammar, and an independent reference for them:
 * mathjs parses the same string, and forward-mode dual numbers evaluated over mathjs's tree give
 * value and derivative — neither shares code with src/model/expression/. (Not mathjs's own
 * evaluation: it goes complex for sqrt(-1) and comes back real through abs, where real
 * arithmetic, ours, gives NaN.)
 */
import fc from 'fast-check';
import { parse, type MathNode } from 'mathjs';

export const VARIABLES = ['y', 'theta', 'b'] as const;
const FUNCTIONS = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh', 'square'] as const;

/** Numbers as a config may write them: 3, 0.25, .5, 1e-3, 2.5E+1 (not 2., which mathjs reads as 2 .* in 2.*y). */
const numberText = fc.oneof(
  fc.integer({ min: 0, max: 9 }).map(String),
  fc.integer({ min: 1, max: 999 }).map((n) => String(n / 100)),
  fc.constantFrom('.5', '1e-3', '2.5E+1', '0.125', '1e0'),
);

const space = fc.constantFrom('', '', ' ', '  ', '\t');

/** Expression strings of up to about `depth` levels (depth 6: up to a few dozen nodes). */
export function expressionText(depth = 5): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(numberText, fc.constantFrom(...VARIABLES)),
    expr: fc.oneof(
      { depthSize: 'small', maxDepth: depth },
      tie('leaf'),
      tie('leaf'),
      fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr'), space, space).map(([a, op, c, s, t]) => `${a}${s}${op}${t}${c}`),
      fc.tuple(fc.constantFrom('-', '+'), tie('expr')).map(([sign, a]) => `${sign}${a}`),
      fc.tuple(fc.constantFrom(...FUNCTIONS), tie('expr')).map(([f, a]) => `${f}(${a})`),
      tie('expr').map((a) => `(${a})`),
    ),
  }));
  return expr;
}

/** Values of the variables, in VARIABLES order. */
export const point = fc.tuple(...VARIABLES.map(() => fc.double({ min: -2, max: 2, noNaN: true })));

export const scopeOf = (values: readonly number[]) => Object.fromEntries(VARIABLES.map((name, i) => [name, values[i]]));

interface Dual {
  v: number;
  d: number;
}

/** Value and ∂/∂variable of `source` by dual numbers (real arithmetic) over mathjs's parse tree. */
export function dualValue(source: string, scope: Record<string, number>, variable: string): Dual {
  return dual(parse(source), scope, variable);
}

function dual(node: MathNode, scope: Record<string, number>, variable: string): Dual {
  const n = node as unknown as { type: string; value: number; name: string; fn: string | { name: string }; args: MathNode[]; content: MathNode };
  switch (n.type) {
    case 'ConstantNode':
      return { v: Number(n.value), d: 0 };
    case 'SymbolNode':
      return { v: scope[n.name], d: n.name === variable ? 1 : 0 };
    case 'ParenthesisNode':
      return dual(n.content, scope, variable);
  }
  const name = typeof n.fn === 'string' ? n.fn : n.fn.name;
  const [a, c] = n.args.map((arg) => dual(arg, scope, variable));
  switch (name) {
    case 'unaryMinus':
      return { v: -a.v, d: -a.d };
    case 'unaryPlus':
      return a;
    case 'add':
      return { v: a.v + c.v, d: a.d + c.d };
    case 'subtract':
      return { v: a.v - c.v, d: a.d - c.d };
    case 'multiply':
      return { v: a.v * c.v, d: a.d * c.v + a.v * c.d };
    case 'divide':
      return { v: a.v / c.v, d: a.d / c.v - (a.v * c.d) / (c.v * c.v) };
    case 'pow': {
      const v = Math.pow(a.v, c.v);
      const d = c.d === 0 ? (a.d === 0 ? 0 : c.v * Math.pow(a.v, c.v - 1) * a.d) : v * (c.d * Math.log(a.v) + (a.d === 0 ? 0 : (c.v * a.d) / a.v));
      return { v, d };
    }
    case 'exp':
      return { v: Math.exp(a.v), d: Math.exp(a.v) * a.d };
    case 'log':
      return { v: Math.log(a.v), d: a.d / a.v };
    case 'sqrt':
      return { v: Math.sqrt(a.v), d: a.d / (2 * Math.sqrt(a.v)) };
    case 'abs':
      return { v: Math.abs(a.v), d: Math.sign(a.v) * a.d };
    case 'sin':
      return { v: Math.sin(a.v), d: Math.cos(a.v) * a.d };
    case 'cos':
      return { v: Math.cos(a.v), d: -Math.sin(a.v) * a.d };
    case 'tanh':
      return { v: Math.tanh(a.v), d: a.d / Math.cosh(a.v) ** 2 };
    case 'square':
      return { v: a.v * a.v, d: 2 * a.v * a.d };
  }
  throw new Error(`dualValue: ${name} is not in the grammar`);
}

/** a and b agree: both non-finite alike, or within a relative tolerance. */
export function agree(a: number, b: number, tolerance: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  return Math.abs(a - b) <= tolerance * (1 + Math.abs(a) + Math.abs(b));
}

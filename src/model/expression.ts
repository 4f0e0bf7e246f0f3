/**
 * Objectives written as math in a config ("y^2 + 0.1*theta^2"), parsed and differentiated
 * symbolically by mathjs. Never evaluated as JavaScript: the parse tree is checked against an
 * allow-list (numbers, the declared variables, + − * / ^ and a few elementary functions) before
 * mathjs compiles it into its own closures.
 */
import { derivative, parse, type MathNode } from 'mathjs';
import { InputError } from '../errors/inputError.ts';

const FUNCTIONS = new Set(['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh', 'square']);
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);

export interface Expression {
  /** The text as written in the config. */
  readonly source: string;
  /** The variables it may use. */
  readonly variables: readonly string[];
  readonly node: MathNode;
  evaluate(scope: Readonly<Record<string, number>>): number;
}

/** Parses `source`, allowing only `variables`; an InputError naming `field` otherwise. */
export function parseExpression(source: string, variables: readonly string[], field: string): Expression {
  let node: MathNode;
  try {
    node = parse(source);
  } catch (error) {
    throw new InputError(field, `cannot parse "${source}" (${error instanceof Error ? error.message : String(error)})`);
  }
  checkNode(node, new Set(variables), field, source);
  return fromNode(node, source, variables);
}

function fromNode(node: MathNode, source: string, variables: readonly string[]): Expression {
  const compiled = node.compile();
  return {
    source,
    variables,
    node,
    evaluate: (scope) => Number(compiled.evaluate({ ...scope })),
  };
}

function checkNode(root: MathNode, variables: ReadonlySet<string>, field: string, source: string): void {
  root.traverse((node, _path, parent) => {
    const reject = (what: string) => {
      throw new InputError(field, `"${source}": ${what}; allowed: numbers, ${[...variables].join(', ')}, + - * / ^, ${[...FUNCTIONS].join(', ')}`);
    };
    switch (node.type) {
      case 'ConstantNode':
        if (typeof (node as unknown as { value: unknown }).value !== 'number') reject('only numeric constants');
        break;
      case 'ParenthesisNode':
        break;
      case 'OperatorNode':
        if (!OPERATORS.has((node as unknown as { fn: string }).fn)) reject(`operator ${(node as unknown as { op: string }).op} is not allowed`);
        break;
      case 'FunctionNode': {
        const name = (node as unknown as { fn: { name?: string } }).fn.name ?? '';
        if (!FUNCTIONS.has(name)) reject(`function ${name} is not allowed`);
        break;
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        const isFunctionName = parent?.type === 'FunctionNode' && (parent as unknown as { fn: MathNode }).fn === node;
        if (!isFunctionName && !variables.has(name)) reject(`unknown variable ${name}`);
        break;
      }
      default:
        reject(`${node.type} is not allowed`);
    }
  });
}

/** ∂e/∂variable, symbolically. */
export function differentiate(e: Expression, variable: string): Expression {
  const node = derivative(e.node, variable);
  return fromNode(node, node.toString(), e.variables);
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

/** A numeric function of the variables' values, in `order`. */
export type CompiledExpression = (values: ArrayLike<number>) => number;

/**
 * Compiles e into plain closures over a values array (the variables in `order`), for hot loops
 * where mathjs's scope objects would dominate. The same allow-listed tree, walked once; no text
 * is ever turned into code.
 */
export function compileExpression(e: Expression, order: readonly string[]): CompiledExpression {
  return compileNode(e.node, order);
}

const UNARY: Record<string, (x: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  square: (x) => x * x,
  // Functions that symbolic derivatives of the allowed ones introduce.
  sech: (x) => 1 / Math.cosh(x),
  sinh: Math.sinh,
  cosh: Math.cosh,
  sign: Math.sign,
  unaryMinus: (x) => -x,
  unaryPlus: (x) => x,
};

const BINARY: Record<string, (x: number, y: number) => number> = {
  add: (x, y) => x + y,
  subtract: (x, y) => x - y,
  multiply: (x, y) => x * y,
  divide: (x, y) => x / y,
  pow: (x, y) => (y === 2 ? x * x : x ** y),
};

function compileNode(node: MathNode, order: readonly string[]): CompiledExpression {
  const n = node as unknown as { type: string; value: number; name: string; fn: string | { name: string }; args: MathNode[]; content: MathNode };
  switch (n.type) {
    case 'ConstantNode': {
      const value = Number(n.value);
      return () => value;
    }
    case 'SymbolNode': {
      const index = order.indexOf(n.name);
      if (index < 0) throw new Error(`compileExpression: no variable ${n.name}`);
      return (values) => values[index];
    }
    case 'ParenthesisNode':
      return compileNode(n.content, order);
    case 'OperatorNode':
    case 'FunctionNode': {
      const name = typeof n.fn === 'string' ? n.fn : n.fn.name;
      const args = n.args.map((arg) => compileNode(arg, order));
      if (args.length === 1 && UNARY[name]) {
        const [f, x] = [UNARY[name], args[0]];
        return (values) => f(x(values));
      }
      if (args.length === 2 && BINARY[name]) {
        const [f, x, y] = [BINARY[name], args[0], args[1]];
        return (values) => f(x(values), y(values));
      }
      if (name === 'add' || name === 'multiply') {
        const f = BINARY[name];
        return (values) => args.slice(1).reduce((acc, arg) => f(acc, arg(values)), args[0](values));
      }
      throw new Error(`compileExpression: cannot compile ${name} with ${args.length} arguments`);
    }
    default:
      throw new Error(`compileExpression: cannot compile ${n.type}`);
  }
}

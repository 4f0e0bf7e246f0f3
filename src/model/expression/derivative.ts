/**
 * Symbolic ∂/∂v by the textbook rules, one pass over the distinct nodes, operands first:
 *
 *   (u ± w)′ = u′ ± w′      (u·w)′ = u′·w + u·w′      (u/w)′ = u′/w − u·w′/w²  (u′/c for a constant c)
 *   (u^w)′ = w·u^(w−1)·u′ when w does not depend on v,  c^w·log(c)·w′ when u = c does not,
 *            u^w·(w′·log(u) + w·u′/u) otherwise
 *   f(u)′ = f′(u)·u′ with exp′ = exp, sin′ = cos, cos′ = −sin, tanh′ = sech², square′(u) = 2u,
 *          abs′ = sign (0 at 0); and log(u)′ = u′/u, sqrt(u)′ = u′/(2·sqrt(u))
 *
 * The result refers to the operands' nodes instead of copying them, and each node's derivative
 * is built once from its operands' derivatives by constructors that simplify only locally
 * (build.ts), so time and size are linear in the expression: no re-simplification of the whole
 * tree, which is what made a 25-term sum take minutes in mathjs.
 */
import { NodeBuilder } from './build.ts';
import { isBinary, postOrder, type ExpressionNode } from './tree.ts';

const ZERO: ExpressionNode = { kind: 'number', value: 0 };
const ONE: ExpressionNode = { kind: 'number', value: 1 };
const TWO: ExpressionNode = { kind: 'number', value: 2 };

export function derivativeTree(root: ExpressionNode, variable: string, field: string): ExpressionNode {
  const b = new NodeBuilder({ field, context: `in its derivative in ${variable}`, identities: true });
  const d = new Map<ExpressionNode, ExpressionNode>();
  for (const node of postOrder(root)) d.set(node, rule(b, node, variable, (n) => d.get(n)!));
  return d.get(root)!;
}

function rule(b: NodeBuilder, node: ExpressionNode, variable: string, d: (n: ExpressionNode) => ExpressionNode): ExpressionNode {
  switch (node.kind) {
    case 'number':
      return ZERO;
    case 'variable':
      return node.name === variable ? ONE : ZERO;
    case 'negate':
      // Not −0: a constant's derivative is +0 whatever its sign.
      return isZero(d(node.arg)) ? ZERO : b.negate(d(node.arg));
    case 'call':
      return isZero(d(node.arg)) ? ZERO : chain(b, node, d(node.arg));
  }
  if (!isBinary(node)) throw new Error('unreachable');
  const { left: u, right: w } = node;
  const [du, dw] = [d(u), d(w)];
  if (isZero(du) && isZero(dw)) return ZERO;
  switch (node.kind) {
    case '+':
    case '-':
      return b.binary(node.kind, du, dw);
    case '*':
      return b.binary('+', b.binary('*', du, w), b.binary('*', u, dw));
    case '/':
      if (isZero(dw)) return b.binary('/', du, w);
      return b.binary('-', b.binary('/', du, w), b.binary('/', b.binary('*', u, dw), b.binary('^', w, TWO)));
    case '^':
      if (isZero(dw)) return b.binary('*', b.binary('*', w, b.binary('^', u, b.binary('-', w, ONE))), du);
      if (isZero(du)) return b.binary('*', b.binary('*', node, b.call('log', u)), dw);
      return b.binary('*', node, b.binary('+', b.binary('*', dw, b.call('log', u)), b.binary('/', b.binary('*', w, du), u)));
  }
}

/** f(u)′ = f′(u)·u′ for a call node f(u). */
function chain(b: NodeBuilder, node: Extract<ExpressionNode, { kind: 'call' }>, du: ExpressionNode): ExpressionNode {
  if (node.fn === 'log') return b.binary('/', du, node.arg);
  if (node.fn === 'sqrt') return b.binary('/', du, b.binary('*', TWO, node));
  return b.binary('*', outer(b, node), du);
}

/** f′(u) for a call node f(u) other than log and sqrt. */
function outer(b: NodeBuilder, node: Extract<ExpressionNode, { kind: 'call' }>): ExpressionNode {
  const u = node.arg;
  switch (node.fn) {
    case 'exp':
      return node;
    case 'log':
    case 'sqrt':
      throw new Error('unreachable: chain handles log and sqrt');
    case 'abs':
      return b.call('sign', u);
    case 'sin':
      return b.call('cos', u);
    case 'cos':
      return b.negate(b.call('sin', u));
    case 'tanh':
      return b.binary('^', b.call('sech', u), TWO);
    case 'square':
      return b.binary('*', TWO, u);
    case 'sech':
      // sech′ = −sech·tanh (derivatives of derivatives).
      return b.negate(b.binary('*', node, b.call('tanh', u)));
    case 'sign':
      return ZERO;
  }
}

function isZero(node: ExpressionNode): boolean {
  return node.kind === 'number' && node.value === 0;
}

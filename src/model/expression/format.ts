/**
 * A tree as text in the same grammar (parse(format(t)) evaluates as t does), with parentheses
 * only where precedence or associativity needs them. Built bottom-up over the distinct nodes, so
 * it never recurses; a derivative's shared operands are written out at each use.
 */
import { isBinary, postOrder, type ExpressionNode } from './tree.ts';

/** Binding strength: sums 1, products 2, signs 3, powers 4, atoms 5. */
const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2, negate: 3, '^': 4 } as const;

export function formatTree(root: ExpressionNode): string {
  const text = new Map<ExpressionNode, { text: string; precedence: number }>();
  const wrap = (node: ExpressionNode, atLeast: number) => {
    const t = text.get(node)!;
    return t.precedence >= atLeast ? t.text : `(${t.text})`;
  };
  for (const node of postOrder(root)) {
    if (node.kind === 'number') {
      // A negative number reads as a sign: -1^2 would be -(1^2).
      text.set(node, { text: String(node.value), precedence: node.value < 0 || Object.is(node.value, -0) ? PRECEDENCE.negate : 5 });
    } else if (node.kind === 'variable') {
      text.set(node, { text: node.name, precedence: 5 });
    } else if (node.kind === 'call') {
      text.set(node, { text: `${node.fn}(${text.get(node.arg)!.text})`, precedence: 5 });
    } else if (node.kind === 'negate') {
      text.set(node, { text: `-${wrap(node.arg, PRECEDENCE.negate)}`, precedence: PRECEDENCE.negate });
    } else if (isBinary(node)) {
      const p = PRECEDENCE[node.kind];
      // Left-associative + - * / need parentheses around an equal-precedence right operand;
      // right-associative ^ around an equal-precedence left one (and a signed base: (-2)^x).
      const left = wrap(node.left, node.kind === '^' ? p + 1 : p);
      const right = wrap(node.right, node.kind === '^' ? PRECEDENCE.negate : p + 1);
      text.set(node, { text: node.kind === '^' ? `${left}^${right}` : `${left} ${node.kind} ${right}`, precedence: p });
    }
  }
  return text.get(root)!.text;
}

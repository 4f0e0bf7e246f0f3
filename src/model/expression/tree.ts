/**
 * The expression tree: numbers, variables, negation, the five binary operators and one-argument
 * functions. Trees are immutable and may share subtrees (a derivative refers to its operands
 * instead of copying them), so every walk over them is iterative over the distinct nodes
 * (`postOrder`), never recursive: no input can overflow the stack, and shared nodes cost once.
 */

/** The functions a user may write. */
export const USER_FUNCTIONS = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh', 'square'] as const;
export type UserFunction = (typeof USER_FUNCTIONS)[number];
/** Also used inside derivatives: sech for tanh′, sign for abs′. */
export type FunctionName = UserFunction | 'sech' | 'sign';

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'negate'; readonly arg: ExpressionNode }
  | { readonly kind: 'call'; readonly fn: FunctionName; readonly arg: ExpressionNode }
  | { readonly kind: BinaryOperator; readonly left: ExpressionNode; readonly right: ExpressionNode };


export const FUNCTIONS: Readonly<Record<FunctionName, (x: number) => number>> = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  square: (x) => x * x,
  sech: (x) => 1 / Math.cosh(x),
  sign: Math.sign,
};

/** The arithmetic of every operator, shared by constant folding and compiled code so both agree bit for bit. */
export const OPERATORS: Readonly<Record<BinaryOperator, (x: number, y: number) => number>> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => x / y,
  // x·x for the square: exact, and what the compiled code has always done.
  '^': (x, y) => (y === 2 ? x * x : x ** y),
};

export function isUserFunction(name: string): name is UserFunction {
  return (USER_FUNCTIONS as readonly string[]).includes(name);
}

export function isBinary(node: ExpressionNode): node is Extract<ExpressionNode, { kind: BinaryOperator }> {
  return node.kind in OPERATORS;
}

/** The direct operands of a node. */
export function children(node: ExpressionNode): readonly ExpressionNode[] {
  if (node.kind === 'negate' || node.kind === 'call') return [node.arg];
  if (isBinary(node)) return [node.left, node.right];
  return [];
}

/** Every distinct node of the tree, operands before the nodes that use them (iterative). */
export function postOrder(root: ExpressionNode): ExpressionNode[] {
  const order: ExpressionNode[] = [];
  const seen = new Set<ExpressionNode>();
  const stack: { node: ExpressionNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      order.push(top.node);
      continue;
    }
    if (seen.has(top.node)) continue;
    seen.add(top.node);
    stack.push({ node: top.node, expanded: true });
    const operands = children(top.node);
    for (let i = operands.length - 1; i >= 0; i--) if (!seen.has(operands[i])) stack.push({ node: operands[i], expanded: false });
  }
  return order;
}

/** The variables a tree uses, in order of first appearance. */
export function variablesOf(root: ExpressionNode): string[] {
  const names: string[] = [];
  for (const node of postOrder(root)) if (node.kind === 'variable' && !names.includes(node.name)) names.push(node.name);
  return names;
}

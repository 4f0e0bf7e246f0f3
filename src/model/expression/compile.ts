/**
 * Compiles a tree into a flat instruction array over numbered slots, run by one loop: each
 * distinct node is computed once per call (a derivative's shared operands too), nothing recurses,
 * and no text ever becomes code. Constants sit in their slots from the start; variables are
 * copied in from the values array; every instruction writes one slot from one or two others.
 */
import { FUNCTIONS, isBinary, postOrder, type ExpressionNode, type FunctionName } from './tree.ts';

export type CompiledExpression = (values: ArrayLike<number>) => number;

const ADD = 0, SUB = 1, MUL = 2, DIV = 3, POW = 4, NEG = 5, CALL = 6;
const BINARY_CODES = { '+': ADD, '-': SUB, '*': MUL, '/': DIV, '^': POW } as const;
const FUNCTION_LIST = Object.keys(FUNCTIONS) as FunctionName[];
const FUNCTION_TABLE = FUNCTION_LIST.map((name) => FUNCTIONS[name]);

/** `order` names the entries of the values array; a variable of the tree missing from it is a programming error. */
export function compileTree(root: ExpressionNode, order: readonly string[]): CompiledExpression {
  const indexOf = (name: string) => {
    const index = order.indexOf(name);
    if (index < 0) throw new Error(`compileExpression: no variable ${name}`);
    return index;
  };
  if (root.kind === 'number') {
    const value = root.value;
    return () => value;
  }
  if (root.kind === 'variable') {
    const index = indexOf(root.name);
    return (values) => values[index];
  }
  const nodes = postOrder(root);
  const slotOf = new Map(nodes.map((node, i) => [node, i]));
  const slots = new Float64Array(nodes.length);
  const loads: number[] = [];
  const code: number[] = [];
  nodes.forEach((node, slot) => {
    if (node.kind === 'number') slots[slot] = node.value;
    else if (node.kind === 'variable') loads.push(slot, indexOf(node.name));
    else if (node.kind === 'negate') code.push(NEG, slot, slotOf.get(node.arg)!, 0);
    else if (node.kind === 'call') code.push(CALL, slot, slotOf.get(node.arg)!, FUNCTION_LIST.indexOf(node.fn));
    else if (isBinary(node)) code.push(BINARY_CODES[node.kind], slot, slotOf.get(node.left)!, slotOf.get(node.right)!);
  });
  const load = Int32Array.from(loads);
  const program = Int32Array.from(code);
  const result = slotOf.get(root)!;
  return (values) => {
    for (let i = 0; i < load.length; i += 2) slots[load[i]] = values[load[i + 1]];
    run(program, slots);
    return slots[result];
  };
}

function run(program: Int32Array, s: Float64Array): void {
  for (let pc = 0; pc < program.length; pc += 4) {
    const out = program[pc + 1];
    const x = s[program[pc + 2]];
    const b = program[pc + 3];
    switch (program[pc]) {
      case ADD:
        s[out] = x + s[b];
        break;
      case SUB:
        s[out] = x - s[b];
        break;
      case MUL:
        s[out] = x * s[b];
        break;
      case DIV:
        s[out] = x / s[b];
        break;
      case POW: {
        // As OPERATORS['^'] in tree.ts: x·x for the square.
        const y = s[b];
        s[out] = y === 2 ? x * x : x ** y;
        break;
      }
      case NEG:
        s[out] = -x;
        break;
      default:
        s[out] = FUNCTION_TABLE[b](x);
    }
  }
}

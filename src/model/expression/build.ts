/**
 * Node constructors with light, one-step simplification, applied bottom-up as a tree is built.
 *
 * - Constant folding: an operator or function of numbers becomes its number, computed by the same
 *   arithmetic as compiled code, so folding never changes a value. A fold that is not finite
 *   (sqrt(-1), 1/0, 0/0, 1e200*1e200) is an error naming the field.
 * - With `identities` (derivatives only, so a user's expression evaluates exactly as written):
 *   x+0, 0+x, x−0, x·1, 1·x, x/1, x^1 → x; 0−x, x·(−1), (−1)·x → −x; 0·x, x·0, 0/x → 0; x^0 → 1;
 *   −(−x) → x. Each looks at one node's operands only, so building costs O(1) per node.
 */
import { InputError } from '../../errors/inputError.ts';
import { FUNCTIONS, OPERATORS, type BinaryOperator, type ExpressionNode, type FunctionName } from './tree.ts';

export interface BuildOptions {
  /** The config field, for errors. */
  readonly field: string;
  /** Says where a failing fold came from, e.g. `in "sqrt(-1) * y^2"`. */
  readonly context: string;
  readonly identities: boolean;
}

export class NodeBuilder {
  constructor(private readonly options: BuildOptions) {}

  number(value: number, text = String(value)): ExpressionNode {
    this.checkFinite(value, text);
    return { kind: 'number', value };
  }

  variable(name: string): ExpressionNode {
    return { kind: 'variable', name };
  }

  negate(arg: ExpressionNode): ExpressionNode {
    if (arg.kind === 'number') return { kind: 'number', value: -arg.value };
    if (this.options.identities && arg.kind === 'negate') return arg.arg;
    return { kind: 'negate', arg };
  }

  call(fn: FunctionName, arg: ExpressionNode): ExpressionNode {
    if (arg.kind === 'number') return this.folded(FUNCTIONS[fn](arg.value), () => `${fn}(${arg.value})`);
    return { kind: 'call', fn, arg };
  }

  binary(op: BinaryOperator, left: ExpressionNode, right: ExpressionNode): ExpressionNode {
    if (left.kind === 'number' && right.kind === 'number') {
      return this.folded(OPERATORS[op](left.value, right.value), () => `${operand(left.value, op === '^')}${op}${operand(right.value, op === '^')}`);
    }
    if (this.options.identities) {
      const simpler = identity(op, left, right);
      if (simpler) return simpler.kind === 'negate' ? this.negate(simpler.arg) : simpler;
    }
    return { kind: op, left, right };
  }

  private folded(value: number, describe: () => string): ExpressionNode {
    this.checkFinite(value, describe());
    return { kind: 'number', value };
  }

  private checkFinite(value: number, text: string): void {
    if (Number.isFinite(value)) return;
    const what = Number.isNaN(value) ? 'is not a real number' : 'is infinite';
    throw new InputError(this.options.field, `${text} ${what}, ${this.options.context}`);
  }
}

const isNumber = (node: ExpressionNode, value: number) => node.kind === 'number' && node.value === value;

/** The one-step identity for op(left, right), if any (a negation is returned unbuilt). */
function identity(op: BinaryOperator, left: ExpressionNode, right: ExpressionNode): ExpressionNode | null {
  switch (op) {
    case '+':
      return isNumber(right, 0) ? left : isNumber(left, 0) ? right : null;
    case '-':
      return isNumber(right, 0) ? left : isNumber(left, 0) ? { kind: 'negate', arg: right } : null;
    case '*':
      if (isNumber(left, 0) || isNumber(right, 0)) return { kind: 'number', value: 0 };
      if (isNumber(left, 1)) return right;
      if (isNumber(right, 1)) return left;
      if (isNumber(left, -1)) return { kind: 'negate', arg: right };
      if (isNumber(right, -1)) return { kind: 'negate', arg: left };
      return null;
    case '/':
      return isNumber(left, 0) ? { kind: 'number', value: 0 } : isNumber(right, 1) ? left : null;
    case '^':
      return isNumber(right, 1) ? left : isNumber(right, 0) ? { kind: 'number', value: 1 } : null;
  }
}

/** A number as written in a folded operation: (-1)^0.5 needs its parentheses. */
function operand(value: number, inPower: boolean): string {
  return inPower && value < 0 ? `(${value})` : String(value);
}

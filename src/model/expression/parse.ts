/**
 * A recursive-descent parser for exactly the expression grammar of a config:
 *
 *   expression := term (('+' | '-') term)*          left-associative
 *   term       := unary (('*' | '/') unary)*        left-associative
 *   unary      := ('-' | '+') unary | power         so -y^2 = -(y^2), 2*-y = 2*(-y)
 *   power      := primary ('^' unary)?              right-associative: 2^3^2 = 2^(3^2), 2^-1
 *   primary    := number | variable | function '(' expression ')' | '(' expression ')'
 *   number     := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]   (also .5 and 5.)
 *
 * Spaces, tabs and line breaks separate tokens. Multiplication is always written (2*y, not 2y).
 * Sums and products are loops, so their length costs no stack; only nesting recurses — each
 * pair of parentheses, function call, sign and exponent is one level, and more than MAX_NESTING
 * levels is an error, as is a text longer than MAX_LENGTH characters.
 */
import { InputError } from '../../errors/inputError.ts';
import { NodeBuilder } from './build.ts';
import { isUserFunction, USER_FUNCTIONS, type ExpressionNode } from './tree.ts';

export const MAX_LENGTH = 10_000;
export const MAX_NESTING = 100;

type Token =
  | { type: 'number'; text: string; at: number }
  | { type: 'name'; text: string; at: number }
  | { type: 'symbol'; text: string; at: number }
  | { type: 'end'; text: ''; at: number };

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const SPACE = /\s*/y;
const SYMBOLS = '+-*/^()';
const NON_FINITE = new Set(['NaN', 'Infinity', 'inf', 'nan']);

/** A source as quoted in one line of an error: JSON escapes line breaks; long texts are cut. */
export function quote(source: string): string {
  return JSON.stringify(source.length > 60 ? `${source.slice(0, 57)}…` : source);
}

/** A name or number as shown in an error: cut short if long. */
function shown(text: string): string {
  return text.length > 30 ? `${text.slice(0, 27)}…` : text;
}

export function allowedText(variables: readonly string[]): string {
  const names = variables.length > 0 ? `the variables ${variables.join(', ')}` : 'no variables';
  return `allowed: numbers, ${names}, + - * / ^, parentheses and the functions ${USER_FUNCTIONS.join(', ')}`;
}

export function parseTree(source: string, variables: readonly string[], field: string): ExpressionNode {
  if (source.length > MAX_LENGTH) {
    throw new InputError(field, `is ${source.length} characters long; at most ${MAX_LENGTH} are allowed`);
  }
  return new Parser(source, variables, field).parse();
}

class Parser {
  private position = 0;
  private token: Token;
  private depth = 0;
  private readonly build: NodeBuilder;

  constructor(
    private readonly source: string,
    private readonly variables: readonly string[],
    private readonly field: string,
  ) {
    this.build = new NodeBuilder({ field, context: `in ${quote(source)}`, identities: false });
    this.token = this.next();
  }

  parse(): ExpressionNode {
    if (this.token.type === 'end') this.fail('it is empty');
    const node = this.expression();
    if (!this.atEnd()) this.unexpected();
    return node;
  }

  private expression(): ExpressionNode {
    let node = this.term();
    while (this.isSymbol('+') || this.isSymbol('-')) {
      const op = this.advance().text as '+' | '-';
      node = this.build.binary(op, node, this.term());
    }
    return node;
  }

  private term(): ExpressionNode {
    let node = this.unary();
    while (this.isSymbol('*') || this.isSymbol('/')) {
      const op = this.advance().text as '*' | '/';
      node = this.build.binary(op, node, this.unary());
    }
    return node;
  }

  private unary(): ExpressionNode {
    if (this.isSymbol('-') || this.isSymbol('+')) {
      const sign = this.advance().text;
      const arg = this.nested(() => this.unary());
      return sign === '-' ? this.build.negate(arg) : arg;
    }
    return this.power();
  }

  private power(): ExpressionNode {
    const base = this.primary();
    if (!this.isSymbol('^')) return this.noImplicitProduct(base);
    this.advance();
    return this.build.binary('^', base, this.nested(() => this.unary()));
  }

  private primary(): ExpressionNode {
    const token = this.token;
    if (token.type === 'number') {
      this.advance();
      return this.build.number(Number(token.text), token.text);
    }
    if (token.type === 'name') {
      this.advance();
      if (this.isSymbol('(')) return this.call(token);
      if (!this.variables.includes(token.text)) {
        this.reject(NON_FINITE.has(token.text) ? `${token.text} is not a finite number` : `unknown variable ${shown(token.text)}`);
      }
      return this.build.variable(token.text);
    }
    if (this.isSymbol('(')) {
      this.advance();
      const inner = this.nested(() => this.expression());
      this.expect(')', `"(" at character ${token.at + 1} is not closed`);
      return inner;
    }
    return this.unexpected();
  }

  private call(name: Token): ExpressionNode {
    if (!isUserFunction(name.text)) this.reject(`function ${shown(name.text)} is not allowed`);
    this.advance();
    const arg = this.nested(() => this.expression());
    if (this.isSymbol(',')) this.fail(`${name.text} takes one argument`);
    this.expect(')', `"${name.text}(" at character ${name.at + 1} is not closed`);
    return this.build.call(name.text, arg);
  }

  /** 2y, 2(y), (y)(b), y theta: a product must be written with *. */
  private noImplicitProduct(node: ExpressionNode): ExpressionNode {
    if (this.token.type === 'number' || this.token.type === 'name' || this.isSymbol('(')) {
      this.fail(`write * for a product (2*y, not 2y) before "${shown(this.token.text)}"`);
    }
    return node;
  }

  private nested(parse: () => ExpressionNode): ExpressionNode {
    if (++this.depth > MAX_NESTING) {
      throw new InputError(this.field, `nests deeper than ${MAX_NESTING} levels (each pair of parentheses, function, sign and exponent is a level) in ${quote(this.source)}`);
    }
    const node = parse();
    this.depth--;
    return node;
  }

  private expect(symbol: string, message: string): void {
    if (!this.isSymbol(symbol)) this.fail(message);
    this.advance();
  }

  private atEnd(): boolean {
    return this.token.type === 'end';
  }

  private isSymbol(symbol: string): boolean {
    return this.token.type === 'symbol' && this.token.text === symbol;
  }

  private advance(): Token {
    const token = this.token;
    this.token = this.next();
    return token;
  }

  private next(): Token {
    const source = this.source;
    let at = this.position;
    // ASCII spaces by hand (the common case), other Unicode spaces by the regex.
    for (;;) {
      const c = source.charCodeAt(at);
      if (c === 32 || (c >= 9 && c <= 13)) at++;
      else if (c > 127) {
        SPACE.lastIndex = at;
        SPACE.exec(source);
        if (SPACE.lastIndex === at) break;
        at = SPACE.lastIndex;
      } else break;
    }
    this.position = at;
    if (at >= source.length) return { type: 'end', text: '', at };
    const char = source[at];
    if (SYMBOLS.includes(char)) {
      this.position = at + 1;
      return { type: 'symbol', text: char, at };
    }
    const pattern = (char >= '0' && char <= '9') || char === '.' ? NUMBER : NAME;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (match) {
      this.position = pattern.lastIndex;
      return { type: pattern === NUMBER ? 'number' : 'name', text: match[0], at };
    }
    // Any other character is a symbol token too; one outside the grammar is reported when the
    // parser reaches it, so that "process.exit" names the unknown variable first.
    const other = String.fromCodePoint(source.codePointAt(at)!);
    this.position = at + other.length;
    return { type: 'symbol', text: other, at };
  }

  private unexpected(): never {
    const t = this.token;
    if (t.type === 'end') return this.fail('it ends too early');
    return this.fail(t.type === 'symbol' && !SYMBOLS.includes(t.text) ? `${JSON.stringify(t.text)} is not allowed` : `unexpected "${shown(t.text)}"`);
  }

  private fail(what: string, at = this.token.at): never {
    throw new InputError(this.field, `cannot parse ${quote(this.source)} at character ${at + 1}: ${what}; ${allowedText(this.variables)}`);
  }

  private reject(what: string): never {
    throw new InputError(this.field, `${what} in ${quote(this.source)}; ${allowedText(this.variables)}`);
  }
}

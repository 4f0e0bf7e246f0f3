/**
 * The library's error messages in the page's words. The library names the field by its config
 * path and phrases some checks as its validator does ("Too small: expected number to be >=0");
 * the page says the same in plain words ("must be at least 0"), and a list of every solver's
 * refusal becomes its distinct reasons, short enough to sit under a control.
 */
import { InputError } from '../../src/index.ts';

/** An error's message without the `field: ` prefix InputError puts in front. */
export function ownMessage(error: unknown): string {
  if (error instanceof InputError) return error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
  return error instanceof Error ? error.message : String(error);
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list such as [0, 0.5, 1]',
  record: 'a map such as {name: value}',
  object: 'a map such as {name: value}',
  map: 'a map such as {name: value}',
};

const COMPARISONS: Readonly<Record<string, string>> = { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than' };

/** A validator's phrasing, said plainly; any other message as it is. */
export function plainMessage(message: string): string {
  const missing = /^is missing \(expected (\w+)\)$/.exec(message);
  if (missing) return `needs a value: ${TYPE_WORDS[missing[1]] ?? missing[1]}`;
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (type) return type[2] === 'undefined' ? `needs a value: ${TYPE_WORDS[type[1]] ?? type[1]}` : `must be ${TYPE_WORDS[type[1]] ?? type[1]}, not ${articled(type[2])}`;
  const size = /^Too (small|big): expected (number|array|string) to (?:be|have) ([<>]=?)(-?[\d.e+]+)( items| characters)?$/.exec(message);
  if (size) {
    const [, , what, op, bound] = size;
    if (what === 'number') return `must be ${COMPARISONS[op]} ${bound}`;
    return `needs ${COMPARISONS[op]} ${bound} ${what === 'array' ? (bound === '1' ? 'entry' : 'entries') : 'characters'}`;
  }
  const option = /^Invalid option: expected one of (.+)$/.exec(message);
  if (option) return `must be one of ${option[1].replace(/"/g, '').split('|').join(', ')}`;
  if (/^Invalid input$/.test(message)) return 'is not a value this field takes';
  return solverRefusal(message) ?? message;
}

function articled(type: string): string {
  return TYPE_WORDS[type] ? TYPE_WORDS[type].replace(/ such as .*$/, '') : type;
}

/**
 * "no solver supports this game (exact: A; lq: A; history: B)" → "no solver can play this
 * scenario: A (exact, lq); B (history)", the reasons most solvers give first, at most `shown`.
 */
export function solverRefusal(message: string, shown = 2): string | null {
  const match = /^no solver supports this game \((.*)\)$/s.exec(message);
  if (!match) return null;
  const bySolver = new Map<string, string[]>();
  for (const part of match[1].split(/; (?=[\w-]+: )/)) {
    const at = part.indexOf(': ');
    const [solver, reason] = at < 0 ? ['', part] : [part.slice(0, at), part.slice(at + 2)];
    // "the exact solver handles the seed family only: the mesa cost …": the cause is the last clause.
    const cause = reason.split(': ').pop() ?? reason;
    bySolver.set(cause, [...(bySolver.get(cause) ?? []), solver]);
  }
  const reasons = [...bySolver].sort((a, b) => b[1].length - a[1].length);
  const listed = reasons.slice(0, shown).map(([cause, solvers]) => `${cause} (${solvers.join(', ')})`);
  const more = reasons.length > shown ? `; ${reasons.length - shown} more reason${reasons.length - shown > 1 ? 's' : ''}` : '';
  return `no solver can play this scenario: ${listed.join('; ')}${more}`;
}

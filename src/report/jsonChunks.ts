/**
 * JSON text in pieces: the same characters as `JSON.stringify(value, null, indent)`, produced a
 * block at a time, so a result with 2·10⁷ episodes per column (hundreds of MB of text, past V8's
 * longest string) can be streamed to a file or stdout in bounded memory. Typed arrays are written
 * as arrays (JSON.stringify would write them as objects), so columns need no copying.
 */

/** Numbers per block of a long numeric array. */
const BLOCK = 1 << 15;

type Json = unknown;

/** The JSON text of `value` in pieces of at most a few hundred kB each. */
export function* jsonChunks(value: Json, indent = 0): Generator<string> {
  yield* write(value, indent > 0 ? ' '.repeat(indent) : '', '');
}

function* write(value: Json, step: string, pad: string): Generator<string> {
  if (value === null || typeof value !== 'object') {
    yield scalar(value) ?? 'null';
    return;
  }
  const inner = step === '' ? '' : pad + step;
  const open = step === '' ? '' : `\n${inner}`;
  const separator = step === '' ? ',' : `,\n${inner}`;
  const close = step === '' ? '' : `\n${pad}`;
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const items = value as ArrayLike<unknown>;
    if (items.length === 0) {
      yield '[]';
      return;
    }
    yield `[${open}`;
    if (ArrayBuffer.isView(value) || isNumberArray(items)) {
      for (let start = 0; start < items.length; start += BLOCK) {
        const end = Math.min(items.length, start + BLOCK);
        let text = start === 0 ? '' : separator;
        for (let i = start; i < end; i++) text += (i === start ? '' : separator) + numberText(items[i] as number);
        yield text;
      }
    } else {
      for (let i = 0; i < items.length; i++) {
        if (i > 0) yield separator;
        const item = items[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
        else yield* write(item, step, inner);
      }
    }
    yield `${close}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield `{${open}`;
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i];
    yield `${i > 0 ? separator : ''}${JSON.stringify(key)}:${step === '' ? '' : ' '}`;
    yield* write(item, step, inner);
  }
  yield `${close}}`;
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return JSON.stringify(value);
}

/** JSON.stringify's form of a number: the shortest round-trip text, null when not finite. */
const numberText = (x: number) => (Number.isFinite(x) ? String(x) : 'null');

function isNumberArray(items: ArrayLike<unknown>): boolean {
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== 'number') return false;
  return true;
}

/** Joins small pieces into blocks of about `size` characters (fewer writes, bounded memory). */
export function* coalesce(pieces: Iterable<string>, size = 1 << 20): Generator<string> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** A whole JSON document (compact, or indented by `indent`) ending in a newline, in blocks of about 1 MB. */
export function jsonDocument(value: unknown, indent = 0): Iterable<string> {
  return coalesce(withNewline(jsonChunks(value, indent)));
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces;
  yield '\n';
}

/**
 * Reading a scenario, schedule or sweep file: data only, never code, and bounded in every way a
 * hostile or mistaken file could make it unbounded:
 *   - size: at most MAX_INPUT_BYTES are read (so `/dev/zero` or a huge file is refused at once);
 *   - text: UTF-8 only (a stray byte is named by its offset, not replaced silently);
 *   - JSON text is parsed by JSON.parse (fast at any size), anything else as YAML, which is slow
 *     (≈ 3 µs a token), so YAML text is limited to MAX_YAML_BYTES;
 *   - YAML aliases: at most 100 expansions (an alias bomb is refused), no warnings printed
 *     (an unresolved tag or a complex key is an error naming its line);
 *   - keys: a duplicate key is an error in JSON as in YAML;
 *   - nesting: at most MAX_DEPTH levels.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import { InputError } from '../errors/inputError.ts';
import { firstDuplicateKey } from './jsonDuplicates.ts';

// YAML (230 modules) loads on the first YAML file, not for JSON files or built-in scenarios.
const yaml = () => createRequire(import.meta.url)('yaml') as typeof Yaml;

/** The largest input file read (a JSON schedule of 2·10⁷ learning rates fits). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
/** The largest file parsed as YAML rather than JSON. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** The deepest nesting of lists and maps accepted. */
export const MAX_DEPTH = 64;

/** Parses a YAML or JSON file (YAML is a superset of JSON); data only, never code. */
export function readConfigFile(path: string): unknown {
  const text = decodeUtf8(readBounded(path), path);
  const value = looksLikeJson(text) ? parseJson(text, path) : parseYamlText(text, path);
  checkDepth(value, path);
  return value;
}

/** At most MAX_INPUT_BYTES of the file, read in chunks (works for pipes and devices too). */
function readBounded(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new InputError(path, 'cannot read this file');
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, MAX_INPUT_BYTES + 1 - total));
      let read: number;
      try {
        read = readSync(fd, chunk, 0, chunk.length, null);
      } catch {
        throw new InputError(path, 'cannot read this file (is it a directory?)');
      }
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > MAX_INPUT_BYTES) throw new InputError(path, `is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, the limit for input files`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function decodeUtf8(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new InputError(path, `is not UTF-8 text (invalid byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset})`);
  }
}

/** The offset of the first byte that starts no valid UTF-8 sequence (found by bisection on prefixes). */
function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const valid = (end: number) => {
    try {
      decoder.decode(bytes.subarray(0, end));
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // A prefix may end inside a valid multi-byte sequence: allow up to 3 bytes of slack.
    if (valid(mid) || valid(Math.min(bytes.length, mid + 1)) || valid(Math.min(bytes.length, mid + 2)) || valid(Math.min(bytes.length, mid + 3))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[';
}

/** JSON text through JSON.parse; text that only looks like JSON (a YAML flow map) goes on to YAML. */
function parseJson(text: string, path: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep(path);
    return parseYamlText(text, path);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined) {
    throw new InputError(duplicate.path || path, `the key "${truncate(duplicate.key)}" appears twice; keep one`);
  }
  return value;
}

function parseYamlText(text: string, path: string): unknown {
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) {
    throw new InputError(path, `is larger than ${MAX_YAML_BYTES / 1024 / 1024} MiB, the limit for YAML files (JSON files may be up to ${MAX_INPUT_BYTES / 1024 / 1024} MiB)`);
  }
  let doc: Document;
  try {
    // uniqueKeys off: the library's check is quadratic in the number of keys; ours is linear.
    doc = yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem !== undefined && /call stack/i.test(problem.message)) throw tooDeep(path);
    if (problem !== undefined) throw new InputError(path, `is not valid YAML or JSON (${firstLine(problem.message)})`);
    checkYamlKeys(doc, text, path);
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof RangeError || /call stack/i.test(String(error))) throw tooDeep(path);
    throw new InputError(path, `is not valid YAML or JSON (${firstLine(error instanceof Error ? error.message : String(error))})`);
  }
}

/** Map keys must be plain scalars (a list or map as a key has no JSON form) and unique in their map. */
function checkYamlKeys(doc: Document, text: string, path: string): void {
  yaml().visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
        const keyValue = key !== null && typeof key === 'object' && 'value' in key ? key.value : key;
        if (key !== null && typeof key === 'object' && !('value' in key)) {
          throw new InputError(path, `a key is a list or a map${lineOf(text, key.range)}; keys must be names`);
        }
        const name = String(keyValue);
        if (seen.has(name)) throw new InputError(path, `the key "${truncate(name)}" appears twice in one map${lineOf(text, key?.range)}; keep one`);
        seen.add(name);
      }
    },
  });
}

/** " at line L" for a node's source range. */
function lineOf(text: string, range: [number, number, number] | undefined): string {
  if (range === undefined) return '';
  let line = 1;
  for (let i = 0; i < range[0] && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return ` at line ${line}`;
}

/** Refuses nesting deeper than MAX_DEPTH (iteratively, so depth itself cannot overflow the stack). */
function checkDepth(value: unknown, path: string): void {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_DEPTH) throw tooDeep(path);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
}

const tooDeep = (path: string) => new InputError(path, `nests lists or maps more than ${MAX_DEPTH} levels deep, the limit`);
const firstLine = (message: string) => message.split('\n')[0].trim();
const truncate = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

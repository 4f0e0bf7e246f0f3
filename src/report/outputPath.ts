/**
 * Where output may go. Every output directory is checked before any work starts (a run of an
 * hour must not fail at its end because `--out` names a file), file and folder names taken from
 * user text stay inside it, and no file is written through a symbolic link.
 *
 * Directories are made one level at a time: Node's `mkdir(…, { recursive: true })` loops for
 * ever on a path such as /proc/nope (ENOENT for the leaf, EEXIST for its parent).
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '../errors/inputError.ts';

/** Makes `dir` and its missing parents, or throws an InputError naming `field`. */
export function makeDirectory(dir: string, field = '--out'): void {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    const kind = kindOf(d);
    if (kind === 'directory') break;
    if (kind !== 'missing') throw new InputError(field, `${d === resolve(dir) ? dir : d} is ${kind === 'file' ? 'a file' : 'not a directory'}; give a directory`);
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && kindOf(d) === 'directory') continue;
      throw new InputError(field, `cannot create the directory ${d} (${codeOf(error)})`);
    }
  }
}

/**
 * Checks at once that `dir` can take mesalab's output: not empty, a directory (made if missing)
 * in which a file can be created. Called before any solving, so a bad --out fails in milliseconds.
 */
export function checkOutputDirectory(dir: string, field = '--out'): void {
  if (dir.trim() === '') throw new InputError(field, 'is empty; give a directory to write into');
  if (dir.includes('\0')) throw new InputError(field, 'holds a NUL character; give a directory path');
  makeDirectory(dir, field);
  const probe = resolve(dir, `.mesalab-probe-${process.pid}`);
  try {
    const fd = openSync(probe, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW);
    try {
      writeSync(fd, 'x');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new InputError(field, `cannot write into ${dir} (${codeOf(error)})`);
  } finally {
    rmSync(probe, { force: true });
  }
}

/** The longest file or folder name written (most file systems allow 255 bytes). */
const MAX_NAME_BYTES = 200;

/**
 * Checks that `name` (from user text, e.g. a scenario's name) can be one file or folder name
 * inside an output directory: not empty, not `.` or `..`, no `/`, `\` or NUL, at most 200 bytes.
 */
export function checkFileName(name: string, field: string): string {
  const problem =
    name === '' ? 'is empty'
    : name === '.' || name === '..' ? `is "${name}"`
    : /[/\\]/.test(name) ? 'holds a path separator'
    : name.includes('\0') ? 'holds a NUL character'
    : [...name].some((c) => c.charCodeAt(0) < 0x20) ? 'holds a control character'
    : Buffer.byteLength(name) > MAX_NAME_BYTES ? `is longer than ${MAX_NAME_BYTES} bytes`
    : undefined;
  if (problem !== undefined) {
    throw new InputError(field, `${problem}, so it cannot name a folder under --out; use letters, digits, ".", "_", "-" and spaces`);
  }
  return name;
}

/** Refuses to write `file` when it is a symbolic link (its target, anywhere, would be overwritten). */
export function refuseSymlink(file: string): void {
  let isLink: boolean;
  try {
    isLink = lstatSync(file).isSymbolicLink();
  } catch {
    return; // missing: nothing to follow
  }
  if (isLink) throw new InputError(file, 'is a symbolic link; mesalab does not write through links (remove it or choose another --out)');
}

function kindOf(path: string): 'directory' | 'file' | 'other' | 'missing' {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'directory' : s.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'other';
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

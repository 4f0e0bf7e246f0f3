/**
 * Provenance: what made a file — mesalab's version and git commit, Node's version, the command
 * line, the random seeds and run count, and the time — recorded in every data file the tool
 * writes (result.json, sweep.json, the findings' data files, the figures' .vl.json), so a figure
 * in a paper can be traced to the run that made it. Never in the `--json` stdout stream, whose
 * bytes the golden tests pin.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mesalabVersion } from '../version.ts';

export interface Provenance {
  /** mesalab's version (package.json). */
  readonly mesalab: string;
  /** The commit of the mesalab checkout that ran, read from its .git; null when not a checkout. */
  readonly commit: string | null;
  /** process.version, e.g. "v20.20.2". */
  readonly node: string;
  /** The command line: `mesalab` and its arguments (or the script and its arguments). */
  readonly command: readonly string[];
  /** The random seeds used (none for deterministic runs). */
  readonly seeds: readonly number[];
  /** How many runs the file records: scenarios, sweep points, or Monte Carlo runs. */
  readonly runs: number;
  /** When the file was written (ISO 8601, UTC). */
  readonly time: string;
}

/** Provenance of a file written now by this process. */
export function provenance(run: { seeds?: readonly number[]; runs: number }): Provenance {
  return {
    mesalab: mesalabVersion(),
    commit: gitCommit(),
    node: process.version,
    command: commandLine(process.argv),
    seeds: [...(run.seeds ?? [])],
    runs: run.runs,
    time: new Date().toISOString(),
  };
}

/** argv without Node's path; the bin's path shortened to `mesalab`. */
export function commandLine(argv: readonly string[]): string[] {
  const [, script = '', ...args] = argv;
  return [/[\\/]bin[\\/]mesalab(\.js)?$/.test(script) ? 'mesalab' : script, ...args];
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
let commit: string | null | undefined;

/**
 * The commit of the checkout mesalab runs from: HEAD of the .git in the package root (a worktree's
 * `.git` file points at its git dir), resolved through loose or packed refs. Read from the files,
 * without spawning git; null when the package is not a checkout (an npm install) or unreadable.
 */
export function gitCommit(root: string = PACKAGE_ROOT): string | null {
  if (root === PACKAGE_ROOT && commit !== undefined) return commit;
  let found: string | null;
  try {
    found = readCommit(root);
  } catch {
    found = null;
  }
  if (root === PACKAGE_ROOT) commit = found;
  return found;
}

function readCommit(root: string): string | null {
  const dotGit = join(root, '.git');
  if (!existsSync(dotGit)) return null;
  let gitDir = dotGit;
  if (statSync(dotGit).isFile()) {
    const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (pointer === undefined) return null;
    gitDir = isAbsolute(pointer) ? pointer : resolve(root, pointer);
  }
  const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (ref === undefined) return null;
  // A worktree keeps its HEAD but shares refs with the main git dir (named in `commondir`).
  const commonFile = join(gitDir, 'commondir');
  const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, 'utf8').trim()) : gitDir;
  for (const dir of [gitDir, common]) {
    const loose = join(dir, ref);
    if (existsSync(loose)) return readFileSync(loose, 'utf8').trim();
  }
  const packed = join(common, 'packed-refs');
  if (!existsSync(packed)) return null;
  const line = readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
  return line?.slice(0, 40) ?? null;
}


/**
 * The fuzz suite's harness. Cases run the CLI in this process (`main()` from src/cli/main.ts,
 * stdout and stderr captured) or, for a sample, through the real bin; each outcome is judged by
 * one rule (issue 16): within the time bound, either exit 0 with only finite numbers in the
 * result, or exit 1 with ONE line on stderr of the form "mesalab: FIELD: what is allowed",
 * never a stack trace or a parser warning (commander's usage errors: one line naming the option, exit 2).
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

(globalThis as Record<symbol, unknown>)[Symbol.for('mesalab.inProcess')] = true;
const { main } = await import('../../src/cli/main.ts');

/** The seed of every property in the suite: MESALAB_FUZZ_SEED=… reruns another sample. */
export const FUZZ_SEED = Number(process.env.MESALAB_FUZZ_SEED ?? 16_2026);

/** The most an in-process case may take (they are small: a slow one is a hang in the making). */
export const CASE_BOUND_MS = 15_000;

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

type Write = typeof process.stdout.write;

/** Runs `mesalab ARGS` in this process with stdout and stderr captured. */
export async function runInProcess(args: readonly string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (text: string) => void): Write =>
    ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as Write;
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  // Process warnings (a YAML parser's, say) are printed later by Node: collect them as stderr.
  const onWarning = (warning: Error) => (stderr += `(node) Warning: ${warning.name}: ${warning.message}\n`);
  process.on('warning', onWarning);
  const started = performance.now();
  let code: number;
  try {
    code = await main(['node', 'mesalab', ...args]);
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.off('warning', onWarning);
  }
  return { code, stdout, stderr, ms: performance.now() - started };
}

/** A fresh temporary directory; `cleanUp` removes every one made. */
const made: string[] = [];
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mesalab-fuzz-'));
  made.push(dir);
  return dir;
}
export function cleanUp(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Columns of a result (seed or game contract) that must hold numbers only. */
const COLUMNS = new Set(['coefficients', 'theta', 'output', 'learningRate', 'baseLoss', 'mesaLoss']);

/** Why `outcome` breaks the rule, or undefined when it keeps it. `usage`: a case that may end in a usage error (exit 2). */
export function problemWith(args: readonly string[], outcome: Outcome, bound = CASE_BOUND_MS): string | undefined {
  const { code, stdout, stderr, ms } = outcome;
  if (ms > bound) return `took ${Math.round(ms)} ms (bound ${bound} ms)`;
  if (/^\s+at .+[:(]\d+/m.test(stderr)) return 'printed a stack trace';
  if (/warning/i.test(stderr) || /\(node:\d+\)/.test(stderr)) return 'printed a warning';
  const lines = stderr.split('\n').filter((l) => l !== '');
  if (code === 0) {
    if (stdout.trim() === '' && stderr.trim() === '') return 'exit 0 without a word (every command prints a result or what it wrote)';
    if (/\b(NaN|Infinity)\b/.test(stdout)) return 'printed a non-finite number';
    const complaint = lines.find((l) => l.startsWith('mesalab: ') && !/estimated|points to run/.test(l));
    if (complaint !== undefined) return `exit 0 but complained: ${complaint}`;
    if (args.includes('--json')) {
      for (const line of stdout.split('\n').filter((l) => l !== '')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          return `--json printed a line that is not JSON: ${line.slice(0, 80)}`;
        }
        const bad = nonNumberInColumns(parsed);
        if (bad !== undefined) return `--json holds ${bad}`;
      }
    }
    return undefined;
  }
  if (code === 1) {
    if (lines.length !== 1) return `exit 1 with ${lines.length} lines on stderr`;
    if (!/^mesalab: (diverged at episode \d+ \(|diverged \(|[^\s].*?: \S)/.test(lines[0])) return `exit 1 without "mesalab: FIELD: …": ${lines[0]}`;
    if (/\b(undefined|\[object Object\])\b/.test(lines[0])) return `an unclear message: ${lines[0]}`;
    if (lines[0].length > 600) return `a message of ${lines[0].length} characters`;
    return undefined;
  }
  if (code === 2) {
    if (!/^error: /.test(lines[0] ?? '')) return `exit 2 without commander's "error: …": ${lines[0]}`;
    if (lines.length !== 1) return `exit 2 with ${lines.length} lines on stderr`;
    return undefined;
  }
  return `exit code ${code}`;
}

function nonNumberInColumns(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    if (COLUMNS.has(path.split('.').pop() ?? '') || /^(parameters|actions)\./.test(path)) {
      const i = value.findIndex((x) => typeof x !== 'number');
      if (i >= 0) return `${path}[${i}] = ${JSON.stringify(value[i])}`;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const bad = nonNumberInColumns(v, path === '' ? k : `${path}.${k}`);
      if (bad !== undefined) return bad;
    }
  }
  return undefined;
}

/** Exit codes seen per surface, so the suite can show (and check) that it reaches both valid and invalid cases. */
export const tally = new Map<string, Map<number, number>>();
export function count(surface: string, outcome: Outcome): void {
  // MESALAB_FUZZ_LOG=FILE keeps every message, for reading them all through.
  if (process.env.MESALAB_FUZZ_LOG) appendFileSync(process.env.MESALAB_FUZZ_LOG, `${surface}\t${outcome.code}\t${Math.round(outcome.ms)}\t${outcome.stderr.split('\n')[0]}\n`);
  const codes = tally.get(surface) ?? new Map<number, number>();
  codes.set(outcome.code, (codes.get(outcome.code) ?? 0) + 1);
  tally.set(surface, codes);
}

/** Throws with everything needed to turn the case into a regression test. */
export function expectRule(args: readonly string[], outcome: Outcome, files: Record<string, string | Uint8Array> = {}, bound?: number): void {
  const problem = problemWith(args, outcome, bound);
  if (problem === undefined) return;
  const shownFiles = Object.entries(files).map(([name, content]) => `  ${name}: ${JSON.stringify(typeof content === 'string' ? content.slice(0, 2000) : Buffer.from(content).toString('base64').slice(0, 2000))}`);
  throw new Error(
    [`fuzz case broke the rule: ${problem}`, `  args: ${JSON.stringify(args)}`, ...shownFiles, `  exit ${outcome.code}; stderr: ${JSON.stringify(outcome.stderr.slice(0, 1000))}`, `  stdout: ${JSON.stringify(outcome.stdout.slice(0, 300))}`].join('\n'),
  );
}

/**
 * The solver worker: validates and runs each config exactly as `mesalab run` would (solvedRun.ts),
 * off the page's main thread. It answers in steps, so the newest input's errors show at once:
 * `checked` (every config validated), `started` (per solve: the solver and the library's time
 * estimate, for the page's progress), `solved` (what the page draws). The runs of the last solve
 * that succeeded stay here for their exports and for the policy of any one episode (`policy`).
 */
import { DivergenceError, estimateSolveSeconds, InputError, parseAnyConfig, type SolveWrapper } from '../../src/index.ts';
import { runView } from './displayTable.ts';
import type { ExportRequest, PolicyRequest, SolveFailure, SolveOutcome, SolveRequest, WorkerMessage, WorkerRequest } from './protocol.ts';
import { ownMessage } from './messages.ts';
import { policyCurve, type RunPolicy } from './policyCurve.ts';
import { solveConfig, type SolvedRun } from './solvedRun.ts';

interface Kept {
  readonly id: number;
  readonly runs: readonly (SolvedRun | null)[];
  readonly configs: readonly unknown[];
  /** Each run's policy, parsed from its config when first asked for. */
  readonly policies: (RunPolicy | undefined)[];
}

let kept: Kept = { id: -1, runs: [], configs: [], policies: [] };

const post = (message: WorkerMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  if (event.data.type === 'solve') solve(event.data);
  else if (event.data.type === 'policy') episodeOf(event.data);
  else exportRun(event.data);
};

function solve({ id, configs, columns }: SolveRequest): void {
  const failures = configs.map(check);
  post({ type: 'checked', id, failures });
  const runs: (SolvedRun | null)[] = [];
  const outcomes = configs.map((config, index): SolveOutcome => {
    const failure = failures[index];
    if (failure) {
      runs.push(null);
      return { ok: false, failure };
    }
    try {
      const started = performance.now();
      const run = solveConfig(config, 'custom', announce(id, index));
      runs.push(run);
      return { ok: true, run: runView(run, columns), milliseconds: performance.now() - started };
    } catch (error) {
      runs.push(null);
      return { ok: false, failure: describeFailure(error) };
    }
  });
  // The page shows a solve only if every run succeeded: keep those runs for its exports.
  if (runs.every((r) => r !== null)) kept = { id, runs, configs, policies: [] };
  const transfer = outcomes.flatMap((o) => (o.ok ? [o.run.table.episode, o.run.table.learningRate, ...o.run.table.columns].map((c) => c.buffer as ArrayBuffer) : []));
  post({ type: 'solved', id, outcomes }, transfer);
}

/** The library's validation of one config, without solving it. */
function check(config: unknown): SolveFailure | null {
  try {
    parseAnyConfig(config);
    return null;
  } catch (error) {
    return describeFailure(error);
  }
}

/** Tells the page which solver runs and how long the library expects it to take. */
function announce(id: number, index: number): SolveWrapper {
  return (label, describe, run) => {
    const { solver, size } = describe();
    post({ type: 'started', id, index, label, solver, episodes: size.episodes, estimateSeconds: estimateSolveSeconds(solver, size) ?? null });
    return run();
  };
}

function exportRun({ id, of, index, format }: ExportRequest): void {
  const run = kept.id === of ? kept.runs[index] : null;
  if (!run) {
    post({ type: 'exported', id, text: null, error: 'that run is no longer kept; export again' });
    return;
  }
  post({ type: 'exported', id, text: format === 'csv' ? run.csv() : run.json() });
}

/** Episode n of a kept run: its policy against the goal, and each shown series' value. */
function episodeOf({ id, of, index, episode }: PolicyRequest): void {
  const run = kept.id === of ? kept.runs[index] : null;
  if (!run) {
    post({ type: 'policy', id, episode: null, error: 'that run is no longer kept' });
    return;
  }
  const episodes = run.trajectory.output.length;
  const n = Math.min(episodes - 1, Math.max(0, Math.round(episode)));
  const window = Math.min(run.plotWindow, episodes);
  try {
    kept.policies[index] ??= policyOfConfig(kept.configs[index]);
    const curve = policyCurve(kept.policies[index], run.trajectory, n, window);
    const values: [string, number][] = run.series.map((s, i) => [s.key, run.columns[i][n]]);
    values.push(['learningRate', run.trajectory.learningRate[n]]);
    const transfer = curve ? [curve.theta.buffer as ArrayBuffer, curve.output.buffer as ArrayBuffer, curve.slope.buffer as ArrayBuffer] : [];
    post({ type: 'policy', id, episode: { episode: n, curve, values } }, transfer);
  } catch (error) {
    post({ type: 'policy', id, episode: null, error: describeFailure(error).message });
  }
}

function policyOfConfig(config: unknown): RunPolicy {
  const parsed = parseAnyConfig(config);
  return parsed.kind === 'game' ? { kind: 'game', game: parsed.parsed.game } : { kind: 'seed' };
}

function describeFailure(error: unknown): SolveFailure {
  if (error instanceof InputError) return { kind: 'input', field: error.field, message: ownMessage(error) };
  if (error instanceof DivergenceError) return { kind: 'divergence', field: null, message: error.message };
  return { kind: 'internal', field: null, message: error instanceof Error ? error.message : String(error) };
}

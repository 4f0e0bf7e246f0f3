/**
 * The page's handle on the solver worker: one promise per request, answered by id, with the
 * worker's intermediate messages (validated, solve started) handed to callbacks. A solve that
 * has become stale (the user moved on while a slow solver was still running) is cancelled by
 * terminating the worker and starting a fresh one, since a running solve cannot be interrupted.
 */
import type { EpisodeView, ExportFormat, SolveFailure, SolveOutcome, SolveStart, WorkerMessage, WorkerRequest } from './protocol.ts';

export interface SolveCallbacks {
  /** Every config validated: a failure per invalid one (null for those being solved). */
  onChecked?(failures: readonly (SolveFailure | null)[]): void;
  onStarted?(start: SolveStart): void;
}

/** A solve's outcomes, and its id: exports of its runs name it. */
export interface Solved {
  readonly id: number;
  readonly outcomes: readonly SolveOutcome[];
}

interface Waiting {
  readonly count: number;
  readonly callbacks: SolveCallbacks;
  readonly resolve: (outcomes: readonly SolveOutcome[]) => void;
}

/** An export or an episode's policy: answered once, from a kept run. */
interface WaitingAnswer {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
}

export class SolverClient {
  private worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private readonly answers = new Map<number, WaitingAnswer>();
  private nextId = 0;
  private busySince: number | null = null;

  constructor() {
    this.worker = this.start();
  }

  /** Validates and solves each config in the worker; never rejects for bad input. */
  solve(configs: readonly unknown[], columns: number, callbacks: SolveCallbacks = {}): Promise<Solved> {
    const id = this.nextId++;
    this.busySince ??= performance.now();
    return new Promise((resolve) => {
      this.waiting.set(id, { count: configs.length, callbacks, resolve: (outcomes) => resolve({ id, outcomes }) });
      this.send({ type: 'solve', id, configs, columns });
    });
  }

  /** The CSV or JSON of run `index` of solve `of` (the worker keeps the last solve whose runs all succeeded). */
  exportRun(of: number, index: number, format: ExportFormat): Promise<string> {
    return this.ask<string>((id) => ({ type: 'export', id, of, index, format }));
  }

  /** Episode `episode` of run `index` of solve `of`: its policy against the goal and its values. */
  episode(of: number, index: number, episode: number): Promise<EpisodeView> {
    return this.ask<EpisodeView>((id) => ({ type: 'policy', id, of, index, episode }));
  }

  /** Milliseconds the oldest open solve has been waiting, or 0 when idle. */
  busyFor(): number {
    return this.busySince === null ? 0 : performance.now() - this.busySince;
  }

  /** Ends every open request with a `cancelled` failure and replaces the worker. */
  cancel(): void {
    this.worker.terminate();
    this.failAll('cancelled', 'cancelled: a newer input replaced this solve');
    this.worker = this.start();
  }

  private ask<T>(request: (id: number) => WorkerRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.answers.set(id, { resolve: resolve as (value: never) => void, reject });
      this.send(request(id));
    });
  }

  private send(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  private start(): Worker {
    const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module', name: 'mesalab-solver' });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => this.receive(event.data);
    // A worker that fails to load or crashes answers every open request with the error.
    worker.onerror = (event: ErrorEvent) => this.failAll('internal', `solver worker failed: ${event.message || 'unknown error'}`);
    return worker;
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'exported' || message.type === 'policy') {
      const waiting = this.answers.get(message.id);
      this.answers.delete(message.id);
      const value = message.type === 'exported' ? message.text : message.episode;
      if (value === null) waiting?.reject(new Error(message.error ?? `${message.type === 'exported' ? 'export' : 'policy'} failed`));
      else waiting?.resolve(value as never);
      return;
    }
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    if (message.type === 'checked') waiting.callbacks.onChecked?.(message.failures);
    else if (message.type === 'started') waiting.callbacks.onStarted?.(message);
    else {
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) this.busySince = null;
      waiting.resolve(message.outcomes);
    }
  }

  private failAll(kind: 'internal' | 'cancelled', message: string): void {
    for (const { count, resolve } of this.waiting.values()) {
      resolve(Array.from({ length: count }, (): SolveOutcome => ({ ok: false, failure: { kind, field: null, message } })));
    }
    for (const { reject } of this.answers.values()) reject(new Error(message));
    this.waiting.clear();
    this.answers.clear();
    this.busySince = null;
  }
}

/**
 * The page's handle on the solver worker: one promise per request, answered by id. A solve that
 * has become stale (the user moved on while a slow solver was still running) can be cancelled:
 * the worker is terminated and a fresh one started, since a running solve cannot be interrupted.
 */
import type { SolveOutcome, SolveRequest, SolveResponse } from './protocol.ts';

interface Waiting {
  readonly count: number;
  readonly resolve: (outcomes: readonly SolveOutcome[]) => void;
}

export class SolverClient {
  private worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private busySince: number | null = null;

  constructor() {
    this.worker = this.start();
  }

  /** Validates and solves each config in the worker; never rejects for bad input. */
  solve(configs: readonly unknown[]): Promise<readonly SolveOutcome[]> {
    const request: SolveRequest = { id: this.nextId++, configs };
    this.busySince ??= performance.now();
    return new Promise((resolve) => {
      this.waiting.set(request.id, { count: configs.length, resolve });
      this.worker.postMessage(request);
    });
  }

  /** Milliseconds the oldest open request has been waiting, or 0 when idle. */
  busyFor(): number {
    return this.busySince === null ? 0 : performance.now() - this.busySince;
  }

  /** Ends every open request with a `cancelled` failure and replaces the worker. */
  cancel(): void {
    this.worker.terminate();
    this.failAll('cancelled', 'cancelled: a newer input replaced this solve');
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module', name: 'mesalab-solver' });
    worker.onmessage = (event: MessageEvent<SolveResponse>) => {
      const waiting = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      if (this.waiting.size === 0) this.busySince = null;
      waiting?.resolve(event.data.outcomes);
    };
    // A worker that fails to load or crashes answers every open request with the error.
    worker.onerror = (event: ErrorEvent) => this.failAll('internal', `solver worker failed: ${event.message || 'unknown error'}`);
    return worker;
  }

  private failAll(kind: 'internal' | 'cancelled', message: string): void {
    for (const { count, resolve } of this.waiting.values()) {
      resolve(Array.from({ length: count }, (): SolveOutcome => ({ ok: false, failure: { kind, field: null, message } })));
    }
    this.waiting.clear();
    this.busySince = null;
  }
}

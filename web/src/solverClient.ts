/** The page's handle on the solver worker: one promise per request, answered by id. */
import type { SolveOutcome, SolveRequest, SolveResponse } from './protocol.ts';

interface Waiting {
  readonly count: number;
  readonly resolve: (outcomes: readonly SolveOutcome[]) => void;
}

export class SolverClient {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  constructor() {
    this.worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module', name: 'mesalab-solver' });
    this.worker.onmessage = (event: MessageEvent<SolveResponse>) => {
      const waiting = this.waiting.get(event.data.id);
      this.waiting.delete(event.data.id);
      waiting?.resolve(event.data.outcomes);
    };
    // A worker that fails to load or crashes answers every open request with the error.
    this.worker.onerror = (event: ErrorEvent) => {
      const message = `solver worker failed: ${event.message || 'unknown error'}`;
      for (const { count, resolve } of this.waiting.values()) {
        resolve(Array.from({ length: count }, () => ({ ok: false, failure: { kind: 'internal', field: null, message } }) as const));
      }
      this.waiting.clear();
    };
  }

  /** Validates and solves each config in the worker; never rejects for bad input. */
  solve(configs: readonly unknown[]): Promise<readonly SolveOutcome[]> {
    const request: SolveRequest = { id: this.nextId++, configs };
    return new Promise((resolve) => {
      this.waiting.set(request.id, { count: configs.length, resolve });
      this.worker.postMessage(request);
    });
  }
}

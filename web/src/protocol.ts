/**
 * Messages between the page and the solver worker. The worker keeps each run; the page gets what
 * it draws and prints (a display table of at most a few points per pixel column, the metrics),
 * never the whole trajectory, so N = 10⁷ episodes cost the page what 10³ do. Exports are asked
 * for separately and written by the worker from the kept run.
 */

/** Solve each config (untrusted: the worker validates it with the library's parser). */
export interface SolveRequest {
  readonly type: 'solve';
  readonly id: number;
  readonly configs: readonly unknown[];
  /** Pixel columns of the plot: the display table keeps a few points per column. */
  readonly columns: number;
}

/** The CSV or JSON the CLI writes for run `index` of request `of`. */
export interface ExportRequest {
  readonly type: 'export';
  readonly id: number;
  readonly of: number;
  readonly index: number;
  readonly format: ExportFormat;
}

export type ExportFormat = 'csv' | 'json';

/** The policy of episode `episode` of run `index` of request `of`, against the goal (policyCurve.ts). */
export interface PolicyRequest {
  readonly type: 'policy';
  readonly id: number;
  readonly of: number;
  readonly index: number;
  readonly episode: number;
}

export type WorkerRequest = SolveRequest | ExportRequest | PolicyRequest;

/**
 * Why a config produced no result: bad input (with the config path of the offending field),
 * a run that diverged, a bug, or a solve cancelled by newer input.
 */
export interface SolveFailure {
  readonly kind: 'input' | 'divergence' | 'internal' | 'cancelled';
  readonly field: string | null;
  readonly message: string;
}

/** A solve is starting: which solver, how many episodes, and the library's estimate of its time. */
export interface SolveStart {
  readonly type: 'started';
  readonly id: number;
  readonly index: number;
  readonly label: string;
  readonly solver: string;
  readonly episodes: number;
  /** Seconds (experiment/cost.ts), or null where the library has no estimate for the solver. */
  readonly estimateSeconds: number | null;
}

/**
 * One displayed series: a parameter (θ, β, γ, …), a policy coefficient (a, or k_θ and k_β), the
 * slope ∂y/∂θ of a non-linear policy (an MLP), or the output y.
 */
export interface SeriesInfo {
  readonly key: string;
  readonly role: 'parameter' | 'coefficient' | 'slope' | 'output';
  /** The library's name: the parameter's or action component's (`theta`, `k_beta`). */
  readonly name: string;
  /** The goal parameter (θ unless the config names another). */
  readonly goal?: boolean;
}

/**
 * The shown episodes of a run, column by column: every episode of the plot window when there
 * are few, else the M4 points (each pixel column's first, last, lowest and highest point of
 * every series), so the drawn lines are those of all episodes.
 */
export interface DisplayTable {
  readonly episode: Float64Array;
  readonly learningRate: Float64Array;
  /** One column per series, in `RunView.series` order. */
  readonly columns: readonly Float64Array[];
  /** Whether every episode of the window is in the table (not thinned). */
  readonly complete: boolean;
}

/** What the page shows of one run. */
export interface RunView {
  readonly name: string;
  readonly solver: string;
  /** How the run was made, e.g. "grid solver" or "dp solver, reinforce: mean of 1000 seeded runs". */
  readonly note: string;
  readonly episodes: number;
  /** Episodes in the plot window (the config's plotWindow, at most N). */
  readonly window: number;
  readonly series: readonly SeriesInfo[];
  readonly table: DisplayTable;
  /** Runs of training episodes (ℓ > 0) in the window, as [first, last + 1). */
  readonly training: readonly (readonly [number, number])[];
  /** The library's flat metrics record, in its order. */
  readonly metrics: readonly (readonly [string, number | null])[];
  /** Action components of the policy (an MLP has hundreds of weights). */
  readonly actionComponents: number;
  readonly policy: 'linear' | 'discrete' | 'mlp';
  readonly ties: number;
  readonly solveMilliseconds: number;
}

/** A run, with the milliseconds the worker spent on it (validating, solving, playing out, thinning). */
export type SolveOutcome = { readonly ok: true; readonly run: RunView; readonly milliseconds: number } | { readonly ok: false; readonly failure: SolveFailure };

export interface SolveResponse {
  readonly type: 'solved';
  readonly id: number;
  readonly outcomes: readonly SolveOutcome[];
}

export interface ExportResponse {
  readonly type: 'exported';
  readonly id: number;
  readonly text: string | null;
  readonly error?: string;
}

/** Each config validated (null: valid, it is being solved), sent before any solve starts. */
export interface CheckResponse {
  readonly type: 'checked';
  readonly id: number;
  readonly failures: readonly (SolveFailure | null)[];
}

/** One episode's policy y = f_n(θ) and slope f′_n(θ) on a range of θ, and where the run is. */
export interface PolicyCurve {
  readonly episode: number;
  /** The library's name of the goal parameter (`theta`). */
  readonly goal: string;
  readonly theta: Float64Array;
  readonly output: Float64Array;
  readonly slope: Float64Array;
  /** The goal before episode n and the policy's output and slope there. */
  readonly at: { readonly theta: number; readonly y: number; readonly slope: number };
}

/** One episode of a kept run: its policy, and every shown series' exact value (not thinned). */
export interface EpisodeView {
  readonly episode: number;
  /** Null where the run's trajectory does not hold its policy (policyCurve.ts). */
  readonly curve: PolicyCurve | null;
  /** [series key, value] in `RunView.series` order, then the learning rate as 'learningRate'. */
  readonly values: readonly (readonly [string, number])[];
}

export interface PolicyResponse {
  readonly type: 'policy';
  readonly id: number;
  readonly episode: EpisodeView | null;
  readonly error?: string;
}

export type WorkerMessage = CheckResponse | SolveStart | SolveResponse | ExportResponse | PolicyResponse;

/**
 * What the page starts before it evaluates anything else (main.ts imports this module first):
 * the solver worker, which then boots while the page builds its controls from the schema, and
 * the load of vega, which is parsed while the worker solves the first setting. Both lie on the
 * way to the first chart; started last, each would wait for the other.
 */
import { loadChartEngine } from './chartView.ts';
import { SolverClient } from './solverClient.ts';

/** performance.now() when the page's script began to run. */
export const scriptStart = performance.now();
export const client = new SolverClient();
/** performance.now() once vega is loaded. */
export const vegaLoaded = loadChartEngine().then(() => performance.now());

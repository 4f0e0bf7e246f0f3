/**
 * vega and vega-lite for Node rendering, from their single-file builds (the files unpkg serves,
 * shipped in each package's build/ folder). vega's ES module entry imports about 300 modules
 * (every d3 package, every transform) and vega-lite's entry imports vega's, which costs a Node
 * process about 250 ms to load; the two minified builds, the same versions' code, load in about
 * 90 ms. Both packages are "type": "module", so Node loads the builds as ES modules, where they
 * take their browser branch: vega's defines the global `vega`, vega-lite's reads that global as
 * its vega and defines `vegaLite`. Both globals are put back as they were once taken.
 */
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';

export interface VegaBuilds {
  readonly vega: typeof Vega;
  readonly vegaLite: typeof VegaLite;
}

let loading: Promise<VegaBuilds> | undefined;

/** vega and vega-lite, loaded once per process. */
export function loadVegaBuilds(): Promise<VegaBuilds> {
  loading ??= load();
  return loading;
}

/** The URL of `file` beside the entry of package `name`; a missing package fails as its import would ("Cannot find package"). */
const beside = (name: string, file: string): string => new URL(file, import.meta.resolve(name)).href;

async function load(): Promise<VegaBuilds> {
  const vegaFile = beside('vega', 'vega.min.js');
  const vegaLiteFile = beside('vega-lite', 'vega-lite.min.js');
  const scope = globalThis as { vega?: typeof Vega; vegaLite?: typeof VegaLite };
  const before = { vega: scope.vega, vegaLite: scope.vegaLite };
  await import(vegaFile);
  await import(vegaLiteFile);
  const { vega, vegaLite } = scope;
  // The globals as they were (a host page or program may have its own).
  for (const name of ['vega', 'vegaLite'] as const) {
    if (before[name] === undefined) delete scope[name];
    else (scope as Record<string, unknown>)[name] = before[name];
  }
  if (typeof vega?.View !== 'function' || typeof vegaLite?.compile !== 'function') throw new Error(`${vegaFile} and ${vegaLiteFile} did not define vega and vegaLite`);
  return { vega, vegaLite };
}

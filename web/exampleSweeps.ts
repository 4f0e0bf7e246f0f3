/**
 * A Vite plugin that gives the sweep tab built-in examples: the fast built-in sweeps
 * (src/scenarios/sweeps/), run by the library's sweep engine when the page is built (as
 * `mesalab sweep NAME` runs them, in this process), their results.jsonl and sweep.json served as
 * files under examples/NAME/. The page lists them through the module `virtual:example-sweeps`.
 * Nothing is stored in the repository: the results are computed, never written by hand.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadSweep, runSweep } from '../src/sweep/index.ts';

/** Built-in sweeps of a few thousand seed-model points: about a second each. */
export const EXAMPLE_SWEEPS = ['training-x-deployment', 'learning-rate-x-training'] as const;

interface ExampleFiles {
  readonly name: string;
  readonly description: string;
  readonly results: string;
  readonly meta: string;
}

const MODULE = 'virtual:example-sweeps';
const RESOLVED = `\0${MODULE}`;

/** Runs each example sweep into a temporary folder and reads its two files back. */
async function computeExamples(): Promise<ExampleFiles[]> {
  const files: ExampleFiles[] = [];
  for (const name of EXAMPLE_SWEEPS) {
    const out = mkdtempSync(join(tmpdir(), `mesalab-example-${name}-`));
    try {
      const sweep = loadSweep(name);
      await runSweep(sweep, { out, workers: 1 });
      files.push({ name, description: sweep.description, results: readFileSync(join(out, 'results.jsonl'), 'utf8'), meta: readFileSync(join(out, 'sweep.json'), 'utf8') });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return files;
}

export function exampleSweeps(): Plugin {
  let examples: Promise<ExampleFiles[]> | null = null;
  const load = () => (examples ??= computeExamples());
  return {
    name: 'mesalab-example-sweeps',
    resolveId: (id) => (id === MODULE ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      const list = (await load()).map(({ name, description }) => ({ name, description }));
      return `export default ${JSON.stringify(list)};`;
    },
    async generateBundle() {
      for (const example of await load()) {
        this.emitFile({ type: 'asset', fileName: `examples/${example.name}/results.jsonl`, source: example.results });
        this.emitFile({ type: 'asset', fileName: `examples/${example.name}/sweep.json`, source: example.meta });
      }
    },
    // The development server serves the same files.
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = /\/examples\/([\w.-]+)\/(results\.jsonl|sweep\.json)$/.exec(request.url ?? '');
        if (!match) return next();
        load().then((all) => {
          const example = all.find((e) => e.name === match[1]);
          if (!example) return next();
          response.setHeader('content-type', match[2] === 'sweep.json' ? 'application/json' : 'application/jsonl');
          response.end(match[2] === 'sweep.json' ? example.meta : example.results);
        }, next);
      });
    },
  };
}

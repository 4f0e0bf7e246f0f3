/**
 * The layout's promise (STYLE.md, issue "one engine"): each folder of src/ is a layer that imports
 * only from layers below it, and no module imports itself through a loop. The package entries
 * (src/index.ts, src/report/index.ts, src/sweep/index.ts) gather the layers and are exempt.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
/** Lowest first. */
const LAYERS = ['errors', 'numerics', 'model', 'solvers', 'rollout', 'metrics', 'experiment', 'scenarios', 'report', 'findings', 'sweep', 'cli'];
const ENTRIES = new Set(['index.ts', 'report/index.ts', 'sweep/index.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
  });
}

/** Relative imports (static, type-only, re-exports and dynamic) of a file, resolved. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g), ...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1]);
  return specifiers.map((s) => resolve(dirname(file), s));
}

const files = sources(SRC);
const graph = new Map(files.map((f) => [f, imports(f)]));
const layerOf = (file: string) => relative(SRC, file).split('/')[0];

describe('src/ layers', () => {
  it('every folder is a known layer', () => {
    const folders = new Set(files.map((f) => relative(SRC, f)).filter((r) => r.includes('/')).map((r) => r.split('/')[0]));
    expect([...folders].filter((f) => !LAYERS.includes(f))).toEqual([]);
  });

  it('no module imports from a higher layer', () => {
    const upward: string[] = [];
    for (const [file, deps] of graph) {
      if (ENTRIES.has(relative(SRC, file))) continue;
      for (const dep of deps) {
        if (LAYERS.indexOf(layerOf(dep)) > LAYERS.indexOf(layerOf(file))) upward.push(`${relative(SRC, file)} → ${relative(SRC, dep)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no import loops', () => {
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (!graph.has(dep)) continue;
        if (state.get(dep) === 'open') loops.push(stack.slice(stack.indexOf(dep)).map((f) => relative(SRC, f)).join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(loops).toEqual([]);
  });
});

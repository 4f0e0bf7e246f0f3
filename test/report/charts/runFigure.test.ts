import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../../src/model/config.ts';
import { runFigureSpec } from '../../../src/report/charts/runFigure.ts';
import { seed1, seed2 } from '../../../src/scenarios/seed.ts';

const titleOf = (config: typeof seed1) => (runFigureSpec(runExperiment(parseScenarioConfig(config))) as { title: { text: string; subtitle: string } }).title;

describe('runFigureSpec', () => {
  it('titles the figure with scenario, episodes, the window when it is shorter, and solver', () => {
    expect(titleOf(seed1).text).toBe('seed-1: 100 episodes (first 30 shown), solver grid');
    expect(titleOf(seed2).text).toBe('seed-2: 100 episodes, solver grid');
    expect(titleOf(seed1).subtitle).toBe(seed1.description);
  });
});

describe('browser-safe chart modules', () => {
  it.each(['seedFigure', 'runFigure', 'heatmap', 'linePlot', 'theme', 'specData'])(
    '%s.ts imports nothing from Node and only types from vega, so the explorer can bundle it',
    (name) => {
      const source = readFileSync(new URL(`../../../src/report/charts/${name}.ts`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/^import (.*) from '([^']+)';$/gm)];
      for (const [, what, from] of imports) {
        expect(from).not.toMatch(/^node:/);
        if (/^vega(-lite)?$/.test(from)) expect(what).toMatch(/^type /);
        if (!from.startsWith('.')) expect(from).toMatch(/^vega(-lite)?$/);
      }
    },
  );
});

import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { getBuiltInScenario, seed1 } from '../../src/index.ts';
import { trajectoryChartSpec, windowText, type ChartRun } from '../../web/src/chartSpec.ts';
import { runView } from '../../web/src/displayTable.ts';
import { solveConfig } from '../../web/src/solvedRun.ts';

const justSolve = <T>(_label: string, _describe: unknown, solve: () => T): T => solve();
const run = (config: unknown, setting = 'A'): ChartRun => {
  const view = runView(solveConfig(config, 'x', justSolve), 600);
  return { setting, label: `${setting} · ${view.name}`, view };
};

async function svgOf(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.runAsync().then((v) => v.toSVG());
  view.finalize();
  return svg;
}

describe('trajectoryChartSpec()', () => {
  it('draws seed-1 with one set of names, the training shaded, "deployment starts" and ℓ on its own strip', async () => {
    const svg = await svgOf(trajectoryChartSpec([run(seed1)], { width: 900, height: 300 }));
    for (const text of ['goal θ', 'coefficient a', 'output y', 'deployment starts', 'first 30 of 100 episodes shown', '>ℓ<']) expect(svg).toContain(text);
    expect(svg).not.toContain('mesa objective');
  });

  it('draws a comparison with B dotted and both settings in the legend', async () => {
    const svg = await svgOf(trajectoryChartSpec([run(seed1), run({ ...seed1, theta0: 0.5 }, 'B')], { width: 900, height: 300 }));
    expect(svg).toContain('B · seed-1');
    expect(svg).toContain('stroke-dasharray="2,3"');
  });

  it('draws an MLP policy as its output and slope, not its weights', async () => {
    const neural = getBuiltInScenario('neural').configs[0];
    // A small network keeps the test quick; the chart is the same for any width of network.
    const svg = await svgOf(trajectoryChartSpec([run({ ...neural, policy: { type: 'mlp', hidden: [2] } })], { width: 900, height: 300 }));
    expect(svg).toContain('slope ∂y/∂θ');
    expect(svg).not.toMatch(/>w\d+</);
  });
});

describe('windowText()', () => {
  it('says when the chart shows only the first episodes', () => {
    expect(windowText({ window: 30, episodes: 100 })).toBe('first 30 of 100 episodes shown');
    expect(windowText({ window: 100, episodes: 100 })).toBe('all 100 episodes shown');
  });
});

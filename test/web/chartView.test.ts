import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { runGame } from '../../src/experiment/gameExperiment.ts';
import { parseGameConfig } from '../../src/model/gameConfig.ts';
import { gameFigureSpec } from '../../src/report/charts/gameFigure.ts';
import { seedFigureSpec } from '../../src/report/charts/seedFigure.ts';
import { seed1 } from '../../src/scenarios/seed.ts';
import { liftInlineData } from '../../web/src/chartView.ts';
import { overlaySpecs } from '../../web/src/overlay.ts';

const trajectory = (training: number) => runExperiment(parseScenarioConfig({ ...seed1, schedule: { training, deployment: 10 } })).trajectory;

describe('liftInlineData()', () => {
  it('names every inline dataset and gives specs that differ only in data the same key', () => {
    const a = liftInlineData(seedFigureSpec(trajectory(5), { title: 't' }));
    const b = liftInlineData(seedFigureSpec(trajectory(8), { title: 't' }));
    expect([...a.datasets.keys()]).toEqual(['inline_0']);
    expect(a.key).toBe(b.key);
    expect(a.datasets.get('inline_0')).toHaveLength(4 * 15);
    expect(JSON.stringify(a.spec)).not.toContain('"values"');
    expect(liftInlineData(seedFigureSpec(trajectory(5), { title: 'other' })).key).not.toBe(a.key);
  });

  it('lifts data nested in layers, in order', () => {
    const spec = { layer: [{ data: { values: [{ x: 1 }] }, mark: 'point' }, { data: { values: [{ x: 2 }] }, mark: 'point' }] } as unknown as TopLevelSpec;
    const lifted = liftInlineData(spec);
    expect([...lifted.datasets.values()]).toEqual([[{ x: 1 }], [{ x: 2 }]]);
  });
});

describe('overlaySpecs()', () => {
  it('draws both settings (B dotted) in one chart that vega can render', async () => {
    const spec = overlaySpecs(seedFigureSpec(trajectory(5), { title: 'A' }), seedFigureSpec(trajectory(8), { title: 'B' }), ['A · one', 'B · two'], 'A vs B');
    const lifted = liftInlineData(spec);
    expect(lifted.datasets.size).toBe(2);
    const view = new View(parse(compile(lifted.spec).spec), { renderer: 'none' });
    for (const [name, rows] of lifted.datasets) view.data(name, rows as object[]);
    const svg = await view.runAsync().then((v) => v.toSVG());
    view.finalize();
    expect(svg).toContain('B · two');
    expect(svg).toContain('stroke-dasharray="2,3"');
  });

  it('drops point markers from both layers, so the legend shows solid and dotted lines', () => {
    const game = (training: number) => gameFigureSpec(runGame(parseGameConfig({ ...seed1, solver: 'lq', schedule: { training, deployment: 10 } })));
    expect(JSON.stringify(game(5))).toContain('"point":true');
    const spec = overlaySpecs(game(5), game(8), ['A', 'B'], 'A vs B') as unknown as { layer: { mark: { point: boolean } }[] };
    expect(spec.layer.map((l) => l.mark.point)).toEqual([false, false]);
  });
});

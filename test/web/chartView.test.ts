import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { seed1 } from '../../src/index.ts';
import { trajectoryChartSpec } from '../../web/src/chartSpec.ts';
import { liftInlineData } from '../../web/src/chartView.ts';
import { runView } from '../../web/src/displayTable.ts';
import { solveConfig } from '../../web/src/solvedRun.ts';

const justSolve = <T>(_label: string, _describe: unknown, solve: () => T): T => solve();
const view = (training: number) => runView(solveConfig({ ...seed1, schedule: { training, deployment: 10 } }, 'x', justSolve), 600);
const chart = (training: number, title = 't') => trajectoryChartSpec([{ setting: 'A', label: title, view: { ...view(training), name: title } }], { width: 800, height: 300 });

describe('liftInlineData()', () => {
  it('names every inline dataset and variable, and gives specs that differ only in them the same key', () => {
    const a = liftInlineData(chart(5));
    const b = liftInlineData(chart(8));
    expect(a.datasets.size).toBeGreaterThan(2);
    expect(a.key).toBe(b.key);
    expect(JSON.stringify(a.spec)).not.toContain('"values"');
    // A new title is a new value of a variable, not a new dataflow.
    const renamed = liftInlineData(chart(5, 'other'));
    expect(renamed.key).toBe(a.key);
    expect(renamed.signals.get('titleText')).toBe('other');
    expect(a.signals.get('titleText')).toBe('t');
  });

  it('lifts data nested in layers, in order', () => {
    const spec = { layer: [{ data: { values: [{ x: 1 }] }, mark: 'point' }, { data: { values: [{ x: 2 }] }, mark: 'point' }] } as unknown as TopLevelSpec;
    const lifted = liftInlineData(spec);
    expect([...lifted.datasets.values()]).toEqual([[{ x: 1 }], [{ x: 2 }]]);
  });
});

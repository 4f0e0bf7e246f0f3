/**
 * The policy chart (Vega-Lite): the chosen episode's policy as a function of the goal, its output
 * y = f_n(θ) beside its slope f′_n(θ) (stacked on a phone), with a dot where the run is at that
 * episode. Hovering shows θ, y and the slope of the nearest point (121 points: the nearest-point
 * search that is too slow for the trajectory is cheap here).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT, ROLE_COLOURS } from './chartSpec.ts';
import type { PolicyCurve } from './protocol.ts';
import { symbolOf } from './seriesNames.ts';

export interface PolicyLayout {
  /** Width of the whole chart in pixels. */
  readonly width: number;
  /** Below this width the two panels are stacked. */
  readonly sideBySideFrom?: number;
  /**
   * The run is a mean over Monte Carlo runs (REINFORCE): the curve is the policy of the mean
   * action, whose output is not the mean output, and the subtitle says so.
   */
  readonly averaged?: boolean;
}

const PANEL_HEIGHT = 150;

export function policyChartSpec(curve: PolicyCurve, run: string, layout: PolicyLayout): TopLevelSpec {
  const g = symbolOf(curve.goal);
  const sideBySide = layout.width >= (layout.sideBySideFrom ?? 640);
  const width = Math.max(120, Math.floor(sideBySide ? (layout.width - 2 * 64 - 40) / 2 : layout.width - 64 - 16));
  const rows = Array.from(curve.theta, (theta, i) => ({ theta, output: curve.output[i], slope: curve.slope[i] }));
  const tooltip = [
    { field: 'theta', type: 'quantitative', title: g, format: '.4~g' },
    { field: 'output', type: 'quantitative', title: `y = f(${g})`, format: '.4~g' },
    { field: 'slope', type: 'quantitative', title: `slope f′(${g})`, format: '.4~g' },
  ];
  const x = { field: 'theta', type: 'quantitative', title: g, scale: { nice: false, zero: false } };
  const panel = (field: 'output' | 'slope', title: string, colour: string, hover: string) => {
    const y = { field, type: 'quantitative', title, scale: { zero: false, padding: 6 } };
    return {
      width,
      height: PANEL_HEIGHT,
      layer: [
        { data: { values: rows }, mark: { type: 'line', strokeWidth: 2.25, color: colour, clip: true }, encoding: { x, y } },
        {
          data: { values: rows },
          mark: { type: 'point', opacity: 0 },
          params: [{ name: hover, select: { type: 'point', on: 'pointermove', nearest: true, clear: 'pointerout' } }],
          encoding: { x, y, tooltip },
        },
        { data: { values: rows }, transform: [{ filter: { param: hover, empty: false } }], mark: { type: 'rule', color: '#9aa0a8' }, encoding: { x } },
        { data: { values: [{ theta: curve.at.theta, output: curve.at.y, slope: curve.at.slope }] }, mark: { type: 'point', filled: true, size: 70, color: '#1f2328', opacity: 1 }, encoding: { x, y, tooltip } },
      ],
    };
  };
  const panels = [panel('output', `output y = f(${g})`, ROLE_COLOURS.output[0], 'nearOutput'), panel('slope', `slope f′(${g})`, ROLE_COLOURS.slope[0], 'nearSlope')];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // Variables, so a new episode needs no new dataflow (chartView.ts).
    title: { text: { expr: 'titleText' }, subtitle: { expr: 'subtitleText' } },
    params: [
      { name: 'titleText', value: `${run}: the policy at episode ${curve.episode}` },
      {
        name: 'subtitleText',
        value: `${layout.averaged ? 'the policy of the mean action over the seeded runs (its output is not their mean output): ' : ''}its output and slope against ${g}, other parameters at their episode-${curve.episode} values; the dot: ${g} = ${format(curve.at.theta)}, y = ${format(curve.at.y)}, slope ${format(curve.at.slope)}`,
      },
    ],
    ...(sideBySide ? { hconcat: panels, spacing: 40 } : { vconcat: panels, spacing: 12 }),
    config: {
      font: CHART_FONT,
      view: { stroke: '#d8dce1' },
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eceef1', domainColor: '#9aa0a8', tickColor: '#9aa0a8' },
      title: { fontSize: 14, subtitleFontSize: 12, subtitleColor: '#555b63', anchor: 'start' },
    },
  } as unknown as TopLevelSpec;
}

/** Four significant digits, as the tooltips show them. */
function format(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}

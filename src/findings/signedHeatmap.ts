/**
 * A heatmap of a signed quantity, its diverging colours centred on 0 (white: 0; red: negative;
 * blue: positive) on a symmetric-log scale (linear within ±`linear`), so the sign of a small value
 * shows beside a large one. heatmapSpec takes no scale type or midpoint, so they are set on its
 * colour scale here.
 */
import type { TopLevelSpec } from 'vega-lite';
import { heatmapSpec, type HeatmapOptions } from '../report/charts/heatmap.ts';

export function signedHeatmapSpec(options: Omit<HeatmapOptions, 'scheme'>, linear = 1e-3): TopLevelSpec {
  const spec = heatmapSpec({ ...options, scheme: 'redblue' });
  const { encoding } = spec as { encoding: { color: { scale?: object } } };
  return { ...spec, encoding: { ...encoding, color: { ...encoding.color, scale: { ...encoding.color.scale, type: 'symlog', constant: linear, domainMid: 0 } } } } as TopLevelSpec;
}

import type { FigureSpec } from './figureSpec.ts';
import type { Provenance } from '../provenance.ts';

/**
 * A figure's Vega-Lite spec as saved beside its SVG and PNG (`*.vl.json`), so the figure can be
 * reopened and restyled in the Vega editor or Observable. The provenance goes in Vega-Lite's
 * `usermeta`, which renderers ignore, under `mesalab`.
 */
export function specFile(spec: FigureSpec, provenance: Provenance): string {
  const usermeta = { ...(spec.usermeta as object | undefined), mesalab: provenance };
  return JSON.stringify({ ...spec, usermeta }, null, 2) + '\n';
}

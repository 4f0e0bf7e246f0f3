/**
 * Comparison mode's chart: two single-view charts of the same kind (the library's seed figure for
 * settings A and B) layered into one. A is drawn exactly as the library draws it; B in the same
 * colours but dotted, with a legend of its own naming the two settings. B's strokeDash scale is
 * independent, so the library's own use of dashes (to tell series apart) is left alone in A.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Properties only a top-level spec may carry; the layers must not repeat them. */
const TOP_LEVEL_ONLY = ['$schema', 'title', 'config', 'width', 'height', 'autosize', 'padding', 'background', 'usermeta', 'datasets', 'params'];

const SOLID = [1, 0];
const DOTTED = [2, 3];

interface UnitSpec {
  data: { values: object[] };
  encoding: Record<string, unknown>;
  [key: string]: unknown;
}

/** One chart of `first` and `second` (dotted); `labels` name them in the legend. */
export function overlaySpecs(first: TopLevelSpec, second: TopLevelSpec, labels: readonly [string, string], title: string): TopLevelSpec {
  const a = asUnit(first);
  const b = asUnit(second);
  const top = Object.fromEntries(TOP_LEVEL_ONLY.filter((key) => key in a).map((key) => [key, a[key]]));
  const layerB: UnitSpec = {
    ...layer(b),
    data: { values: b.data.values.map((row) => ({ ...row, setting: labels[1] })) },
    encoding: {
      ...b.encoding,
      strokeDash: {
        field: 'setting',
        type: 'nominal',
        title: null,
        scale: { domain: [...labels], range: [SOLID, DOTTED] },
        legend: { symbolStrokeColor: '#555555', symbolStrokeWidth: 2, values: [...labels] },
      },
    },
  };
  return {
    ...top,
    title,
    layer: [withoutDashLegend(layer(a)), layerB],
    resolve: { scale: { strokeDash: 'independent' }, legend: { strokeDash: 'independent' } },
  } as unknown as TopLevelSpec;
}

/** A's dashes already show in the colour legend (the library merges the two); keep one legend. */
function withoutDashLegend(unit: UnitSpec): UnitSpec {
  const dash = unit.encoding.strokeDash;
  if (typeof dash !== 'object' || dash === null) return unit;
  return { ...unit, encoding: { ...unit.encoding, strokeDash: { ...dash, legend: null } } };
}

/**
 * The unit without its top-level properties, and without point markers on its lines: two sets of
 * markers hide the dotted line, and the legend would show dots instead of solid and dotted lines.
 */
function layer(unit: UnitSpec): UnitSpec {
  const inner = Object.fromEntries(Object.entries(unit).filter(([key]) => !TOP_LEVEL_ONLY.includes(key))) as UnitSpec;
  const mark = inner.mark;
  return typeof mark === 'object' && mark !== null && 'point' in mark ? { ...inner, mark: { ...mark, point: false } } : inner;
}

function asUnit(spec: TopLevelSpec): UnitSpec {
  const unit = spec as unknown as Partial<UnitSpec>;
  if (!unit.data || !Array.isArray(unit.data.values) || typeof unit.encoding !== 'object') {
    throw new Error('overlaySpecs: expected a single-view spec with inline data and an encoding');
  }
  return unit as UnitSpec;
}

/**
 * A figure's Vega-Lite spec, as plain JSON. mesalab builds its specs typed as vega-lite's
 * TopLevelSpec; the declarations of the main entry name them by this type, which needs no
 * vega-lite (an optional peer dependency), so a TypeScript consumer without vega-lite compiles
 * with skipLibCheck off. To use a spec with vega-lite's own API, cast it to vega-lite's
 * TopLevelSpec (every TopLevelSpec is a FigureSpec).
 */
export interface FigureSpec {
  /** The Vega-Lite schema URL (its version). */
  readonly $schema?: string;
  readonly title?: unknown;
  readonly data?: unknown;
  readonly usermeta?: unknown;
}

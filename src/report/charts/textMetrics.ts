/**
 * Text widths for vega's layout in Node. Without a canvas, vega estimates every character as
 * 0.8 em wide, which for DejaVu Sans (about 0.55 em on average) truncates legend labels and pads
 * the layout with empty space. resvg draws all text in DejaVu, so measuring with its advance
 * widths makes vega's layout match the PNG.
 */
import { readFileSync } from 'node:fs';
import type * as Vega from 'vega';
import { readFontAdvances, type FontAdvances } from './ttfAdvances.ts';

/** The text fields of a vega scenegraph item that choose the face and size. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  fontStyle?: string;
}

type WidthFunction = (item: TextItem, text?: unknown) => number;

let installed = false;

/**
 * Makes `vega` measure text with the DejaVu Sans faces in `fontFiles` (regular, bold, oblique,
 * bold oblique). Process-wide, since vega's hook is; every later view in Node measures this way.
 */
export function measureTextWithDejavu(vega: typeof Vega, fontFiles: readonly string[]): void {
  if (installed) return;
  // vega-scenegraph's text measurement hook; the vega typings leave it out.
  const { textMetrics } = vega as unknown as { textMetrics: { width: WidthFunction } };
  const faces = fontFiles.map((file) => readFontAdvances(readFileSync(file)));
  const [regular, bold = regular, oblique = regular, boldOblique = bold] = faces;
  textMetrics.width = (item, text) => {
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const face = pickFace(item, { regular, bold, oblique, boldOblique });
    // Measures the whole string: vega's own truncation calls back here with the pieces it tries.
    return face.measure(String(text ?? '').trim(), size);
  };
  installed = true;
}

function pickFace(item: TextItem, faces: Record<'regular' | 'bold' | 'oblique' | 'boldOblique', FontAdvances>): FontAdvances {
  const weight = item.fontWeight;
  const isBold = weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const isOblique = item.fontStyle === 'italic' || item.fontStyle === 'oblique';
  if (isBold) return isOblique ? faces.boldOblique : faces.bold;
  return isOblique ? faces.oblique : faces.regular;
}

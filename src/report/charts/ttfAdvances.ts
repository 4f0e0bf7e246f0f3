/**
 * Advance widths of a TrueType font, read from its tables: `cmap` (format 4, the Unicode BMP
 * subtable) maps a code point to a glyph, `hmtx` gives the glyph's advance in font units, `head`
 * the units per em. Enough to measure a label's width; kerning is ignored (under 1% for labels).
 */
export interface FontAdvances {
  /** Width of `text` at `fontSize` pixels. */
  measure(text: string, fontSize: number): number;
}

export function readFontAdvances(bytes: Uint8Array): FontAdvances {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(view);
  const unitsPerEm = view.getUint16(tables.get('head')! + 18);
  const metricCount = view.getUint16(tables.get('hhea')! + 34);
  const hmtx = tables.get('hmtx')!;
  const glyphOf = bmpGlyphLookup(view, tables.get('cmap')!);
  // Glyphs past numberOfHMetrics share the last advance (the TrueType convention for monospaced tails).
  const advanceOf = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const cache = new Map<number, number>();
  const advance = (codePoint: number) => {
    let units = cache.get(codePoint);
    if (units === undefined) cache.set(codePoint, (units = advanceOf(glyphOf(codePoint))));
    return units;
  };
  return {
    measure(text, fontSize) {
      let units = 0;
      for (const char of text) units += advance(char.codePointAt(0)!);
      return (units / unitsPerEm) * fontSize;
    },
  };
}

function tableOffsets(view: DataView): Map<string, number> {
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((k) => view.getUint8(record + k)));
    tables.set(tag, view.getUint32(record + 8));
  }
  for (const tag of ['head', 'hhea', 'hmtx', 'cmap']) {
    if (!tables.has(tag)) throw new Error(`readFontAdvances: font has no ${tag} table`);
  }
  return tables;
}

/** Code point → glyph index through the Windows Unicode BMP (3, 1) format 4 subtable; 0 if absent. */
function bmpGlyphLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  let subtable = -1;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    if (view.getUint16(record) === 3 && view.getUint16(record + 2) === 1) subtable = cmap + view.getUint32(record + 4);
  }
  if (subtable < 0 || view.getUint16(subtable) !== 4) throw new Error('readFontAdvances: font has no format 4 Unicode cmap');
  const segments = view.getUint16(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    for (let s = 0; s < segments; s++) {
      if (codePoint > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = view.getUint16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      // idRangeOffset is relative to its own position in the idRangeOffset array.
      const glyph = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

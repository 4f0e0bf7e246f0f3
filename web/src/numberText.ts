/**
 * Numbers as people type them into a box: `10000`, `10 000`, `10_000`, `10,000`, `1e7`, `1E-3`,
 * `.5`, `−0.8` (a typographic minus). What cannot be meant as one number is refused with a reason
 * that says how to write it (`0,5` → "write 0.5"), never read as something else.
 */

/** Why a text is not a number, in words for the person who typed it; or its value. */
export type NumberReading = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Digits grouped by threes with commas or spaces (also thin and no-break ones): 10,000 or 1 000 000.5. */
const GROUPED = /^[+-]?\d{1,3}([,\s\u202f\u00a0]\d{3})+(\.\d*)?([eE][+-]?\d+)?$/;

export function readNumber(text: string): NumberReading {
  const trimmed = text.trim().replace(/[\u2212\u2013]/g, '-');
  if (trimmed === '') return { ok: false, reason: 'is empty; type a number' };
  if (/^[+-]?(inf(inity)?|∞)$/i.test(trimmed)) return { ok: false, reason: 'must be a finite number' };
  if (/^nan$/i.test(trimmed)) return { ok: false, reason: 'must be a number (NaN is not one)' };
  // Underscores between digits group them as in code (10_000); commas and spaces only by threes.
  const ungrouped = trimmed.replace(/(?<=\d)_(?=\d)/g, '');
  const plain = GROUPED.test(ungrouped) ? ungrouped.replace(/[,\s\u202f\u00a0]/g, '') : ungrouped;
  if (DECIMAL.test(plain)) {
    const value = Number(plain);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `is too large to compute with (${trimmed})` };
  }
  return { ok: false, reason: notANumber(trimmed) };
}

/** The reason a text is not a number, with the way to write what it probably means. */
function notANumber(text: string): string {
  const decimalComma = /^[+-]?\d+,\d+$/.exec(text);
  if (decimalComma) return `is not a number; for a decimal write ${text.replace(',', '.')}`;
  if (/^[+-]?[\d.]+\s*\/\s*[\d.]+$/.test(text)) return 'is not a number; write a decimal such as 0.25, not a fraction';
  if (/^[+-]?[\d.]+\s*%$/.test(text)) return `is not a number; write ${Number(text.replace('%', '')) / 100} for ${text}`;
  const power = /^([+-]?[\d.]+)\s*[x×*]\s*10\s*\^\s*([+-]?\d+)$/.exec(text) ?? /^()10\s*\^\s*([+-]?\d+)$/.exec(text);
  if (power) return `is not a number; write ${power[1] || '1'}e${power[2]} for ${text}`;
  return `is not a number: "${text}"`;
}

/** A whole number: the count of something. Accepts `1e7`; refuses 2.5 saying why. */
export function readWholeNumber(text: string): NumberReading {
  const reading = readNumber(text);
  if (!reading.ok) return reading;
  if (!Number.isInteger(reading.value)) return { ok: false, reason: `must be a whole number, not ${reading.value}` };
  return reading;
}

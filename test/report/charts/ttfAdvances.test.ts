import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dejavuFontFiles } from '../../../src/report/charts/render.ts';
import { readFontAdvances } from '../../../src/report/charts/ttfAdvances.ts';

const [regular, bold] = dejavuFontFiles().map((file) => readFontAdvances(readFileSync(file)));

describe('readFontAdvances', () => {
  it('reads DejaVu Sans advances: space 651/2048 em, W 2025/2048 em, tabular digits 1303/2048 em', () => {
    expect(regular.measure(' ', 2048)).toBeCloseTo(651, 9);
    expect(regular.measure('W', 2048)).toBeCloseTo(2025, 9);
    for (const digit of '0123456789') expect(regular.measure(digit, 2048)).toBeCloseTo(1303, 9);
  });

  it('sums advances along the string and scales linearly with the font size', () => {
    expect(regular.measure('Episode', 12)).toBeCloseTo(regular.measure('Epi', 12) + regular.measure('sode', 12), 9);
    expect(regular.measure('θ·a', 24)).toBeCloseTo(2 * regular.measure('θ·a', 12), 9);
    expect(regular.measure('', 12)).toBe(0);
  });

  it('finds Greek and punctuation outside ASCII, and bold is wider than regular', () => {
    expect(regular.measure('θ', 12)).toBeGreaterThan(5);
    expect(regular.measure('θ', 12)).not.toBeCloseTo(regular.measure('\uE000', 12), 3);
    expect(bold.measure('seed-1: 100 episodes', 12)).toBeGreaterThan(regular.measure('seed-1: 100 episodes', 12));
  });

  it('rejects bytes that are not a TrueType font with the missing table named', () => {
    const fake = new Uint8Array(12);
    expect(() => readFontAdvances(fake)).toThrow(/no head table/);
  });
});

import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS, FINDING_QUESTIONS, FINDINGS } from '../../src/index.ts';
import { SECTIONS, sectionOf } from '../../web/src/sections.ts';

describe('SECTIONS (the picker\'s groups)', () => {
  it('are the findings page\'s sections, in its order, with its titles and questions', () => {
    const findings = SECTIONS.filter((s) => s.finding !== null);
    expect(findings.map((s) => s.finding)).toEqual(FINDINGS.map((f) => f.name));
    for (const section of findings) {
      const finding = FINDINGS.find((f) => f.name === section.finding);
      expect(section.title).toBe(finding?.title);
      expect(section.question).toBe(FINDING_QUESTIONS[section.finding as keyof typeof FINDING_QUESTIONS]);
    }
  });

  it('hold every built-in scenario: each section field names one of them', () => {
    for (const builtIn of BUILT_IN_SCENARIOS) {
      if (builtIn.section !== undefined) expect(sectionOf(builtIn).id, builtIn.name).toBe(builtIn.section);
    }
  });
});

import type { Finding, FindingReport, FindingTable } from './finding.ts';
import { formatNumber } from '../report/summaryTable.ts';

/** One finding's section of the page (Markdown), figures referenced by their paths. */
export function findingSection(finding: Finding, report: FindingReport, figureFiles: readonly string[]): string {
  const lines = [`## ${finding.title}`, '', `**Question.** ${finding.question}`, '', '**Model.**', '', finding.model.trim(), ''];
  lines.push(`**Answer.** ${report.answer}`, '');
  report.figures.forEach((figure, i) => lines.push(`![${figure.caption}](${figureFiles[i]})`, '', `*${figure.caption}*`, ''));
  lines.push(markdownTable(report.table), '');
  if (report.reproduce.length > 0) {
    lines.push('**Reproduce.** Every number above is a run of a built-in scenario with some fields set by path; for example:', '');
    for (const r of report.reproduce) lines.push(`- ${r.what}: \`npx ${r.command}\``);
    lines.push('');
  }
  lines.push(`Regenerate: \`npx mesalab run findings --only ${finding.name}\``, '');
  return lines.join('\n');
}

/** The whole page: a contents list, then each finding's section (or how to compute a missing one). */
export function findingsPage(findings: readonly Finding[], sections: ReadonlyMap<string, string>): string {
  const lines = [
    '# Findings',
    '',
    'Each section poses a question, states the model, and answers with numbers measured by mesalab.',
    'This page is generated: `npx mesalab run findings` recomputes every table and figure and',
    'rewrites it; `npx mesalab run findings --only NAME` recomputes one section. Do not edit it by hand.',
    'Which published numbers and claims changed between versions, from what to what and why, is listed',
    'under “Published numbers” in [CHANGELOG.md](../CHANGELOG.md).',
    '',
    ...findings.map((f) => `- [${f.title}](#${anchor(f.title)})`),
    '',
  ];
  for (const finding of findings) {
    lines.push(sections.get(finding.name) ?? `## ${finding.title}\n\nNot computed yet: \`npx mesalab run findings --only ${finding.name}\`\n`);
  }
  return lines.join('\n');
}

function markdownTable(table: FindingTable): string {
  const cell = (v: string | number | null) => (typeof v === 'number' ? formatNumber(v) : v === null ? '—' : v);
  return [
    `| ${table.columns.join(' | ')} |`,
    `| ${table.columns.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');
}

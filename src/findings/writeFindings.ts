import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../report/atomicWrite.ts';
import { renderSvg, svgToPng } from '../report/charts/render.ts';
import { specFile } from '../report/charts/specFile.ts';
import { provenance } from '../report/provenance.ts';
import type { Finding, FindingReport } from './finding.ts';
import { findingSection, findingsPage } from './page.ts';
import { findingTableCsv } from './tableCsv.ts';
import { FINDINGS } from './registry.ts';

/**
 * Computes the given findings; writes each one's figures as `<dir>/findings/<name>-<id>.{svg,png}`
 * with the Vega-Lite spec beside them (`.vl.json`), its data (question, answer, table, figures and
 * provenance) as `<dir>/findings/<name>.json`, its table as `<dir>/findings/<name>.csv`, and its section as `<dir>/findings/<name>.md`; then
 * reassembles `<dir>/findings.md` from the section files of every finding, so recomputing one
 * section keeps the others.
 */
export async function writeFindings(dir: string, findings: readonly Finding[], log: (line: string) => void = () => {}): Promise<Map<string, FindingReport>> {
  await mkdir(join(dir, 'findings'), { recursive: true });
  const reports = new Map<string, FindingReport>();
  for (const finding of findings) {
    const started = performance.now();
    const report = await finding.compute();
    const made = provenance({ runs: 1 });
    const figureFiles: string[] = [];
    for (const figure of report.figures) {
      const base = `findings/${finding.name}-${figure.id}`;
      const svg = await renderSvg(figure.spec);
      await writeFileAtomically(join(dir, `${base}.svg`), svg);
      await writeFileAtomically(join(dir, `${base}.png`), svgToPng(svg));
      await writeFileAtomically(join(dir, `${base}.vl.json`), specFile(figure.spec, made));
      figureFiles.push(`${base}.png`);
    }
    const { name, title, question } = finding;
    const figures = report.figures.map(({ id, caption }) => ({ id, caption, files: ['svg', 'png', 'vl.json'].map((ext) => `${finding.name}-${id}.${ext}`) }));
    const data = { name, title, question, answer: report.answer, table: report.table, tableCsv: `${finding.name}.csv`, reproduce: report.reproduce, figures, provenance: made };
    await writeFileAtomically(join(dir, 'findings', `${finding.name}.json`), JSON.stringify(data, null, 2) + '\n');
    await writeFileAtomically(join(dir, 'findings', `${finding.name}.csv`), findingTableCsv(report.table));
    await writeFileAtomically(join(dir, 'findings', `${finding.name}.md`), findingSection(finding, report, figureFiles));
    log(`${finding.name}: ${report.figures.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    reports.set(finding.name, report);
  }
  const sections = new Map<string, string>();
  for (const finding of FINDINGS) {
    const file = join(dir, 'findings', `${finding.name}.md`);
    if (existsSync(file)) sections.set(finding.name, readFileSync(file, 'utf8'));
  }
  await writeFileAtomically(join(dir, 'findings.md'), findingsPage(FINDINGS, sections));
  return reports;
}

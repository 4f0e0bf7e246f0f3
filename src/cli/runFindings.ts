import { FINDINGS, getFinding } from '../findings/registry.ts';
import { writeFindings } from '../findings/writeFindings.ts';

/** `mesalab run findings [--only NAME] [--out DIR]` and `mesalab run NAME` for one finding. */
export async function runFindings(only: string | undefined, out = 'docs', json = false): Promise<void> {
  const findings = only === undefined ? FINDINGS : [getFinding(only)];
  const reports = await writeFindings(out, findings, (line) => process.stderr.write(`${line}\n`));
  for (const finding of findings) {
    const report = reports.get(finding.name);
    if (json) {
      const { name, title, question } = finding;
      process.stdout.write(JSON.stringify({ name, title, question, answer: report?.answer, table: report?.table }) + '\n');
    } else {
      process.stdout.write(`${finding.title}\n  ${finding.question}\n  ${report?.answer}\n\n`);
    }
  }
  process.stderr.write(`wrote ${out}/findings.md and its figures in ${out}/findings/\n`);
}

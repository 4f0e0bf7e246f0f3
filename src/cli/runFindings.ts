import { FINDINGS, getFinding } from '../findings/registry.ts';
import { writeFindings } from '../findings/writeFindings.ts';

/** `mesalab run findings [--only NAME] [--out DIR]` and `mesalab run NAME` for one finding. */
export async function runFindings(only: string | undefined, out = 'docs'): Promise<void> {
  const findings = only === undefined ? FINDINGS : [getFinding(only)];
  const reports = await writeFindings(out, findings, (line) => process.stderr.write(`${line}\n`));
  for (const finding of findings) {
    process.stdout.write(`${finding.title}\n  ${finding.question}\n  ${reports.get(finding.name)?.answer}\n\n`);
  }
  process.stderr.write(`wrote ${out}/findings.md and its figures in ${out}/findings/\n`);
}

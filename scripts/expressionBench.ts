/**
 * Expression engine timings, each against an anchor in the same run (this VM is shared and
 * drifts): parse + differentiate of y^2 + y + … + y (the sum that hung mathjs, issue 16), mathjs
 * on the same sums where it finishes, and the import cost of src/model/expression.ts against
 * mathjs's and a bare Node process's, in alternating fresh processes.
 *
 *   npx tsx scripts/expressionBench.ts
 */
import { execFileSync } from 'node:child_process';
import { derivative, parse } from 'mathjs';
import { differentiate, parseExpression } from '../src/model/expression.ts';

const sum = (terms: number) => `y^2${'+y'.repeat(terms - 1)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(f: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(runs, 5); i++) f();
  return median(Array.from({ length: runs }, () => {
    const start = performance.now();
    f();
    return performance.now() - start;
  }));
}

console.log('parse + differentiate y^2+y+…+y (median ms)');
for (const terms of [12, 16, 25, 1000]) {
  const ours = time(() => differentiate(parseExpression(sum(terms), ['y'], 'x'), 'y'), 21);
  // mathjs's simplifying derivative grows exponentially in the number of terms: 25 ran > 300 s.
  const theirs = terms <= 16 ? time(() => derivative(parse(sum(terms)), 'y'), 3) : NaN;
  const mathjs = Number.isNaN(theirs) ? 'not run' : `${theirs.toFixed(1)} ms (${(theirs / ours).toFixed(0)}× ours)`;
  console.log(`  ${String(terms).padStart(4)} terms: ours ${ours.toFixed(3)} ms, mathjs ${mathjs}`);
}

const importTime = (specifier: string) =>
  Number(
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const t = performance.now(); await import('${specifier}'); console.log(performance.now() - t)`], {
      encoding: 'utf8',
    }).trim(),
  );
const bare = () => {
  const start = performance.now();
  execFileSync(process.execPath, ['-e', '']);
  return performance.now() - start;
};
const samples = { expression: [] as number[], mathjs: [] as number[], bare: [] as number[] };
for (let i = 0; i < 7; i++) {
  samples.expression.push(importTime(new URL('../src/model/expression.ts', import.meta.url).href));
  samples.mathjs.push(importTime('mathjs'));
  samples.bare.push(bare());
}
const [ours, theirs, node] = [median(samples.expression), median(samples.mathjs), median(samples.bare)];
console.log('import cost, fresh processes (median of 7 ms)');
console.log(`  src/model/expression.ts ${ours.toFixed(0)} ms, mathjs ${theirs.toFixed(0)} ms (${(theirs / ours).toFixed(1)}× ours); a whole bare node -e '' process ${node.toFixed(0)} ms`);

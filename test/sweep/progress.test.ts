import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/sweep/progress.ts';

function sink() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('createProgress(options)', () => {
  it('writes plain periodic lines with points done, rate and ETA when not on a terminal', async () => {
    const out = sink();
    const progress = createProgress({ label: 'sweep demo', total: 100, initial: 10, stream: out.stream, interval: 20 });
    progress.update(40);
    await new Promise((resolve) => setTimeout(resolve, 70));
    progress.update(100);
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines[0]).toMatch(/^sweep demo: 40\/100 points \(40\.0%\), [\d.]+ points\/s, ETA [\d.]+ s$/);
    expect(lines[lines.length - 1]).toMatch(/^sweep demo: 90 points in [\d.]+ s \([\d.]+ points\/s\); 100\/100 done$/);
  });

  it('draws a bar with rate and ETA on a terminal', () => {
    const out = sink();
    const progress = createProgress({ label: 'sweep demo', total: 100, initial: 0, stream: out.stream, bar: true });
    progress.update(50);
    progress.stop();
    expect(out.text()).toMatch(/sweep demo \[[=-]+\] \d+\/100 points \| [\d.]+ points\/s \| ETA /);
    expect(out.text()).toMatch(/sweep demo: 50 points in/);
  });
});

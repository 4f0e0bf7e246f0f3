import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentResult } from '../../src/experiment/experiment.ts';
import { parseScenarioConfig } from '../../src/model/config.ts';
import { runFigureSpec } from '../../src/report/charts/runFigure.ts';
import { resultToJson } from '../../src/report/resultJson.ts';
import { writeRunOutputs } from '../../src/report/writeRunOutputs.ts';
import { mesalabVersion } from '../../src/version.ts';
import { seed1 } from '../../src/scenarios/seed.ts';
import { decodePng, PNG_SIGNATURE } from './png.ts';

let scratch: string;
let result: ExperimentResult;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mesalab-outputs-'));
  result = runExperiment(parseScenarioConfig(seed1));
});

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('writeRunOutputs', () => {
  it('creates the folder and writes exactly trajectory.csv, result.json, figure.svg, figure.png and figure.vl.json', async () => {
    const dir = join(scratch, 'nested', 'seed-1');
    const { files } = await writeRunOutputs(dir, result);
    const names = ['trajectory.csv', 'result.json', 'figure.svg', 'figure.png', 'figure.vl.json'];
    expect(files).toEqual(names.map((name) => join(dir, name)));
    // Atomic writes rename their temporary files into place: nothing else is left behind.
    expect((await readdir(dir)).sort()).toEqual([...names].sort());
  });

  it('writes a result.json with N coefficients and N + 1 values of θ, and a CSV row per episode', async () => {
    const dir = join(scratch, 'contents');
    await writeRunOutputs(dir, result);
    const json = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
    expect(json.scenario).toBe('seed-1');
    expect(json.coefficients).toHaveLength(100);
    expect(json.theta).toHaveLength(101);
    const csv = (await readFile(join(dir, 'trajectory.csv'), 'utf8')).trimEnd().split('\n');
    expect(csv).toHaveLength(1 + 100 + 1);
  });

  it('result.json is the --json object plus its provenance; figure.vl.json is the figure spec with it in usermeta', async () => {
    const dir = join(scratch, 'provenance');
    await writeRunOutputs(dir, result);
    const { provenance, ...json } = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(resultToJson(result))));
    expect(provenance).toMatchObject({ mesalab: mesalabVersion(), node: process.version, seeds: [], runs: 1 });
    expect(provenance.commit === null || /^[0-9a-f]{40}$/.test(provenance.commit)).toBe(true);
    expect(Date.now() - Date.parse(provenance.time)).toBeLessThan(60_000);
    const { usermeta, ...spec } = JSON.parse(await readFile(join(dir, 'figure.vl.json'), 'utf8'));
    expect(spec).toEqual(JSON.parse(JSON.stringify(runFigureSpec(result))));
    expect(usermeta.mesalab).toEqual(provenance);
  });

  it('writes byte-identical SVGs when run twice', async () => {
    await writeRunOutputs(join(scratch, 'twice-1'), result);
    await writeRunOutputs(join(scratch, 'twice-2'), result);
    const [a, b] = await Promise.all([1, 2].map((i) => readFile(join(scratch, `twice-${i}`, 'figure.svg'), 'utf8')));
    expect(a).toBe(b);
  });

  it('writes the run figure titled with scenario, episodes and solver, as SVG and as a 1100 px PNG', async () => {
    const dir = join(scratch, 'figure');
    await writeRunOutputs(dir, result);
    const svg = await readFile(join(dir, 'figure.svg'), 'utf8');
    expect(svg).toContain('seed-1: 100 episodes (first 30 shown), solver grid');
    const png = new Uint8Array(await readFile(join(dir, 'figure.png')));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(decodePng(png).width).toBe(1100);
  });

  it('overwrites the files of an earlier run in the same folder', async () => {
    const dir = join(scratch, 'again');
    await writeRunOutputs(dir, result);
    const other = runExperiment(parseScenarioConfig({ ...seed1, name: 'renamed' }));
    await writeRunOutputs(dir, other);
    expect(JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')).scenario).toBe('renamed');
    expect(await readdir(dir)).toHaveLength(5);
  });
});

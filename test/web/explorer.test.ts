/**
 * End to end: `scripts/explore.ts` builds and serves the page, Debian's chromium (driven by
 * playwright-core) uses it like a researcher would, and every number the page shows is checked
 * against the library run in this process on the same config. Without chromium the suite is
 * skipped with a message, or fails under CI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILT_IN_SCENARIOS,
  formatNumber,
  gameResultToJson,
  getBuiltInScenario,
  parseAnyConfig,
  parseGameConfig,
  parseScenarioConfig,
  resultToJson,
  runExperiment,
  runGame,
  seed1,
  seedAsGameTrajectory,
  trajectoryToCsv,
  type GameConfig,
  type GameTrajectory,
} from '../../src/index.ts';
import { runView } from '../../web/src/displayTable.ts';
import { SECTIONS, sectionOf } from '../../web/src/sections.ts';
import { shownMetrics } from '../../web/src/metricsTable.ts';
import type { RunView } from '../../web/src/protocol.ts';
import { solveConfig } from '../../web/src/solvedRun.ts';
import { valuesText } from '../../web/src/episodeScrubber.ts';
import { policyCurve, type RunPolicy } from '../../web/src/policyCurve.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = `${ROOT}docs/explorer.png`;
const PHONE_SCREENSHOT = `${ROOT}docs/explorer-phone.png`;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(`explorer end-to-end tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

/** What the page shows of a config's run, computed here by the library (in node, not chromium). */
function solve(config: GameConfig): RunView {
  return runView(solveConfig(config, 'custom', (_label, _describe, run) => run()), 600);
}

function solveSeed(config: GameConfig) {
  return runExperiment(parseScenarioConfig(config));
}

describe.runIf(haveChromium || process.env.CI)('explorer page in headless chromium', () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let url: string;
  const external: string[] = [];
  const pageErrors: string[] = [];
  /** Validator phrases ever announced by the page's live region. */
  const jargonSeen: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`chromium is missing at ${CHROMIUM}; .ci/run installs it with apt-get`);
    ({ server, url } = await startServer());
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith(url) && !/^(data|blob):/.test(request.url())) external.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    await page.exposeFunction('reportAnnouncement', (text: string) => {
      if (/Invalid input|Too (small|big)|expected \w+, received|expected record/.test(text)) jargonSeen.push(text);
    });
    // Everything the live region says, as a screen reader would hear it.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const live = document.getElementById('live');
        if (live?.textContent) (window as unknown as { reportAnnouncement(t: string): void }).reportAnnouncement(live.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(url);
    await waitForRenders(page, 1);
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  it('loads without errors or requests to other hosts', () => {
    expect(pageErrors).toEqual([]);
    expect(external).toEqual([]);
  });

  it('picking seed-1 shows the published first coefficient 0.03', async () => {
    await pick(page, 'seed-2');
    expect(await metric(page, 'firstCoefficient')).toBe(formatNumber(0.05));
    await pick(page, 'seed-1');
    expect(await metric(page, 'firstCoefficient')).toBe('0.0300');
    await expectMetrics(page, 'a', solve(seed1));
  });

  it('re-solves when the training length moves, to the numbers the library computes', async () => {
    // Longer training: the first agent deceives even more (a₀ 0.03 → 0.02).
    await moveSlider(page, 'schedule.training', 40);
    await expectMetrics(page, 'a', solve({ ...seed1, schedule: { training: 40, deployment: 80, learningRate: 1 } }));
    expect(await metric(page, 'firstCoefficient')).toBe('0.0200');
    expect(await page.locator('#status').textContent()).toContain('N = 120');
  });

  it('shows an invalid input next to its field and keeps the last chart', async () => {
    const renders = await renderCount(page);
    const error = page.locator('[data-error-for="discount"]');
    await page.fill('#field-discount', '1.5');
    await expect.poll(() => error.textContent()).toBe('must be between 0 and 1, got 1.5');
    await page.fill('#field-discount', 'abc');
    await expect.poll(() => error.textContent()).toBe('is not a number: "abc"');
    expect(await page.locator('#chart-error').isVisible()).toBe(true);
    expect(await renderCount(page)).toBe(renders);
    await page.fill('#field-discount', '1');
    await waitForRenders(page, renders + 1);
    expect(await error.isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('exports the data as the CLI writes it, and the chart as SVG and PNG', async () => {
    const expected = solveSeed({ ...seed1, name: 'seed-1 (modified)', schedule: { training: 40, deployment: 80, learningRate: 1 } });
    expect(await download(page, 'csv')).toBe(trajectoryToCsv(seedAsGameTrajectory(expected.trajectory, 'theta', 'coefficient')));
    expect(JSON.parse(await download(page, 'json'))).toEqual(JSON.parse(JSON.stringify(resultToJson(expected))));
    expect(await download(page, 'svg')).toMatch(/^<svg[\s\S]*goal θ[\s\S]*<\/svg>$/);
    expect((await downloadBytes(page, 'png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('stays responsive while a slow solver runs, and drops that solve for newer input', async () => {
    await page.selectOption('#field-solver', 'reference');
    // The reference solver is O(N²·G·K): N = 640 takes seconds.
    await page.fill('#field-schedule-deployment', '600');
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Solving…');
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(250);
    await page.selectOption('#field-solver', 'grid');
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 30_000 }).toContain('N = 640, grid solver');
    await expectMetrics(page, 'a', solve({ ...seed1, schedule: { training: 40, deployment: 600, learningRate: 1 } }));
    const renders = await renderCount(page);
    await page.fill('#field-schedule-deployment', '80');
    await waitForRenders(page, renders + 1);
  });

  it('restores the whole view, comparison included, from its URL', async () => {
    const renders = await renderCount(page);
    await page.check('#compare');
    await waitForRenders(page, renders + 1);
    await page.fill('#field-schedule-training', '10');
    await page.fill('#field-theta0', '0.5');
    await expect.poll(() => metricOf(page, 'b', 'episodes')).toBe('90');
    await expectMetrics(page, 'b', solve({ ...seed1, theta0: 0.5, schedule: { training: 10, deployment: 80, learningRate: 1 } }));
    await expectMetrics(page, 'a', solve({ ...seed1, schedule: { training: 40, deployment: 80, learningRate: 1 } }));
    await page.waitForFunction(() => location.search.includes('b.theta0=0.5'));
    const copy = await page.context().newPage();
    await copy.goto(page.url());
    await waitForRenders(copy, 1);
    for (const setting of ['a', 'b']) {
      const cells = `#metrics tr[data-kind="metric"] td[data-setting="${setting}"]`;
      expect(await copy.locator(cells).evaluateAll(values)).toEqual(await page.locator(cells).evaluateAll(values));
    }
    expect(await copy.inputValue('#field-theta0')).toBe('0.5');
    await copy.close();
  });

  it('runs the game built-ins and switches the update rule, showing what the library computes', async () => {
    await page.goto(url);
    await waitForRenders(page, 1);
    // A built-in of online learning: full re-optimisation, with a deployment stage.
    const online = getBuiltInScenario('online-full').configs[0];
    await pick(page, 'online-full');
    await expectMetrics(page, 'a', solve(online));
    expect(await page.locator('#status').textContent()).toContain('full update');
    expect(await page.inputValue('#field-update-type')).toBe('full');
    // Back to seed-1 and switch its update rule to REINFORCE: the variant's own field appears, filled in.
    await pick(page, 'seed-1');
    const sigma = page.locator('.field[data-field="update.sigma"]');
    expect(await sigma.isVisible()).toBe(false);
    let renders = await renderCount(page);
    await page.selectOption('#field-update-type', 'reinforce');
    await waitForRenders(page, renders + 1);
    expect(await sigma.isVisible()).toBe(true);
    expect(await page.inputValue('#field-update-sigma')).toBe('0.5');
    expect(await page.locator('[data-error-for="update.sigma"]').isVisible()).toBe(false);
    renders = await renderCount(page);
    await page.fill('#field-update-sigma', '0.25');
    await waitForRenders(page, renders + 1);
    const reinforce = { ...seed1, name: 'seed-1 (modified)', update: { type: 'reinforce', sigma: 0.25 } } as GameConfig;
    const expected = solve(reinforce);
    await expectMetrics(page, 'a', expected);
    expect(await page.locator('#status').textContent()).toContain('reinforce: mean of 1000 seeded runs');
    // The Monte Carlo bands' last bits depend on the engine's Math.log and Math.sqrt (chromium's V8 is not node's).
    expectCloseJson(JSON.parse(await download(page, 'json')), JSON.parse(JSON.stringify(gameResultToJson(runGame(parseGameConfig(reinforce))))), 1e-12);
    expect(await download(page, 'svg')).toMatch(/coefficient a/);
    // Compared with the seed's gradient step: both drawn as games, one legend.
    const before = await renderCount(page);
    await page.check('#compare');
    await waitForRenders(page, before + 1);
    await page.selectOption('#field-update-type', '');
    await expect.poll(() => metricOf(page, 'b', 'firstCoefficient')).toBe('0.0300');
    await expectMetrics(page, 'a', expected);
    expect(await page.locator('.field[data-field="update.sigma"]').isVisible()).toBe(false);
    // A game field's bad input shows at that field; the text is parsed as math, never run.
    await openGroup(page, 'game');
    await page.fill('#field-baseObjective', 'y^2 + process.exit(1)');
    await expect.poll(() => page.locator('[data-error-for="baseObjective"]').textContent()).toMatch(/process/);
    expect(await page.locator('#chart-error').isVisible()).toBe(true);
    await page.fill('#field-baseObjective', '');
    await expect.poll(() => page.locator('#chart-error').isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('groups every built-in as the findings page does, and opens each on its question with a panel saying what the chart shows', async () => {
    await page.goto(url);
    await waitForRenders(page, 1);
    const groups = await page.locator('#scenario optgroup').evaluateAll((gs) => gs.map((g) => ({ label: (g as HTMLOptGroupElement).label, names: [...g.querySelectorAll('option')].map((o) => o.value) })));
    const expected = SECTIONS.map((section) => ({ label: section.title, names: BUILT_IN_SCENARIOS.filter((b) => sectionOf(b).id === section.id).map((b) => b.name) })).filter((g) => g.names.length > 0);
    expect(groups).toEqual(expected);
    expect(groups.flatMap((g) => g.names).sort()).toEqual(BUILT_IN_SCENARIOS.map((b) => b.name).sort());
    for (const builtIn of BUILT_IN_SCENARIOS) {
      await pick(page, builtIn.name);
      const section = sectionOf(builtIn);
      expect(await page.locator('#question').textContent(), builtIn.name).toBe(section.question);
      expect(await page.locator('#explain .question').textContent(), builtIn.name).toBe(section.question);
      expect(await page.locator('#explain').textContent(), builtIn.name).toContain(`What to look for: ${section.lookFor}`);
      expect(await visibleErrors(page), builtIn.name).toEqual([]);
      // The finding's own setting: the built-in's first config, as the library runs it.
      if (['discount', 'regularizer', 'misconception', 'uncertain-deployment', 'infinite-horizon', 'corridor', 'online-full'].includes(builtIn.name)) {
        // Quadrature and interpolation round differently in chromium's V8 and node's in the last bits.
        await expectMetrics(page, 'a', solve({ ...builtIn.configs[0], description: undefined } as GameConfig), 1e-12);
      }
    }
    // online-seed runs two experiments: the description is of the one chosen.
    await pick(page, 'online-seed');
    expect(await page.locator('#scenario-description').textContent()).toBe('one step, newest episode (seed): 20 training episodes at ℓ = 0.05, then 80 of deployment');
    const renders = await renderCount(page);
    await page.selectOption('#variant', '1');
    await waitForRenders(page, renders + 1);
    expect(await page.locator('#scenario-description').textContent()).toBe('one step, newest episode (seed): 100 training episodes at ℓ = 0.05, no deployment');
  });

  it('names θ, a and y the same way in every scenario, shades training, marks where deployment starts and says when the view is windowed', async () => {
    for (const name of ['seed-1', 'online-seed']) {
      await pick(page, name);
      const svg = await download(page, 'svg');
      for (const text of ['goal θ', 'coefficient a', 'output y', 'deployment starts']) expect(svg, `${name}: ${text}`).toContain(text);
      expect(svg).not.toMatch(/>theta<|action a|mesa objective/);
    }
    await pick(page, 'seed-1');
    expect(await download(page, 'svg')).toContain('first 30 of 100 episodes shown');
    expect(await page.locator('#explain').textContent()).toContain('The chart shows the first 30 of 100 episodes.');
    const lines = await page.locator('#explain dt').allTextContents();
    expect(lines).toEqual(['goal θ', 'coefficient a', 'output y', 'learning rate ℓ']);
  });

  it("shows an MLP's policy as its output and slope against θ at the scrubbed episode, with tooltips, and plays the episodes", async () => {
    const config = getBuiltInScenario('neural').configs[0];
    const parsed = parseAnyConfig(config);
    const policy: RunPolicy = parsed.kind === 'game' ? { kind: 'game', game: parsed.parsed.game } : { kind: 'seed' };
    await page.goto(`${url}?scenario=neural`);
    await waitForRenders(page, 1);
    // The network is trained in chromium, whose Math.tanh is not node's in the last bits, and
    // training amplifies them: the page's run is checked against its own export (the CLI's JSON).
    const exported = JSON.parse(await download(page, 'json')) as { parameters: Record<string, number[]>; actions: Record<string, number[]>; output: number[]; learningRate: number[] };
    const columns = (record: Record<string, number[]>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Float64Array.from(v)]));
    const trajectory = { parameters: columns(exported.parameters), actions: columns(exported.actions), output: Float64Array.from(exported.output), learningRate: Float64Array.from(exported.learningRate) } as unknown as GameTrajectory;
    const shown = { series: [{ key: 'parameter:theta', role: 'parameter', name: 'theta', goal: true }, { key: 'slope', role: 'slope', name: 'theta' }, { key: 'output', role: 'output', name: 'y' }], training: [[0, 20]], window: 30 } as const;
    /** The values line and the policy the page should show at episode n, computed here. */
    const expected = (n: number) => {
      const curve = policyCurve(policy, trajectory, n, shown.window);
      if (!curve) throw new Error('the neural run holds its weights');
      const values: [string, number][] = [['parameter:theta', exported.parameters.theta[n]], ['slope', curve.at.slope], ['output', exported.output[n]], ['learningRate', exported.learningRate[n]]];
      expect(curve.at.y).toBeCloseTo(exported.output[n], 12);
      return { text: valuesText(shown as unknown as RunView, { episode: n, curve, values }), curve };
    };
    const policyDrawn = (n: number) => page.waitForFunction((episode) => window.mesalabExplorer.policy.episode === episode, n, { timeout: 30_000 });
    // The default episode is the first of deployment.
    await policyDrawn(20);
    expect(await page.locator('#episode-values').textContent()).toBe(expected(20).text);
    // The chart plots the network's output and slope, never its weights.
    const legend = await download(page, 'svg');
    expect(legend).toContain('coefficient a = slope ∂y/∂θ');
    expect(legend).not.toMatch(/>w\d+</);
    // Scrubbing to a training episode.
    await page.locator('#episode').fill('12');
    await policyDrawn(12);
    const { text, curve } = expected(12);
    expect(await page.locator('#episode-values').textContent()).toBe(text);
    expect(text).toContain('episode 12 (training)');
    // Hovering the output panel shows θ, f(θ) and f′(θ) of a point of the curve computed here.
    const frame = page.locator('#policy-frame');
    const box = (await frame.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.6);
    const tooltip = frame.locator('.chart-tooltip');
    await expect.poll(() => tooltip.isVisible(), { timeout: 10_000 }).toBe(true);
    const row = Object.fromEntries(await tooltip.locator('tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td')?.textContent ?? ''])));
    const theta = Number(row['θ']);
    const i = curve.theta.findIndex((t) => Math.abs(t - theta) <= 1e-3 * Math.max(1, Math.abs(t)));
    expect(i, `θ = ${theta} is a point of the curve`).toBeGreaterThanOrEqual(0);
    expect(Number(row['y = f(θ)'])).toBeCloseTo(curve.output[i], 3);
    expect(Number(row['slope f′(θ)'])).toBeCloseTo(curve.slope[i], 3);
    // Hovering the trajectory shows every series' value at the episode pointed at.
    const chartBox = (await page.locator('#chart').boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(chartBox.x + chartBox.width * 0.5, chartBox.y + 150);
    const trajectoryTip = page.locator('#chart-frame > .chart-tooltip');
    await expect.poll(() => trajectoryTip.textContent(), { timeout: 10_000 }).toMatch(/episode.*goal θ.*coefficient a = slope.*output y.*learning rate ℓ/);
    await page.mouse.move(0, 0);
    // Play walks the slider to the last episode of the window, then stops.
    const before = await page.evaluate(() => window.mesalabExplorer.policy.renders);
    await page.click('#episode-play');
    expect(await page.getAttribute('#episode-play', 'aria-pressed')).toBe('true');
    await policyDrawn(shown.window - 1);
    await expect.poll(() => page.getAttribute('#episode-play', 'aria-pressed'), { timeout: 10_000 }).toBe('false');
    expect(await page.evaluate(() => window.mesalabExplorer.policy.renders)).toBeGreaterThan(before + 3);
    expect(await page.locator('#episode-values').textContent()).toBe(expected(shown.window - 1).text);
  });

  it('fills in a chosen variant\'s defaults: gradient-all, reinforce, discrete and mlp solve at once', async () => {
    await page.goto(`${url}?scenario=seed-1&schedule.deployment=10`);
    await waitForRenders(page, 1);
    await openGroup(page, 'game');
    for (const [key, variant, field, value] of [
      ['update-type', 'gradient-all', 'update-steps', '10'],
      ['update-type', 'reinforce', 'update-sigma', '0.5'],
      ['policy-type', 'discrete', 'policy-actions', '[0, 0.25, 0.5, 0.75, 1]'],
      ['policy-type', 'mlp', 'policy-hidden', '[16, 16]'],
    ] as const) {
      // Each variant alone: the other union back at its default.
      await page.selectOption(`#field-${key === 'policy-type' ? 'update-type' : 'policy-type'}`, '');
      const renders = await renderCount(page);
      await page.selectOption(`#field-${key}`, variant);
      expect(await page.inputValue(`#field-${field}`), variant).toBe(value);
      await waitForRenders(page, renders + 1);
      expect(await visibleErrors(page), variant).toEqual([]);
    }
    await page.selectOption('#field-policy-type', '');
  });

  it('says what is wrong in plain words, at the field touched', async () => {
    await page.goto(`${url}?scenario=seed-1`);
    await waitForRenders(page, 1);
    // Emptying training blames Training episodes, not the learning rate or a hidden control.
    await page.fill('#field-schedule-training', '');
    await expect.poll(() => errorAt(page, 'schedule.training')).toBe('is empty; it needs a whole number');
    expect(await visibleErrors(page)).toEqual([{ key: 'schedule.training', text: 'is empty; it needs a whole number' }]);
    expect(await page.locator('#chart-error').textContent()).toContain('Training episodes: is empty');
    // A number box takes what a person types, and refuses what it cannot mean.
    const renders = await renderCount(page);
    await page.fill('#field-schedule-training', '1e2');
    await waitForRenders(page, renders + 1);
    await expect.poll(() => metric(page, 'episodes')).toBe('180');
    await page.fill('#field-schedule-training', '10 000');
    await expect.poll(() => metric(page, 'episodes')).toBe('10080');
    await page.fill('#field-schedule-training', '0,5');
    await expect.poll(() => errorAt(page, 'schedule.training')).toBe('is not a number; for a decimal write 0.5');
    await page.fill('#field-schedule-training', '20');
    await expect.poll(() => visibleErrors(page)).toEqual([]);
    // The schema's ranges, said plainly.
    await openGroup(page, 'scenario');
    await page.fill('#field-plotWindow', '0');
    await expect.poll(() => errorAt(page, 'plotWindow')).toBe('must be at least 1, not 0');
    await page.fill('#field-plotWindow', '30');
    // The learning-rate box: 1e7 alone is refused with the reason; 1x1e4 is 10⁴ episodes.
    await page.click('[role="radio"][data-value="spec"]');
    await page.fill('#field-schedule', '1e7');
    await expect.poll(() => errorAt(page, 'schedule')).toMatch(/^item 1 \("1e7"\) is one episode at learning rate ℓ = 10000000\. For 10000000 episodes at ℓ = 1 write 1x1e7/);
    await page.fill('#field-schedule', '1x1e4');
    await expect.poll(() => metric(page, 'episodes')).toBe('10000');
    await page.fill('#field-schedule', '1x20,0x80');
    await page.click('[role="radio"][data-value="phases"]');
    // The Parameters hint's own example runs: θ₀ and its prior step aside, saying why.
    await openGroup(page, 'game');
    const hint = (await page.locator('.field[data-field="parameters"] .hint:not(.note)').textContent()) ?? '';
    const example = /e\.g\. (\{.*\}\})/.exec(hint)?.[1] ?? '';
    expect(example).not.toBe('');
    await page.fill('#field-parameters', example);
    await expect.poll(() => page.locator('#field-theta0').isDisabled()).toBe(true);
    expect(await page.locator('.field[data-field="theta0"] .note').textContent()).toBe('set by Parameters (its initial values)');
    await expect.poll(() => visibleErrors(page)).toEqual([]);
    await page.fill('#field-parameters', 'abc');
    await expect.poll(() => errorAt(page, 'parameters')).toBe('must be a map in braces, e.g. {theta: {initial: 0.8, prior: [-1, 1]}}');
    await page.fill('#field-parameters', '');
    // A mesa cost no solver plays: the message sits at Mesa cost, short and whole.
    await page.fill('#field-mesaCost', '(y - goal)^4');
    await expect.poll(() => errorAt(page, 'mesaCost')).toMatch(/^no solver can play this scenario: the mesa cost is not a homogeneous quadratic/);
    expect(await page.locator('[data-error-for="solver"]').isVisible()).toBe(false);
    const clipped = await page.locator('[data-error-for="mesaCost"]').evaluate((e) => e.scrollWidth > e.clientWidth + 1);
    expect(clipped).toBe(false);
    await page.fill('#field-mesaCost', '');
    // A believed objective that is not finite is an error at its field.
    for (const objective of ['NaN', '1/0']) {
      await page.fill('#field-believedObjective', objective);
      await expect.poll(() => errorAt(page, 'believedObjective'), { message: objective }).toMatch(/finite|infinite/);
    }
    await page.fill('#field-believedObjective', '');
    await expect.poll(() => visibleErrors(page)).toEqual([]);
    // No validator jargon anywhere on the way.
    expect(jargonSeen).toEqual([]);
  });

  it('draws a sweep results file as a heatmap', async () => {
    await page.click('.view-tabs [data-view="sweep"]');
    // The shape of mesalab sweep's results.jsonl: id, key, params, metrics (or error).
    const lines = [10, 20, 30].flatMap((training, i) =>
      [0.5, 0.9, 1].map((discount, j) => {
        const { metrics } = solveSeed({ ...seed1, discount, schedule: { training, deployment: 80, learningRate: 1 } });
        return JSON.stringify({ id: 3 * i + j, key: 'k', params: { 'schedule.training': training, discount }, metrics });
      }),
    );
    await page.setInputFiles('#sweep-file', { name: 'sweep.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
    await page.locator('#heatmap canvas').waitFor();
    expect(await page.inputValue('#sweep-x')).toBe('params.discount');
    expect(await page.inputValue('#sweep-y')).toBe('params.schedule.training');
    expect(await page.inputValue('#sweep-value')).toBe('metrics.firstCoefficient');
    expect(await page.locator('#sweep-notice').textContent()).toContain('9 results');
    // The chosen keys go in the link; the same file opened from it shows the same heatmap.
    await page.selectOption('#sweep-value', 'metrics.goalRetained');
    await page.waitForFunction(() => location.search.includes('sweep.value=metrics.goalRetained'));
    const copy = await page.context().newPage();
    await copy.goto(page.url());
    expect(await copy.locator('#sweep-view').isVisible()).toBe(true);
    await copy.setInputFiles('#sweep-file', { name: 'sweep.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
    await copy.locator('#heatmap canvas').waitFor();
    expect(await copy.inputValue('#sweep-value')).toBe('metrics.goalRetained');
    expect(await copy.inputValue('#sweep-x')).toBe('params.discount');
    await copy.close();
    // The link holds sweep keys but no file: a fresh page asks for the file.
    const asked = await page.context().newPage();
    await asked.goto(page.url());
    await expect.poll(() => asked.locator('#sweep-notice.prompt').textContent()).toMatch(/^This link shows a heatmap of params\.schedule\.training × params\.discount coloured by metrics\.goalRetained\. Open its results file/);
    await asked.close();
    // A rejected file leaves nothing of the last one: keys, chart and exports.
    await page.setInputFiles('#sweep-file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\nworld') });
    await expect.poll(() => page.locator('#sweep-notice').textContent()).toMatch(/has no numeric fields/);
    expect(await page.locator('#sweep-x option').count()).toBe(0);
    expect(await page.locator('#heatmap-svg').isDisabled()).toBe(true);
    expect(await page.locator('#heatmap canvas').count()).toBe(0);
    await page.waitForFunction(() => !location.search.includes('sweep.'));
    await page.click('.view-tabs [data-view="trajectory"]');
  });

  it('opens the built-in example sweep, resets the axes for a new file, and opens a clicked cell\'s trajectory', async () => {
    await page.goto(`${url}?view=sweep&sweep.value=metrics.goalRetained`);
    await page.selectOption('#sweep-example', 'training-x-deployment');
    await page.click('#sweep-open-example');
    await page.locator('#heatmap canvas').waitFor();
    // The first file opened from a link takes its keys; the example's own axes otherwise.
    expect(await page.inputValue('#sweep-value')).toBe('metrics.goalRetained');
    expect(await page.inputValue('#sweep-y')).toBe('params.schedule.training');
    expect(await page.inputValue('#sweep-x')).toBe('params.schedule.deployment');
    expect(await page.locator('#sweep-notice').textContent()).toContain('4100 results');
    // The axis titles are the sweep file's labels.
    expect(await downloadFrom(page, '#heatmap-svg')).toContain('training episodes');
    await page.waitForFunction(() => location.search.includes('sweep.example=training-x-deployment'));
    // A second file starts at its own axes, not at the example's.
    const lines = [1, 2].flatMap((steps) => [0.1, 0.2].map((rate) => JSON.stringify({ id: 0, key: 'k', params: { 'update.steps': steps, 'schedule.learningRate': rate }, metrics: { firstCoefficient: steps * rate } })));
    await page.setInputFiles('#sweep-file', { name: 'other.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
    await expect.poll(() => page.inputValue('#sweep-y')).toBe('params.update.steps');
    expect(await page.inputValue('#sweep-x')).toBe('params.schedule.learningRate');
    expect(await page.inputValue('#sweep-value')).toBe('metrics.firstCoefficient');
    // Back to the example; a click on a cell opens that point of the sweep as setting A.
    await page.click('#sweep-open-example');
    await expect.poll(() => page.inputValue('#sweep-x')).toBe('params.schedule.deployment');
    const box = await page.locator('#heatmap canvas').boundingBox();
    if (!box) throw new Error('no heatmap');
    const renders = await renderCount(page);
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.45);
    await waitForRenders(page, renders + 1);
    expect(await page.locator('#trajectory-view').isVisible()).toBe(true);
    const training = Number(await page.inputValue('#field-schedule-training'));
    const deployment = Number(await page.inputValue('#field-schedule-deployment'));
    expect(training).toBeGreaterThan(1);
    expect(await page.locator('#scenario-description').textContent()).toBe(`A point of the sweep training-x-deployment: schedule.training = ${training}, schedule.deployment = ${deployment}`);
    await expectMetrics(page, 'a', solve({ schedule: { training, deployment, learningRate: 1 }, theta0: 0.8, solver: 'grid' }));
  });



  it('fits every width from 360 to 1440 px without sideways scrolling, the chart first on a phone', async () => {
    for (const width of [360, 390, 600, 768, 1024, 1280, 1440]) {
      const context = await (browser as Browser).newContext({ viewport: { width, height: 844 } });
      const narrow = await context.newPage();
      narrow.on('pageerror', (error) => pageErrors.push(error.message));
      await narrow.goto(`${url}?scenario=seed-1&b.scenario=online-reinforce&edit=b`);
      await waitForRenders(narrow, 1);
      const overflow = () => narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(await overflow(), `trajectory at ${width} px`).toBeLessThanOrEqual(0);
      // Every group open (the widest controls showing), then the sweep tab with an example.
      await narrow.evaluate(() => document.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await overflow(), `open controls at ${width} px`).toBeLessThanOrEqual(0);
      await narrow.click('#tab-sweep');
      await narrow.click('#sweep-open-example');
      await narrow.locator('#heatmap canvas').waitFor();
      expect(await overflow(), `sweep at ${width} px`).toBeLessThanOrEqual(0);
      if (width <= 700) {
        await narrow.click('#tab-trajectory');
        const [chart, panel] = await Promise.all([narrow.locator('#chart').boundingBox(), narrow.locator('.panel').boundingBox()]);
        expect(chart && panel && chart.y < panel.y, `chart above the controls at ${width} px`).toBe(true);
        expect(chart?.width ?? 0).toBeGreaterThan(width - 60);
      }
      await context.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('follows the tabs pattern, announces problems once, links each error to its input, and gives the chart a text alternative', async () => {
    await page.goto(`${url}?scenario=seed-1`);
    await waitForRenders(page, 1);
    // Tabs: one in the tab order; arrows move and select; each names its panel.
    expect(await page.locator('#view-tabs [role="tab"][tabindex="0"]').count()).toBe(1);
    await page.focus('#tab-trajectory');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-sweep');
    expect(await page.getAttribute('#tab-sweep', 'aria-selected')).toBe('true');
    expect(await page.locator('#sweep-view').isVisible()).toBe(true);
    expect(await page.getAttribute('#sweep-view', 'aria-labelledby')).toBe('tab-sweep');
    await page.keyboard.press('Home');
    expect(await page.getAttribute('#tab-trajectory', 'aria-selected')).toBe('true');
    for (const tab of await page.locator('[role="tab"]').all()) expect(await page.locator(`#${await tab.getAttribute('aria-controls')}`).count()).toBe(1);
    // One live region, no alert slots.
    expect(await page.locator('[aria-live]').count()).toBe(1);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    // An error is linked to its input and announced once.
    await page.fill('#field-discount', '2');
    await expect.poll(() => page.getAttribute('#field-discount', 'aria-invalid')).toBe('true');
    const error = page.locator('[data-error-for="discount"]');
    expect((await page.getAttribute('#field-discount', 'aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
    expect(await page.locator('#live').textContent()).toBe(`Discount γ: ${await error.textContent()}`);
    await page.fill('#field-discount', '1');
    await expect.poll(() => page.getAttribute('#field-discount', 'aria-invalid')).toBe('false');
    // The chart's text alternative is the metrics table.
    expect(await page.getAttribute('#chart-frame', 'role')).toBe('img');
    expect(await page.getAttribute('#chart-frame', 'aria-describedby')).toBe('metrics');
    expect(await page.locator('#metrics caption').textContent()).toContain('What the chart shows, in numbers.');
  });

  it("shows a slow solve's progress against the library's estimate, and cancels it", async () => {
    await page.goto(`${url}?scenario=seed-1&solver=reference&schedule.training=40&schedule.deployment=600`);
    const progress = page.locator('#progress');
    await expect.poll(() => progress.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.locator('#progress-text').textContent()).toMatch(/^Solving .* with the reference solver \(640 episodes\): \d+\.\d s (of about \S+|so far)/);
    await page.click('#progress-cancel');
    expect(await progress.isVisible()).toBe(false);
    expect(await page.locator('#status').textContent()).toContain('Cancelled');
    // Any input solves again.
    await page.selectOption('#field-solver', 'grid');
    await waitForRenders(page, 1);
    expect(await page.locator('#status').textContent()).toContain('N = 640, grid solver');
  });

  it('lets the newest input win while inputs come faster than a slow solver answers', async () => {
    await page.goto(`${url}?scenario=seed-1&schedule.training=40&schedule.deployment=600`);
    await waitForRenders(page, 1);
    // Every text the banner over the chart shows from now on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { bannerTexts: string[] }).bannerTexts = seen;
      const banner = document.getElementById('chart-error') as HTMLElement;
      new MutationObserver(() => {
        if (!banner.hidden && banner.textContent) seen.push(banner.textContent);
      }).observe(banner, { childList: true, characterData: true, subtree: true, attributes: true });
    });
    // The solver changes every half second; reference takes seconds at N = 640, grid and exact milliseconds.
    for (const solver of ['reference', 'grid', 'reference', 'exact', 'reference', 'grid', 'reference', 'exact']) {
      await page.selectOption('#field-solver', solver);
      if (solver !== 'reference') await expect.poll(() => page.locator('#status').textContent(), { timeout: 20_000 }).toContain(`N = 640, ${solver} solver`);
      await page.waitForTimeout(500);
    }
    expect(await page.locator('#status').textContent()).toContain('N = 640, exact solver');
    await expectMetrics(page, 'a', solve({ ...seed1, solver: 'exact', schedule: { training: 40, deployment: 600, learningRate: 1 } }));
    expect(await page.evaluate(() => (window as unknown as { bannerTexts: string[] }).bannerTexts)).toEqual([]);
  });

  it('solves N = 10⁶ episodes without blocking the main thread (long tasks measured in the page)', async () => {
    await page.goto(`${url}?scenario=seed-1&solver=exact&plotWindow=&schedule.deployment=999980`);
    await waitForRenders(page, 1);
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask' });
    });
    const timing = await moveSliderTimed(page, 'schedule.training', 30);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
    const longest = Math.max(0, ...tasks);
    console.log(
      `explorer: N = 10^6, exact solver: solved and redrawn in ${timing.latency.toFixed(0)} ms (worker ${timing.solve.toFixed(0)} ms); main-thread tasks over 50 ms: ${tasks.length}, longest ${longest.toFixed(0)} ms; page heap ${(heap / 2 ** 20).toFixed(0)} MB`,
    );
    expect(await page.locator('#status').textContent()).toContain('N = 1000010');
    // The worker does the solving; the page only draws a few thousand points.
    expect(longest).toBeLessThan(Math.max(250, timing.solve / 2));
  });

  it('re-solves and redraws N = 10⁴ and 10⁵ episodes quickly (median of 20 moves, measured in the page)', async () => {
    // Moves the training length of seed-1 stretched to N episodes, or the learning rate.
    const measure = async (query: string, slider: 'schedule.training' | 'schedule.learningRate') => {
      await page.goto(`${url}?scenario=seed-1&${query}`);
      await waitForRenders(page, 1);
      const moves: Timing[] = [];
      for (let i = 0; i < 25; i++) moves.push(await moveSliderTimed(page, slider, slider === 'schedule.training' ? 20 + i : 0.5 + i / 50));
      // The first moves warm up the JIT; the median of the next 20 is the number.
      const median = (pick: (t: Timing) => number) => {
        const sorted = moves.slice(5).map(pick).sort((a, b) => a - b);
        return sorted[Math.floor(sorted.length / 2)];
      };
      return { total: median((t) => t.latency), solve: median((t) => t.solve), compute: median((t) => t.compute), spec: median((t) => t.spec), draw: median((t) => t.draw) };
    };
    const rows: string[] = [];
    for (const n of [10_000, 100_000]) {
      const power = Math.round(Math.log10(n));
      rows.push(`N = 10^${power} (seed-1 with ${n - 20} deployment episodes, unless said):`);
      for (const [label, query, slider] of [
        ['grid solver, whole run drawn', 'plotWindow=', 'schedule.training'],
        ['exact solver, whole run drawn', 'plotWindow=&solver=exact', 'schedule.training'],
        ['grid solver, first 30 episodes drawn', 'plotWindow=30', 'schedule.training'],
        [`grid solver, 10^${power} training episodes`, `plotWindow=&schedule.training=${n}&schedule.deployment=0`, 'schedule.learningRate'],
        [`exact solver, 10^${power} training episodes`, `plotWindow=&schedule.training=${n}&schedule.deployment=0&solver=exact`, 'schedule.learningRate'],
      ] as const) {
        const m = await measure(`schedule.deployment=${n - 20}&${query}`, slider);
        const ms = (x: number) => `${x.toFixed(1).padStart(5)} ms`;
        rows.push(`  ${label.padEnd(37)} ${ms(m.total)}  (worker ${ms(m.solve)} of which solving ${ms(m.compute)}, chart spec ${ms(m.spec)}, vega ${ms(m.draw)})`);
        // A generous bound (two shared cores): the figures printed are the measurement.
        expect(m.total).toBeLessThan(2000);
      }
    }
    console.log(`explorer: input event → solved and redrawn, median of 20 moves (target < 50 ms at 10^5):\n${rows.join('\n')}`);
  }, 300_000);

  it('draws the first chart soon after load (measured in the page)', async () => {
    const context = await (browser as Browser).newContext({ viewport: { width: 1440, height: 1000 } });
    const fresh = await context.newPage();
    const times: number[] = [];
    const steps: string[] = [];
    let loaded: { name: string; bytes: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await fresh.goto(`${url}?scenario=seed-1`);
      await waitForRenders(fresh, 1);
      // What the first (uncached) load fetched.
      if (i === 0) {
        loaded = await fresh.evaluate(() =>
          performance.getEntriesByType('resource').map((r) => ({ name: r.name.replace(/^.*\//, ''), bytes: (r as PerformanceResourceTiming).encodedBodySize })),
        );
      }
      const { firstChart, startup } = await fresh.evaluate(() => window.mesalabExplorer);
      times.push(firstChart ?? NaN);
      steps.push(`script ${startup.script.toFixed(0)}, vega loaded ${startup.vega?.toFixed(0)}, first solve back ${startup.firstSolve?.toFixed(0)}`);
    }
    await context.close();
    console.log(
      `explorer: first chart ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')} after navigation start (3 loads; ms: ${steps.join(' / ')}); fetched: ${loaded.map((r) => `${r.name} ${(r.bytes / 1024).toFixed(0)} kB`).join(', ')}`,
    );
    for (const t of times) expect(t).toBeLessThan(10_000);
  });

  it('saves a screenshot of the comparison view to docs/explorer.png', async () => {
    mkdirSync(`${ROOT}docs`, { recursive: true });
    // seed-1 against seed-1 trained by REINFORCE (σ = 0.5) instead of the gradient step.
    await page.goto(`${url}?scenario=seed-1&b.scenario=seed-1&b.update.type=reinforce&b.update.sigma=0.5&edit=b`);
    await waitForRenders(page, 1);
    // No hover or focus left over from earlier tests: the same picture on every run.
    await page.mouse.move(0, 0);
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });

  it('saves a phone-width (390 × 844) screenshot, chart first, to docs/explorer-phone.png', async () => {
    const context = await (browser as Browser).newContext({ viewport: { width: 390, height: 844 } });
    const phone = await context.newPage();
    await phone.goto(`${url}?scenario=seed-1`);
    await waitForRenders(phone, 1);
    await phone.mouse.move(0, 0);
    await phone.screenshot({ path: PHONE_SCREENSHOT, animations: 'disabled' });
    await context.close();
    expect(readFileSync(PHONE_SCREENSHOT).subarray(1, 4).toString()).toBe('PNG');
  });

  it('threw no error in the page in any of the tests above', () => {
    expect(pageErrors).toEqual([]);
  });
});

// ---- Helpers -------------------------------------------------------------------------------

/** Runs `scripts/explore.ts --port 0` and waits for the URL it prints. */
function startServer(): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/explore.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /mesalab explorer: (http:\/\/\S+)/.exec(output);
      if (match) resolve({ server, url: match[1] });
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`explore exited with ${code}:\n${output}`)));
  });
}

/** Every error message on screen, by the control it sits at. */
async function visibleErrors(page: Page): Promise<{ key: string; text: string }[]> {
  return page.locator('[data-error-for]:visible').evaluateAll((slots) => slots.map((s) => ({ key: (s as HTMLElement).dataset.errorFor ?? '', text: s.textContent ?? '' })));
}

async function errorAt(page: Page, key: string): Promise<string | null> {
  const slot = page.locator(`[data-error-for="${key}"]:visible`);
  return (await slot.count()) > 0 ? slot.first().textContent() : null;
}

/** Opens a collapsed group of controls (the game's and the rarer fields start closed). */
async function openGroup(page: Page, group: string): Promise<void> {
  const details = page.locator(`details[data-group="${group}"]`);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
}

const values = (cells: Element[]) => cells.map((cell) => (cell as HTMLElement).dataset.value);

async function renderCount(page: Page): Promise<number> {
  return page.evaluate(() => window.mesalabExplorer?.renders ?? 0);
}

async function waitForRenders(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => (window.mesalabExplorer?.renders ?? 0) >= n, count);
}

async function pick(page: Page, scenario: string): Promise<void> {
  const renders = await renderCount(page);
  await page.selectOption('#scenario', scenario);
  await waitForRenders(page, renders + 1);
}

interface Timing {
  /** Milliseconds from the input event to the finished redraw. */
  latency: number;
  /** Its parts: the worker round trip (of which running the config), building the chart spec, vega's update and render. */
  solve: number;
  compute: number;
  spec: number;
  draw: number;
}

/** Moves a slider as a drag does (an input event) and resolves with the page's measured latency. */
async function moveSlider(page: Page, key: string, value: number): Promise<number> {
  return (await moveSliderTimed(page, key, value)).latency;
}

async function moveSliderTimed(page: Page, key: string, value: number): Promise<Timing> {
  return page.evaluate(
    ({ key, value }) =>
      new Promise<Timing>((resolve) => {
        const slider = document.querySelector<HTMLInputElement>(`input[type=range][data-key="${key}"]`);
        if (!slider) throw new Error(`no slider for ${key}`);
        window.addEventListener(
          'mesalab:rendered',
          (event) => {
            const phases = window.mesalabExplorer.phases ?? { solve: NaN, compute: NaN, spec: NaN, draw: NaN };
            resolve({ latency: (event as CustomEvent<{ latency: number }>).detail.latency, ...phases });
          },
          { once: true },
        );
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { key, value },
  );
}

function metric(page: Page, key: string): Promise<string | null> {
  return metricOf(page, 'a', key);
}

function metricOf(page: Page, setting: string, key: string): Promise<string | null> {
  return page.locator(`#metrics tr[data-metric="${key}"] td[data-setting="${setting}"]`).textContent();
}

/** Every metric cell shows the library's value: formatted as the CLI does, and in full. */
async function expectMetrics(page: Page, setting: string, expected: RunView, tolerance = 0): Promise<void> {
  const cells = await page.locator(`#metrics tr[data-kind="metric"] td[data-setting="${setting}"]`).evaluateAll((tds) =>
    tds.map((td) => ({ key: (td.parentElement as HTMLElement).dataset.metric ?? '', text: td.textContent, value: (td as HTMLElement).dataset.value })),
  );
  const metrics = Object.fromEntries(shownMetrics(expected));
  expect(cells.map((c) => c.key).sort()).toEqual(Object.keys(metrics).sort());
  for (const { key, text, value } of cells) {
    const want = metrics[key];
    if (tolerance > 0 && want !== null) {
      expect(Math.abs(Number(value) - want), key).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(want)));
      continue;
    }
    expect(value, key).toBe(want === null ? '' : String(want));
    expect(text, key).toBe(key === 'trainingEpisodes' ? String(want) : formatNumber(want));
  }
}

async function downloadBytes(page: Page, kind: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-export="${kind}"]`)]);
  return readFileSync(await file.path());
}

async function downloadFrom(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await file.path()).toString('utf8');
}

async function download(page: Page, kind: string): Promise<string> {
  return (await downloadBytes(page, kind)).toString('utf8');
}

/** `actual` has the shape of `expected`, with every number within a relative `tolerance`. */
function expectCloseJson(actual: unknown, expected: unknown, tolerance: number, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), path).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
  } else if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectCloseJson((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/**
 * The sweep view: a built-in example (results computed when the page is built, see
 * web/exampleSweeps.ts) or a results file from `mesalab sweep` — with its sweep.json, if picked
 * too, for the axis titles and the base config — as a heatmap over two of its numeric fields.
 * A new file starts at its own default axes; a link's keys apply to the first file opened from
 * it (the page asks for that file); a rejected file clears the view. Clicking a cell opens that
 * point's trajectory.
 */
import examples from 'virtual:example-sweeps';
import { ChartView } from './chartView.ts';
import { download, fileStem } from './download.ts';
import { sweepHeatmapSpec } from './heatmapSpec.ts';
import { cellMeans, chooseAxes, defaultAxes, parseSweepLines, pointParams, type SweepAxes, type SweepTable } from './sweepFile.ts';
import { tooltipHandler } from './tooltip.ts';
import type { SweepKeys } from './urlState.ts';

export interface SweepElements {
  readonly example: HTMLSelectElement;
  readonly openExample: HTMLButtonElement;
  readonly file: HTMLInputElement;
  readonly x: HTMLSelectElement;
  readonly y: HTMLSelectElement;
  readonly value: HTMLSelectElement;
  readonly notice: HTMLElement;
  readonly frame: HTMLElement;
  readonly chart: HTMLElement;
  readonly exportSvg: HTMLButtonElement;
  readonly exportPng: HTMLButtonElement;
}

/** What sweep.json says of the sweep: its base config (or built-in's name), solver and labels. */
export interface SweepMeta {
  readonly base: unknown;
  readonly solver?: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface SweepPanelState {
  /** The keys of the link the page was opened with (used for the first file only). */
  linkKeys(): SweepKeys;
  /** The keys on screen changed (a file was opened or rejected, or a key chosen). */
  onKeys(keys: SweepKeys): void;
  /** A cell was clicked: its point's swept paths and values, and the sweep's meta if known. */
  onOpenPoint(params: Record<string, number>, meta: SweepMeta | null, name: string): void;
}

export function setUpSweepPanel(el: SweepElements, state: SweepPanelState): { resize(): void } {
  const chart = new ChartView(el.chart, tooltipHandler(el.frame));
  let table: SweepTable | null = null;
  let meta: SweepMeta | null = null;
  let name = 'sweep';
  let example: string | undefined;
  let link: SweepKeys | null = state.linkKeys();
  let cells: ReturnType<typeof cellMeans>['cells'] = [];

  el.example.replaceChildren(...examples.map((e) => new Option(`${e.name}: ${e.description}`, e.name)));
  el.openExample.disabled = examples.length === 0;

  const keys = (): SweepKeys => ({ ...(example ? { example } : {}), x: el.x.value, y: el.y.value, value: el.value.value });
  const label = (key: string) => {
    const path = key.replace(/^(params|metrics)\./, '');
    return meta?.labels[path] ?? path;
  };

  const draw = async () => {
    if (!table) return;
    const [x, y, value] = [el.x.value, el.y.value, el.value.value];
    const means = cellMeans(table.rows, x, y, value);
    cells = means.cells;
    const notes: string[] = [`${table.rows.length} results`];
    if (means.maxPerCell > 1) notes.push(`up to ${means.maxPerCell} results share a cell: its colour is their mean`);
    if (table.skippedLines.length > 0) notes.push(`skipped ${table.skippedLines.length} lines that are not JSON objects (line ${table.skippedLines.slice(0, 5).join(', ')}${table.skippedLines.length > 5 ? ', …' : ''})`);
    showNotice(el.notice, notes.join(' · '), false);
    const width = Math.max(280, el.chart.clientWidth);
    await chart.show(sweepHeatmapSpec({ cells, title: name, xTitle: label(x), yTitle: label(y), valueTitle: label(value), width }));
    el.exportSvg.disabled = false;
    el.exportPng.disabled = false;
  };
  const redraw = () => {
    draw().catch((error: unknown) => showNotice(el.notice, `Cannot draw the heatmap: ${messageOf(error)}`, true));
  };

  /** Shows a parsed file, at the link's keys if it is the first one opened from a link. */
  const open = (text: string, fileName: string, metaText: string | null, exampleName?: string) => {
    const parsed = parseSweepLines(text);
    if (parsed.numericKeys.length === 0) {
      reject(`${fileName} has no numeric fields to plot; expected JSON Lines from mesalab sweep`);
      return;
    }
    table = parsed;
    meta = metaText === null ? null : readMeta(metaText);
    name = exampleName ?? fileName.replace(/\.jsonl?$/i, '');
    example = exampleName;
    const axes = link ? chooseAxes(parsed, link) : defaultAxes(parsed);
    link = null;
    fillKeys(parsed.numericKeys, axes);
    state.onKeys(keys());
    redraw();
  };

  /** A file that cannot be shown: nothing of the last one stays (keys, chart, exports). */
  const reject = (message: string) => {
    table = null;
    meta = null;
    example = undefined;
    link = null;
    chart.clear();
    fillKeys([], null);
    el.exportSvg.disabled = true;
    el.exportPng.disabled = true;
    state.onKeys({});
    showNotice(el.notice, message, true);
  };

  const fillKeys = (numeric: readonly string[], axes: SweepAxes | null) => {
    for (const [select, key] of [[el.x, axes?.x], [el.y, axes?.y], [el.value, axes?.value]] as const) {
      select.replaceChildren(...numeric.map((k) => new Option(k, k)));
      if (key) select.value = key;
      select.disabled = numeric.length === 0;
    }
  };

  const openExample = (exampleName: string) => {
    Promise.all([fetchText(`examples/${exampleName}/results.jsonl`), fetchText(`examples/${exampleName}/sweep.json`)]).then(
      ([results, metaText]) => open(results, `${exampleName}.jsonl`, metaText, exampleName),
      (error: unknown) => reject(`Cannot load the example ${exampleName}: ${messageOf(error)}`),
    );
  };

  el.openExample.addEventListener('click', () => openExample(el.example.value));
  el.file.addEventListener('change', () => {
    const files = [...(el.file.files ?? [])];
    const results = files.find((f) => !/sweep\.json$/i.test(f.name)) ?? files[0];
    if (!results) return;
    const metaFile = files.find((f) => f !== results && /\.json$/i.test(f.name));
    Promise.all([results.text(), metaFile ? metaFile.text() : Promise.resolve(null)]).then(
      ([text, metaText]) => open(text, results.name, metaText),
      (error: unknown) => reject(`Cannot read ${results.name}: ${messageOf(error)}`),
    );
  });
  for (const select of [el.x, el.y, el.value]) {
    select.addEventListener('change', () => {
      state.onKeys(keys());
      redraw();
    });
  }
  chart.onClick((datum) => {
    const row = typeof datum?.row === 'number' && table ? table.rows[datum.row] : undefined;
    if (row) state.onOpenPoint(pointParams(row), meta, name);
  });
  el.exportSvg.addEventListener('click', () => {
    chart.toSvg().then((svg) => download(`${fileStem(name)}-heatmap.svg`, svg, 'image/svg+xml'), exportError(el.notice));
  });
  el.exportPng.addEventListener('click', () => {
    chart.toPng().then((png) => download(`${fileStem(name)}-heatmap.png`, png), exportError(el.notice));
  });

  // A link names an example (opened at once) or keys of a file the page cannot open by itself.
  const linked = link;
  if (linked?.example && examples.some((e) => e.name === linked.example)) {
    el.example.value = linked.example;
    openExample(linked.example);
  } else if (linked && (linked.x || linked.y || linked.value)) {
    const axes = [linked.y, linked.x].filter(Boolean).join(' × ');
    showNotice(el.notice, `This link shows a heatmap of ${axes || 'a sweep'}${linked.value ? ` coloured by ${linked.value}` : ''}. Open its results file (results.jsonl from mesalab sweep) to see it.`, false);
    el.notice.classList.add('prompt');
  }

  let lastWidth = el.chart.clientWidth;
  return {
    resize() {
      if (!table || el.chart.clientWidth === 0 || Math.abs(el.chart.clientWidth - lastWidth) < 2) return;
      lastWidth = el.chart.clientWidth;
      redraw();
    },
  };
}

function readMeta(text: string): SweepMeta | null {
  try {
    const json = JSON.parse(text) as { spec?: { base?: unknown; solver?: string; labels?: Record<string, string> } };
    if (!json.spec || json.spec.base === undefined) return null;
    return { base: json.spec.base, ...(json.spec.solver ? { solver: json.spec.solver } : {}), labels: json.spec.labels ?? {} };
  } catch {
    return null;
  }
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return response.text();
}

function exportError(notice: HTMLElement) {
  return (error: unknown) => showNotice(notice, `Export failed: ${messageOf(error)}`, true);
}

function showNotice(notice: HTMLElement, text: string, isError: boolean): void {
  notice.textContent = text;
  notice.classList.toggle('error', isError);
  notice.classList.remove('prompt');
  notice.hidden = text === '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

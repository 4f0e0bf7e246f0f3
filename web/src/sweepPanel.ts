/**
 * The sweep view: open a results file from `mesalab sweep`, choose the x, y and colour keys among
 * its numeric fields, and see the library's heatmap of it. The chosen keys are reported to the
 * page (for its URL); a file opened later takes the preferred keys it has.
 */
import { ChartView } from './chartView.ts';
import { sweepHeatmapSpec } from './heatmapSpec.ts';
import { download, fileStem } from './download.ts';
import { cellMeans, chooseAxes, parseSweepLines, type SweepAxes, type SweepTable } from './sweepFile.ts';

export interface SweepElements {
  readonly file: HTMLInputElement;
  readonly x: HTMLSelectElement;
  readonly y: HTMLSelectElement;
  readonly value: HTMLSelectElement;
  readonly notice: HTMLElement;
  readonly chart: HTMLElement;
  readonly exportSvg: HTMLButtonElement;
  readonly exportPng: HTMLButtonElement;
}

export interface SweepPanelState {
  /** Axes to use when a file has them (e.g. from a shared link). */
  preferredAxes(): Partial<SweepAxes>;
  /** The axes on screen changed (a file was opened, or a key chosen). */
  onAxes(axes: SweepAxes): void;
}

export function setUpSweepPanel(el: SweepElements, state: SweepPanelState): void {
  const chart = new ChartView(el.chart);
  let table: SweepTable | null = null;
  let name = 'sweep';

  const draw = async () => {
    if (!table) return;
    const { rows, maxPerCell } = cellMeans(table.rows, el.x.value, el.y.value, el.value.value);
    const notes: string[] = [`${table.rows.length} results`];
    if (maxPerCell > 1) notes.push(`up to ${maxPerCell} results share a cell: its colour is their mean`);
    if (table.skippedLines.length > 0) notes.push(`skipped ${table.skippedLines.length} lines that are not JSON objects (line ${table.skippedLines.slice(0, 5).join(', ')}${table.skippedLines.length > 5 ? ', …' : ''})`);
    showNotice(el.notice, notes.join(' · '), false);
    const width = Math.max(280, el.chart.clientWidth);
    const [x, y, value] = [el.x.value, el.y.value, el.value.value];
    const cells = rows.map((r) => ({ x: r[x] as number, y: r[y] as number, value: r[value] ?? null }));
    await chart.show(sweepHeatmapSpec({ cells, title: name, xTitle: axisLabel(x), yTitle: axisLabel(y), valueTitle: axisLabel(value), width }));
    el.exportSvg.disabled = false;
    el.exportPng.disabled = false;
  };
  const redraw = () => {
    draw().catch((error: unknown) => showNotice(el.notice, `Cannot draw the heatmap: ${messageOf(error)}`, true));
  };

  el.file.addEventListener('change', () => {
    const file = el.file.files?.[0];
    if (!file) return;
    file.text().then((text) => {
      const parsed = parseSweepLines(text);
      if (parsed.numericKeys.length === 0) {
        table = null;
        chart.clear();
        showNotice(el.notice, `${file.name} has no numeric fields to plot; expected JSON Lines from mesalab sweep`, true);
        return;
      }
      table = parsed;
      name = file.name.replace(/\.jsonl?$/i, '');
      const axes = chooseAxes(parsed, state.preferredAxes());
      for (const [select, key] of [[el.x, axes.x], [el.y, axes.y], [el.value, axes.value]] as const) {
        select.replaceChildren(...parsed.numericKeys.map((k) => new Option(k, k)));
        select.value = key;
        select.disabled = false;
      }
      state.onAxes(axes);
      redraw();
    }, (error: unknown) => showNotice(el.notice, `Cannot read ${file.name}: ${messageOf(error)}`, true));
  });
  for (const select of [el.x, el.y, el.value]) {
    select.addEventListener('change', () => {
      state.onAxes({ x: el.x.value, y: el.y.value, value: el.value.value });
      redraw();
    });
  }
  el.exportSvg.addEventListener('click', () => {
    chart.toSvg().then((svg) => download(`${fileStem(name)}-heatmap.svg`, svg, 'image/svg+xml'), exportError(el.notice));
  });
  el.exportPng.addEventListener('click', () => {
    chart.toPng().then((png) => download(`${fileStem(name)}-heatmap.png`, png), exportError(el.notice));
  });
}

function exportError(notice: HTMLElement) {
  return (error: unknown) => showNotice(notice, `Export failed: ${messageOf(error)}`, true);
}

/** `params.schedule.training` → `schedule.training`: the config path or metric name. */
function axisLabel(key: string): string {
  return key.replace(/^(params|metrics)\./, '');
}

function showNotice(notice: HTMLElement, text: string, isError: boolean): void {
  notice.textContent = text;
  notice.classList.toggle('error', isError);
  notice.hidden = text === '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

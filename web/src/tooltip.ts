/**
 * Vega's tooltips as a small table beside the pointer (vega itself would only set the canvas's
 * `title`): the hovered episode and every series' value at it, as the chart's tooltip encoding
 * lists them. One element per chart, reused.
 */
import type { TooltipHandler } from 'vega';

export function tooltipHandler(container: HTMLElement): TooltipHandler {
  const box = document.createElement('div');
  box.className = 'chart-tooltip';
  box.setAttribute('role', 'status');
  box.hidden = true;
  container.append(box);
  return (_handler, event, _item, value) => {
    if (value === null || value === undefined || typeof value !== 'object') {
      box.hidden = true;
      return;
    }
    const rows = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '');
    const table = document.createElement('table');
    for (const [key, v] of rows) {
      const tr = table.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = key;
      tr.append(th);
      tr.insertCell().textContent = String(v);
    }
    box.replaceChildren(table);
    box.hidden = false;
    place(box, container, event);
  };
}

/** Beside the pointer, flipped to the other side near the container's right or bottom edge. */
function place(box: HTMLElement, container: HTMLElement, event: MouseEvent): void {
  const bounds = container.getBoundingClientRect();
  const x = event.clientX - bounds.left;
  const y = event.clientY - bounds.top;
  const left = x + 14 + box.offsetWidth > bounds.width ? x - 14 - box.offsetWidth : x + 14;
  const top = y + 14 + box.offsetHeight > bounds.height ? Math.max(0, y - 14 - box.offsetHeight) : y + 14;
  box.style.left = `${Math.max(0, left)}px`;
  box.style.top = `${top}px`;
}

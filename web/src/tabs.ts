/**
 * The WAI-ARIA tabs pattern for a role=tablist: one tab in the tab order (the selected one), the
 * arrow keys move to the previous or next tab and select it, Home and End to the first and last;
 * each tab names its panel with aria-controls (in the markup), and the panel is labelled by the
 * selected tab.
 */
export function tabList(list: HTMLElement, onSelect: (tab: HTMLButtonElement) => void): { show(selected: (tab: HTMLButtonElement) => boolean): void } {
  const tabs = () => [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  for (const tab of tabs()) tab.addEventListener('click', () => onSelect(tab));
  list.addEventListener('keydown', (event) => {
    const all = tabs();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowLeft: at - 1, ArrowUp: at - 1, ArrowRight: at + 1, ArrowDown: at + 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = all[(next + all.length) % all.length];
    tab.focus();
    onSelect(tab);
  });
  return {
    show(selected) {
      for (const tab of tabs()) {
        const on = selected(tab);
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
        if (on && panel) panel.setAttribute('aria-labelledby', tab.id);
      }
    },
  };
}

/**
 * The learning-rate box: comma-separated items, each a learning rate `ℓ` (one episode) or a run
 * `ℓ x count` (also `×` or `*`), as the library's schedule spec. The page reads the numbers as
 * people type them (`1x1e7`, `0x10 000`) and hands the library a spec in its own notation; an item
 * it cannot be sure of is refused with the reason — `1e7` alone would be one episode at
 * ℓ = 10⁷, which nobody means, so it asks for `1x1e7` (or `1e7x1`, if that was meant).
 */
import { readNumber, readWholeNumber } from './numberText.ts';

export type ScheduleReading = { readonly ok: true; readonly spec: string } | { readonly ok: false; readonly reason: string };

/** A lone learning rate at least this large and whole is more likely an episode count. */
const COUNT_LIKE = 10;

export function readScheduleSpec(text: string): ScheduleReading {
  if (text.trim() === '') return { ok: false, reason: 'is empty; give at least one episode, e.g. 1x20,0x80' };
  const items: string[] = [];
  // Commas separate items here, so they cannot group digits: 1x10 000 or 1x1e4, not 1x10,000.
  for (const [index, raw] of text.split(',').entries()) {
    const reading = readItem(raw.trim(), index + 1);
    if (!reading.ok) return reading;
    items.push(reading.spec);
  }
  return { ok: true, spec: items.join(',') };
}

function readItem(item: string, position: number): ScheduleReading {
  const where = `item ${position} ("${item}")`;
  if (item === '') return { ok: false, reason: `${where} is empty; remove the extra comma` };
  const parts = item.split(/\s*[x×*]\s*/);
  if (parts.length > 2) return { ok: false, reason: `${where}: write one learning rate and one count, e.g. 1x20` };
  const rate = readNumber(parts[0]);
  if (!rate.ok) return { ok: false, reason: `${where}: the learning rate ${rate.reason}` };
  if (rate.value < 0) return { ok: false, reason: `${where}: a learning rate must be 0 (deployment) or more, not ${rate.value}` };
  if (parts.length === 1) {
    if (rate.value >= COUNT_LIKE && Number.isInteger(rate.value)) {
      return { ok: false, reason: `${where} is one episode at learning rate ℓ = ${rate.value}. For ${rate.value} episodes at ℓ = 1 write 1x${parts[0]}; for that learning rate write ${parts[0]}x1` };
    }
    return { ok: true, spec: String(rate.value) };
  }
  const count = readWholeNumber(parts[1]);
  if (!count.ok) return { ok: false, reason: `${where}: the episode count ${count.reason}` };
  if (count.value < 0) return { ok: false, reason: `${where}: the episode count must be 0 or more` };
  return { ok: true, spec: `${rate.value}x${count.value}` };
}

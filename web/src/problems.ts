/**
 * Where each problem of a setting is shown, and in what words. A problem sits at the control the
 * library names when that control is on screen; a problem of the whole scenario (no solver can
 * play it, a clash of fields) or of a control that is not shown sits at the control the user
 * touched last — the change that caused it — and a problem at another control also leaves a
 * pointer there at the touched one. Messages are the page's plain words (messages.ts).
 */
import { plainMessage } from './messages.ts';
import { controlForError } from './setting.ts';

export interface Problem {
  /** The config path the library names, or null for the whole config. */
  readonly field: string | null;
  readonly message: string;
}

export interface PlacedProblems {
  /** Message per control key. */
  readonly atControls: ReadonlyMap<string, string>;
  /** Problems that belong to no control (shown over the controls). */
  readonly general: readonly string[];
  /** One line per problem naming its control, for the live region and the banner. */
  readonly summary: readonly string[];
}

export interface ControlLookup {
  readonly keys: readonly string[];
  /** Whether the control is on screen (shown, its group open or openable). */
  isShown(key: string): boolean;
  label(key: string): string;
}

/** Keys whose problems concern the scenario as a whole rather than the control. */
const WHOLE_SCENARIO = new Set(['solver', 'config']);

export function placeProblems(problems: readonly Problem[], touched: string | null, controls: ControlLookup): PlacedProblems {
  const atControls = new Map<string, string>();
  const general: string[] = [];
  const summary: string[] = [];
  const put = (key: string, message: string) => {
    if (!atControls.has(key)) atControls.set(key, message);
  };
  for (const p of problems) {
    const message = plainMessage(p.message);
    const named = p.field === null ? null : controlForError(p.field, controls.keys);
    const usable = named !== null && controls.isShown(named) && !(WHOLE_SCENARIO.has(named) && touched !== null && touched !== named);
    if (usable) {
      put(named, message);
      summary.push(`${controls.label(named)}: ${message}`);
      if (touched !== null && touched !== named && controls.isShown(touched)) put(touched, `with this value, ${controls.label(named)} ${startsAsVerb(message) ? '' : 'says: '}${message}`);
    } else if (touched !== null && controls.isShown(touched)) {
      const where = named !== null && !WHOLE_SCENARIO.has(named) ? `${controls.label(named)} ${message}` : message;
      put(touched, where);
      summary.push(`${controls.label(touched)}: ${where}`);
    } else {
      const where = named !== null ? `${controls.label(named)}: ${message}` : p.field && p.field !== 'config' ? `${p.field}: ${message}` : message;
      general.push(where);
      summary.push(where);
    }
  }
  return { atControls, general, summary };
}

/** "must be …", "is …", "needs …": messages that continue a field's name as a sentence. */
function startsAsVerb(message: string): boolean {
  return /^(must|is|needs|has|cannot|clashes|give|expected)\b/.test(message);
}

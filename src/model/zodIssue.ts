/**
 * One zod issue as one line that names the field: zod's own text for most issues, but an
 * unknown-keys issue lists at most a few names (a file with 50,000 unknown keys gets a short
 * line, not a 50,000-name one) and, when known, the fields that are allowed there.
 */
import type { z } from 'zod';
import { InputError } from '../errors/inputError.ts';

const SHOWN_KEYS = 3;

/** The first issue of `error` as an InputError; `allowed` gives the field names allowed at a path ('' for the root). */
export function zodIssueToInputError(error: z.ZodError, rootField: string, allowed?: (path: string) => readonly string[] | undefined): InputError {
  // A misspelt field shows as both unknown and missing: the unknown one says more.
  const issue = error.issues.find((i) => i.code === 'unrecognized_keys') ?? error.issues[0];
  const path = issue.path.map(String).join('.');
  const field = path === '' ? rootField : path;
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys;
    const shown = keys.slice(0, SHOWN_KEYS).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k)).join(', ');
    const more = keys.length > SHOWN_KEYS ? ` and ${keys.length - SHOWN_KEYS} more` : '';
    const known = allowed?.(path);
    const list = known === undefined ? '' : `; allowed: ${known.join(', ')}`;
    return new InputError(field, `unknown field${keys.length > 1 ? 's' : ''} ${shown}${more}${list}`);
  }
  return new InputError(field, issueMessage(issue));
}

/** zod's message, except that a missing field says so ("is missing (expected number)"). */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return `is missing (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '').replace(/\b(record|object)$/, 'map')})`;
  }
  return issue.message;
}

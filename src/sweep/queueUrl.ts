/** Queue options checked where they enter, apart from queue.ts so that checking them does not load BullMQ. */
import { InputError } from '../errors/inputError.ts';

/** The queue that `mesalab sweep --queue` and `mesalab worker` use unless told otherwise. */
export const DEFAULT_QUEUE_NAME = 'mesalab-sweep';

/** Checks a Redis URL (redis:// or rediss://, host and port) where it enters. */
export function parseRedisUrl(text: string, field = '--queue'): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InputError(field, `expected a Redis URL such as redis://127.0.0.1:6379, got "${text}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new InputError(field, `expected a redis:// or rediss:// URL, got "${text}"`);
  }
  return text;
}

/**
 * Ctrl-C during a sweep: rows are appended whole, one write per batch, and a signal handler runs
 * between those writes (never inside one), so stopping at once leaves a results file of whole
 * rows that `--resume` finishes. The handler says so, then exits with 130 (128 + SIGINT); the
 * results file's lock is released by its exit handler. A second Ctrl-C is not needed.
 */

/** Handles SIGINT by printing `message()` and exiting 130; returns the function that removes the handler. */
export function stopOnInterrupt(message: () => string): () => void {
  const handler = () => {
    process.stderr.write(`\n${message()}\n`);
    process.exit(130);
  };
  process.once('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

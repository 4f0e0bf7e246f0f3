/** Saving exports: a Blob handed to the browser as a file download. */

export function download(filename: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only has to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A name fit for a file: `seed-1 (modified)` → `seed-1-modified`. */
export function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'mesalab';
}

/**
 * JSON.parse keeps the last of two equal keys without a word; YAML refuses them. So that a
 * config means the same in either syntax, JSON text is scanned once (linear time, after
 * JSON.parse has accepted it) for a key that appears twice in one object.
 */

/** The first key that appears twice in one object of valid JSON `text`, with its path; undefined if none. */
export function firstDuplicateKey(text: string): { key: string; path: string } | undefined {
  // One entry per open container: the keys seen so far (objects) or null (arrays), and its path.
  const keys: (Set<string> | null)[] = [];
  const paths: string[] = [];
  let expectKey = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const top = keys[keys.length - 1];
      if (expectKey && top) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.has(key)) return { key, path: paths[paths.length - 1] };
        top.add(key);
        lastKey = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const parent = paths.length === 0 ? '' : paths[paths.length - 1];
      const inObject = keys.length > 0 && keys[keys.length - 1] !== null;
      paths.push(keys.length === 0 ? '' : inObject ? join(parent, lastKey) : `${parent}[]`);
      keys.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keys.pop();
      paths.pop();
    } else if (c === 0x2c /* , */) {
      expectKey = keys[keys.length - 1] != null;
    }
  }
  return undefined;
}

const join = (parent: string, key: string) => (parent === '' ? key : `${parent}.${key}`);

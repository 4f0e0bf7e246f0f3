/**
 * Zeroed Float64Arrays for short results (a 100-episode plan), carved from shared 64 KiB
 * buffers, as Node's Buffer pool does for small Buffers. V8 keeps a typed array of at most 64
 * bytes on its heap, but gives a larger one its own zeroed backing store outside it, which costs
 * 1–2.5 µs: as much as solving the seed's 100 episodes. A view on a shared buffer costs about
 * 0.1 µs.
 *
 * Each chunk is handed out once and a fresh ArrayBuffer is zeroed, so every array starts at 0.
 * The price: an array's `.buffer` is the shared slab, so a caller that transfers buffers (a
 * worker's postMessage) must transfer only arrays that own theirs (`ownsBuffer`); and a kept
 * array keeps its slab alive, at most 64 KiB for 4 KiB of data (arrays longer than 512 entries
 * get a buffer of their own).
 */

const SLAB_BYTES = 1 << 16;
const LONGEST_SHARED = 512;

let slab = new ArrayBuffer(SLAB_BYTES);
let offset = 0;

/** A zeroed Float64Array of `length` entries (see the top for when its buffer is shared). */
export function newFloat64Array(length: number): Float64Array {
  if (length > LONGEST_SHARED) return new Float64Array(length);
  const bytes = 8 * length;
  // A slab that was transferred away is detached: its byteLength reads 0.
  if (offset + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    offset = 0;
  }
  const array = new Float64Array(slab, offset, length);
  offset += bytes;
  return array;
}

/** True when the array is the whole of its buffer, so transferring the buffer moves only it. */
export const ownsBuffer = (array: ArrayBufferView): boolean => array.byteOffset === 0 && array.byteLength === array.buffer.byteLength;

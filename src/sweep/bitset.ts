/** A fixed-size set of point ids, one bit each: 10⁸ points take 12.5 MB, whatever the rows hold. */
export class Bitset {
  readonly size: number;
  private readonly bits: Uint8Array;
  private members = 0;

  constructor(size: number) {
    this.size = size;
    this.bits = new Uint8Array(Math.ceil(size / 8));
  }

  has(i: number): boolean {
    return (this.bits[i >>> 3] & (1 << (i & 7))) !== 0;
  }

  /** Adds i; false if it was already there. */
  add(i: number): boolean {
    if (this.has(i)) return false;
    this.bits[i >>> 3] |= 1 << (i & 7);
    this.members++;
    return true;
  }

  get count(): number {
    return this.members;
  }
}

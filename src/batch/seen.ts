/**
 * The household ids a CSV batch has already closed, so that a household whose rows come back later
 * is caught instead of silently becoming a second household.
 *
 * Exact, not probabilistic: a Bloom filter or a set of 64-bit hashes would be smaller, but a
 * collision would wrongly reject a household, and an exact check behind a filter needs the ids
 * anyway. So the ids themselves are kept, compactly: UTF-8 bytes in one growing arena (with the
 * line of the household's first row), found through an open-addressing table of 32-bit hashes and
 * arena offsets. Measured with ids of 10 characters: ~41 bytes a household, growth slack included
 * (165 MB for 4 million; a Set<string> takes ~53 and cannot give the line); one hash and a probe or
 * two per household — nothing per row.
 */
const encoder = new TextEncoder();
const HEADER_BYTES = 8; // line (u32), byte length (u32)

export class SeenIds {
  private hashes = new Uint32Array(1 << 12);
  /** Arena offset + 1 of each slot's entry; 0 for an empty slot. */
  private offsets = new Uint32Array(1 << 12);
  private arena = new Uint8Array(1 << 16);
  private view = new DataView(this.arena.buffer);
  private used = 0;
  private count = 0;
  private scratch = new Uint8Array(256);

  get size(): number {
    return this.count;
  }

  /** Adds `id` first seen at `line`; returns 0 if it is new, else the line it was added with. */
  add(id: string, line: number): number {
    const length = this.encode(id);
    const hash = fnv1a(id);
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    for (let offset = this.offsets[slot] as number; offset !== 0; offset = this.offsets[slot] as number) {
      if (this.hashes[slot] === hash && this.equals(offset - 1, length)) return this.view.getUint32(offset - 1);
      slot = (slot + 1) & mask;
    }
    const at = this.append(line, length);
    this.hashes[slot] = hash;
    this.offsets[slot] = at + 1;
    this.count += 1;
    if (this.count * 10 > this.hashes.length * 7) this.grow();
    return 0;
  }

  /** The id's UTF-8 bytes into `scratch`; returns their length. */
  private encode(id: string): number {
    if (id.length * 3 > this.scratch.length) this.scratch = new Uint8Array(id.length * 3);
    return encoder.encodeInto(id, this.scratch).written;
  }

  private equals(at: number, length: number): boolean {
    if (this.view.getUint32(at + 4) !== length) return false;
    const start = at + HEADER_BYTES;
    for (let i = 0; i < length; i += 1) if (this.arena[start + i] !== this.scratch[i]) return false;
    return true;
  }

  private append(line: number, length: number): number {
    const need = this.used + HEADER_BYTES + length;
    if (need > this.arena.length) {
      // By half again, not double: the arena is most of the memory, and the slack is what is lost.
      const bigger = new Uint8Array(Math.max(need, Math.ceil(this.arena.length * 1.5)));
      bigger.set(this.arena.subarray(0, this.used));
      this.arena = bigger;
      this.view = new DataView(bigger.buffer);
    }
    const at = this.used;
    this.view.setUint32(at, line);
    this.view.setUint32(at + 4, length);
    this.arena.set(this.scratch.subarray(0, length), at + HEADER_BYTES);
    this.used = need;
    return at;
  }

  /** Doubles the table; the stored hashes place the entries again without reading the ids. */
  private grow(): void {
    const hashes = new Uint32Array(this.hashes.length * 2);
    const offsets = new Uint32Array(this.offsets.length * 2);
    const mask = hashes.length - 1;
    for (let i = 0; i < this.offsets.length; i += 1) {
      const offset = this.offsets[i] as number;
      if (offset === 0) continue;
      const hash = this.hashes[i] as number;
      let slot = hash & mask;
      while (offsets[slot] !== 0) slot = (slot + 1) & mask;
      hashes[slot] = hash;
      offsets[slot] = offset;
    }
    this.hashes = hashes;
    this.offsets = offsets;
  }
}

/** FNV-1a over UTF-16 code units, then a final mix so that the low bits (the slot) vary well. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

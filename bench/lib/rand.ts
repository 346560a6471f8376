/**
 * A small seeded pseudo-random generator for the province generator: the same seed gives the
 * same province, row for row (issue #17). Not for anything secret.
 */

/** 32-bit FNV-1a of a string: turns "seed:tenant:stream" into a generator seed. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rand {
  // sfc32: 128 bits of state, so that the millions of ids and tracking codes of a province do not
  // repeat (a 32-bit state, as mulberry32's, would give only 2^32 distinct ids).
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: string) {
    this.a = hash32(`${seed}:a`);
    this.b = hash32(`${seed}:b`);
    this.c = hash32(`${seed}:c`);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }
  /** A uniform 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Pick by weight: `[[value, weight], …]`. */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of list) total += w;
    let x = this.next() * total;
    for (const [v, w] of list) {
      x -= w;
      if (x < 0) return v;
    }
    return list[list.length - 1]![0];
  }
  /** A version-4-shaped UUID from the stream (deterministic, not unguessable). */
  uuid(): string {
    const h = (n: number) => n.toString(16).padStart(8, '0');
    const a = h(this.u32());
    const b = h(this.u32());
    const c = h(this.u32());
    const d = h(this.u32());
    const variant = ((Number.parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

/**
 * A seeded pseudo-random source (sfc32), so the same seed, scale and clock build the same
 * organisation with the same ids: benchmarks can be rerun against identical data.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let index = 0; index < 16; index++) this.uint32();
  }

  /** An independent stream for one part of the generation, so adding draws in one part keeps the others stable. */
  fork(label: string): Random {
    let hash = 0x811c9dc5;
    for (let index = 0; index < label.length; index++) {
      hash = Math.imul(hash ^ label.charCodeAt(index), 0x01000193);
    }
    return new Random((this.uint32() ^ hash) >>> 0);
  }

  uint32(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const result = (t + this.d) | 0;
    this.c = (this.c + result) | 0;
    return result >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the entries, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** One of the items, with probability proportional to its `weight` (no allocation). */
  byWeight<T extends { weight: number }>(
    items: readonly T[],
    include: (item: T) => boolean = () => true,
  ): T | null {
    let total = 0;
    for (const item of items) if (include(item)) total += item.weight;
    if (total <= 0) return null;
    let roll = this.next() * total;
    let last: T | null = null;
    for (const item of items) {
      if (!include(item)) continue;
      last = item;
      roll -= item.weight;
      if (roll < 0) return item;
    }
    return last;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const size = Math.min(count, copy.length);
    for (let index = 0; index < size; index++) {
      const swap = index + Math.floor(this.next() * (copy.length - index));
      [copy[index], copy[swap]] = [copy[swap] as T, copy[index] as T];
    }
    return copy.slice(0, size);
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median: waiting times and sizes with a long tail. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A version 4 UUID drawn from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = (this.uint32() & 0xffff0fff) | 0x00004000;
    const c = (this.uint32() & 0x3fffffff) | 0x80000000;
    const d = this.uint32();
    return `${hex16(a >>> 16)}${hex16(a)}-${hex16(b >>> 16)}-${hex16(b)}-${hex16(c >>> 16)}-${hex16(c)}${hex16(d >>> 16)}${hex16(d)}`;
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** The low 16 bits as four hex digits. */
function hex16(value: number): string {
  return (BYTE_HEX[(value >>> 8) & 0xff] as string) + (BYTE_HEX[value & 0xff] as string);
}

/**
 * Splits `total` into integer shares proportional to `weights` (largest remainder), each at
 * least `minimum`, summing exactly to `total`.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const floor = minimum * weights.length;
  if (floor > total) throw new Error(`cannot give ${weights.length} shares ${minimum} each from ${total}`);
  const rest = total - floor;
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const exact = weights.map((weight) => (sum > 0 ? (weight / sum) * rest : rest / weights.length));
  const shares = exact.map((value) => Math.floor(value));
  let left = rest - shares.reduce((acc, share) => acc + share, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((x, y) => y.remainder - x.remainder);
  for (const { index } of order) {
    if (left <= 0) break;
    shares[index] = (shares[index] as number) + 1;
    left--;
  }
  return shares.map((share) => share + minimum);
}

/**
 * Deterministic identifiers. Every generated id comes from one seeded generator, so two emulators
 * started with the same seed and fed the same requests hand out the same ids (moto's `/moto-api/seed`).
 */

/** A small seeded PRNG (mulberry32) whose whole state is one 32-bit integer, so snapshots can save it. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator's state, for snapshots. */
  get snapshot(): number {
    return this.state;
  }

  /** Restores a state saved by `snapshot`. */
  restore(state: number): void {
    this.state = state >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, bound). */
  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i += 1) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A version-4 shaped UUID. */
  uuid(): string {
    const hex = this.chars("0123456789abcdef", 32).split("");
    hex[12] = "4";
    hex[16] = "89ab"[this.int(4)]!;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** Lowercase letters and digits, the alphabet of short id suffixes such as `vpce-xxxxxxxx`. */
export const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The seed used when none is given, so runs are reproducible by default. */
export const DEFAULT_SEED = 20240619;

/**
 * Seeded pseudo-random numbers for the generator: mulberry32, a 32-bit state that is fast and
 * good enough for synthetic data. Not for anything that needs unpredictability.
 *
 * @module
 */

/**
 * Turns a seed given on the command line into 32 bits: an integer as is, any other text by FNV-1a.
 *
 * @param {string | number} seed
 * @returns {number}
 * @example
 * seedFrom('42') //=> 42
 */
export function seedFrom(seed) {
  const text = String(seed)
  if (/^\d+$/.test(text)) return Number(text) >>> 0
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A deterministic random source with the few draws the generator needs. */
export class Random {
  /** @param {number} seed 32-bit seed */
  constructor(seed) {
    /** @type {number} */
    this.state = seed >>> 0
  }

  /** @returns {number} uniform in [0, 1) */
  float() {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /**
   * @param {number} n exclusive upper bound
   * @returns {number} integer in [0, n)
   */
  int(n) {
    return Math.floor(this.float() * n)
  }

  /**
   * @param {number} lo
   * @param {number} hi
   * @returns {number} integer in [lo, hi]
   */
  range(lo, hi) {
    return lo + Math.floor(this.float() * (hi - lo + 1))
  }

  /**
   * @param {number} p probability
   * @returns {boolean}
   */
  chance(p) {
    return this.float() < p
  }

  /**
   * @template T
   * @param {readonly T[]} list
   * @returns {T}
   */
  pick(list) {
    return /** @type {T} */ (list[Math.floor(this.float() * list.length)])
  }

  /**
   * Exponentially distributed value (Poisson inter-arrival times).
   *
   * @param {number} mean
   * @returns {number}
   */
  exp(mean) {
    return -Math.log(1 - this.float()) * mean
  }

  /**
   * Picks from a table built by {@link weights}.
   *
   * @template T
   * @param {{ total: number, cumulative: number[], values: T[] }} table
   * @returns {T}
   */
  weighted(table) {
    const x = this.float() * table.total
    const c = table.cumulative
    let i = 0
    while (i < c.length - 1 && x >= /** @type {number} */ (c[i])) i++
    return /** @type {T} */ (table.values[i])
  }
}

/**
 * Builds a weighted choice table from `[weight, value]` pairs.
 *
 * @template T
 * @param {ReadonlyArray<readonly [number, T]>} pairs
 * @returns {{ total: number, cumulative: number[], values: T[] }}
 * @example
 * rng.weighted(weights([[3, 'a'], [1, 'b']])) //~> 'a' three times out of four
 */
export function weights(pairs) {
  let total = 0
  const cumulative = []
  const values = []
  for (const [w, v] of pairs) {
    total += w
    cumulative.push(total)
    values.push(v)
  }
  return { total, cumulative, values }
}

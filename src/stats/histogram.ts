/**
 * Percentiles of delays with bounded memory. Values are counted per bucket of three
 * significant digits (0.123, 1.23, 12.3, 123, 1230…), so at most 900 buckets per power of ten.
 * Postfix logs `delay=` and `delays=` with at most two significant digits below 10 s and whole
 * seconds above (`global/log_adhoc.c`), so every value below 1000 s lands in its own bucket and
 * those percentiles are exact; above 1000 s a percentile is off by less than 0.5 % of the
 * value. The maximum is kept exactly.
 *
 * Percentiles use the nearest-rank method: p50 is the smallest value that at least half of
 * the values are at or below.
 *
 * @module
 */

/** A delay histogram. */
export interface Histogram {
  /** Bucket value → number of values in it. */
  readonly buckets: Map<number, number>
  count: number
  sum: number
  max: number
}

/** Percentiles of a histogram, in seconds; all 0 when it is empty. */
export interface Percentiles {
  readonly count: number
  readonly mean: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
}

/** An empty histogram. */
export function createHistogram(): Histogram {
  return { buckets: new Map(), count: 0, sum: 0, max: 0 }
}

/** Rounds to three significant digits (integers below 1000 and short decimals stay as they are). */
function bucketOf(v: number): number {
  if (v <= 0) return 0
  if (v < 1000 && Number.isInteger(v * 100)) return v
  return Number(v.toPrecision(3))
}

/**
 * Adds a value (seconds). Negative and non-finite values are ignored.
 *
 * @example
 * const h = createHistogram()
 * for (const v of [0.2, 1.2, 31]) addValue(h, v)
 * percentiles(h) //=> { count: 3, mean: 10.8, p50: 1.2, p90: 31, p99: 31, max: 31 }
 */
export function addValue(h: Histogram, v: number): void {
  if (!(v >= 0) || v === Number.POSITIVE_INFINITY) return
  const b = bucketOf(v)
  h.buckets.set(b, (h.buckets.get(b) ?? 0) + 1)
  h.count++
  h.sum += v
  if (v > h.max) h.max = v
}

/** p50/p90/p99 (nearest rank), mean and exact maximum. */
export function percentiles(h: Histogram): Percentiles {
  if (h.count === 0) return { count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 }
  const sorted = [...h.buckets].sort((a, b) => a[0] - b[0])
  const at = (p: number): number => {
    const rank = Math.ceil((p / 100) * h.count)
    let seen = 0
    for (const [v, n] of sorted) {
      seen += n
      if (seen >= rank) return Math.min(v, h.max)
    }
    return h.max
  }
  return {
    count: h.count,
    mean: Math.round((h.sum / h.count) * 1000) / 1000,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: h.max,
  }
}

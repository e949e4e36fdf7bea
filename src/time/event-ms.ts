/**
 * An event's time in epoch ms, for code that orders or windows events. Resolved times are ISO
 * 8601 with an offset; an unresolved one is the stamp as written (`Feb 30 12:00:01`), which
 * `Date.parse` would read as a day of some year of its own, so it gives NaN instead.
 *
 * @module
 */

/**
 * A reader of event times with a one-entry cache: consecutive lines mostly share their second.
 * Give each interleaved stream its own.
 *
 * @example
 * const ms = createEventMs()
 * ms('2025-03-01T12:00:01+01:00') //=> 1740826801000
 * ms('Mar  1 12:00:01')           //=> NaN
 */
export function createEventMs(): (time: string) => number {
  let last = ''
  let lastMs = Number.NaN
  return (time) => {
    if (time !== last) {
      last = time
      const c = time.charCodeAt(0)
      lastMs = c >= 48 && c <= 57 ? Date.parse(time) : Number.NaN
    }
    return lastMs
  }
}

/**
 * Wall-clock rendering for the generator: syslog stamps (RFC 3164 `Mar  1 12:00:01` with the
 * space-padded day, or rsyslog RFC 3339 `2025-03-01T12:00:01.123456+00:00`) in an IANA zone.
 * Zone offsets come from `Intl` once per minute of log, not once per line.
 *
 * @module
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** @param {number} n */
const pad2 = (n) => (n < 10 ? '0' + n : String(n))

/**
 * @typedef {object} WallTime
 * @property {number} year
 * @property {number} month 1-12
 * @property {number} day
 * @property {number} hour
 * @property {number} minute
 * @property {number} second
 */

/**
 * Returns a function giving the wall-clock fields of an instant (milliseconds) in `zone`.
 * Throws a RangeError naming the zone when it is unknown.
 *
 * @param {string} zone IANA zone name, or `UTC`
 * @returns {(ms: number) => WallTime}
 */
export function wallClock(zone) {
  if (zone === 'UTC') {
    return (ms) => {
      const d = new Date(ms)
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
      }
    }
  }
  let dtf
  try {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
  } catch {
    throw new RangeError(`--zone: unknown time zone "${zone}"`)
  }
  return (ms) => {
    /** @type {Record<string, number>} */
    const f = {}
    for (const p of dtf.formatToParts(new Date(ms))) if (p.type !== 'literal') f[p.type] = Number(p.value)
    return {
      year: f.year ?? 0,
      month: f.month ?? 0,
      day: f.day ?? 0,
      hour: f.hour ?? 0,
      minute: f.minute ?? 0,
      second: f.second ?? 0,
    }
  }
}

/**
 * Offset of `zone` from UTC at an instant, in minutes.
 *
 * @param {(ms: number) => WallTime} wall
 * @param {number} ms
 * @returns {number}
 */
function offsetMinutes(wall, ms) {
  const w = wall(ms)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000)
}

/**
 * Reads `--start`: an ISO 8601 date-time; without an offset it is a wall time in `zone`.
 *
 * @param {string} text
 * @param {string} zone
 * @returns {number} milliseconds since the epoch
 * @example
 * parseStart('2025-02-28T23:20:00', 'Europe/Berlin') //=> Date.parse('2025-02-28T22:20:00Z')
 */
export function parseStart(text, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text,
  )
  if (!m)
    throw new RangeError(`--start: expected an ISO date-time such as 2025-02-28T23:20:00Z, got "${text}"`)
  if (m[7] !== undefined) return Date.parse(text)
  const guess = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6] ?? 0),
  )
  const wall = wallClock(zone)
  const first = guess - offsetMinutes(wall, guess) * 60000
  return guess - offsetMinutes(wall, first) * 60000
}

/**
 * Creates a stamp renderer for times in microseconds. BSD stamps are cached per second.
 *
 * @param {string} zone
 * @param {boolean} rfc3339 RFC 3339 with microseconds and offset instead of `Mmm dd hh:mm:ss`
 * @returns {(us: number) => string}
 * @example
 * createStamper('UTC', false)(Date.parse('2025-03-01T09:05:07Z') * 1000) //=> 'Mar  1 09:05:07'
 */
export function createStamper(zone, rfc3339) {
  const wall = wallClock(zone)
  let minuteKey = Number.NaN
  let bsdPrefix = ''
  let isoPrefix = ''
  let offset = ''
  let secondKey = Number.NaN
  let secondText = ''
  return (us) => {
    const sec = Math.floor(us / 1e6)
    if (sec === secondKey && !rfc3339) return secondText
    const minute = Math.floor(sec / 60)
    if (minute !== minuteKey) {
      minuteKey = minute
      const w = wall(minute * 60000)
      const day = w.day < 10 ? ' ' + w.day : String(w.day)
      bsdPrefix = `${MONTHS[w.month - 1]} ${day} ${pad2(w.hour)}:${pad2(w.minute)}:`
      isoPrefix = `${w.year}-${pad2(w.month)}-${pad2(w.day)}T${pad2(w.hour)}:${pad2(w.minute)}:`
      const off = offsetMinutes(wall, minute * 60000)
      const a = Math.abs(off)
      offset = `${off < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`
    }
    const s = pad2(sec - minute * 60)
    if (rfc3339) return `${isoPrefix}${s}.${String(us - sec * 1e6).padStart(6, '0')}${offset}`
    secondKey = sec
    secondText = bsdPrefix + s
    return secondText
  }
}

/**
 * `YYYYmmddHHMMSS` in UTC, as cleanup(8) puts in the message-ids it generates.
 *
 * @param {number} us
 * @returns {string}
 */
export function utcCompact(us) {
  return new Date(Math.floor(us / 1000)).toISOString().replace(/[-T:]/g, '').slice(0, 14)
}

/**
 * Postfix encodings the generator must reproduce exactly: delay values, short and long queue ids.
 * Sources: postfix/src/util/format_tv.c, global/mail_queue.h, global/safe_ultostr.c.
 *
 * @module
 */

const SAFE = '0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz'

/**
 * Formats a duration like `format_tv(buf, sec, usec, 2, 2)` (two significant digits, at most
 * two decimals): `0.05`, `0.5`, `1.2`, `12`, `305`.
 *
 * @param {number} us duration in microseconds (non-negative integer)
 * @returns {string}
 * @example
 * formatDelay(1_234_000) //=> '1.2'
 * formatDelay(4_000) //=> '0'
 */
export function formatDelay(us) {
  let sec = Math.floor(us / 1e6)
  let usec = us - sec * 1e6
  let ures = 10000
  if (sec > 0) {
    let n = 1
    while (sec >= n && n <= 10) n *= 10
    ures = 10000 * n
  }
  if (ures > 1) {
    usec += ures / 2
    if (usec >= 1e6) {
      sec += 1
      usec -= 1e6
    }
  }
  let out = String(sec)
  if (usec >= ures) {
    out += '.'
    let rem = usec
    for (let n = 100000; rem >= ures && n > 0; n = Math.floor(n / 10)) {
      out += String(Math.floor(rem / n))
      rem %= n
    }
  }
  return out
}

/**
 * @param {number} value
 * @param {number} base
 * @param {number} pad
 * @returns {string}
 */
function safeUltostr(value, base, pad) {
  let out = ''
  let v = Math.floor(value)
  while (v > 0) {
    out = SAFE[v % base] + out
    v = Math.floor(v / base)
  }
  return out.padStart(pad, '0')
}

/**
 * A short queue id: five upper-case hex digits of the microseconds, then the inode in hex.
 *
 * @param {number} us time of queue file creation, microseconds since the epoch
 * @param {number} inode
 * @returns {string}
 * @example
 * shortQueueId(1740873600_012345, 0x1a2b3c) //=> '030391A2B3C'
 */
export function shortQueueId(us, inode) {
  const usec = us % 1e6
  return usec.toString(16).toUpperCase().padStart(5, '0') + inode.toString(16).toUpperCase()
}

/**
 * A long queue id (`enable_long_queue_ids = yes`): seconds in base 52 (6+ characters),
 * microseconds in base 52 (4), `z`, the inode in base 51.
 *
 * @param {number} us
 * @param {number} inode
 * @returns {string}
 */
export function longQueueId(us, inode) {
  const sec = Math.floor(us / 1e6)
  return safeUltostr(sec, 52, 6) + safeUltostr(us % 1e6, 52, 4) + 'z' + safeUltostr(inode, 51, 0)
}

/**
 * Field scanners shared by the Postfix grammars: endpoints (`host[addr]:port`), addresses in
 * angle brackets, the smtpd/postscreen client tail (`; from=<a> to=<b> proto=ESMTP helo=<h>`),
 * SMTP replies and `queued as` ids. Hand-written: addresses may hold spaces (Postfix ≥ 3.5
 * logs quoted local parts, RELEASE_NOTES-3.5) and replies may hold `;` and `,`, so nothing
 * here splits free text on a separator.
 *
 * @module
 */

import type { Delays, Endpoint, Reply, Whatsup } from '../events/index.js'

/** An endpoint and the index just past it. */
export interface EndpointScan {
  readonly endpoint: Endpoint
  readonly end: number
}

/**
 * Reads `host[addr]` with an optional `:port` at `i`; the host may be empty (`[192.0.2.1]:25`).
 *   mx.example[198.51.100.7]:25: rest
 *   ^ i
 */
export function scanEndpoint(s: string, i: number): EndpointScan | undefined {
  const open = s.indexOf('[', i)
  if (open < 0) return undefined
  for (let k = i; k < open; k++) {
    const c = s.charCodeAt(k)
    if (c === 32 || c === 93) return undefined
  }
  const close = s.indexOf(']', open + 1)
  if (close < 0) return undefined
  const hostname = s.slice(i, open)
  const ip = s.slice(open + 1, close)
  let end = close + 1
  if (s.charCodeAt(end) === 58 /* : */) {
    let port = 0
    let k = end + 1
    for (let c = s.charCodeAt(k); c >= 48 && c <= 57; c = s.charCodeAt(++k)) port = port * 10 + c - 48
    if (k > end + 1) return { endpoint: { hostname, ip, port }, end: k }
  }
  end = close + 1
  return { endpoint: { hostname, ip }, end }
}

/**
 * Parses a whole string as an endpoint.
 *
 * @example
 * parseEndpoint('mx.example[198.51.100.7]:25') //=> { hostname: 'mx.example', ip: '198.51.100.7', port: 25 }
 */
export function parseEndpoint(s: string): Endpoint | undefined {
  const scan = scanEndpoint(s, 0)
  return scan && scan.end === s.length ? scan.endpoint : undefined
}

/** Finds the first `host[addr]` in free text (for diagnostics that name a client). */
export function findEndpoint(text: string): Endpoint | undefined {
  const m = /(?:^|[\s(<])([^\s[\](<]*)\[([^\]\s[]+)\](?::(\d+))?/.exec(text)
  if (!m) return undefined
  const ip = m[2]!
  // Addresses only: skip bracketed words such as `[more]` or `[private/x]` that are no peer.
  if (!/^[0-9a-fA-F:.]+$/.test(ip) && !ip.startsWith('IPv6:')) return undefined
  return m[3] ? { hostname: m[1]!, ip, port: Number(m[3]) } : { hostname: m[1]!, ip }
}

/** Strips one pair of angle brackets: `<a@b>` → `a@b`, `<>` → `''`. */
export function unbracket(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 60 && s.charCodeAt(s.length - 1) === 62 ? s.slice(1, -1) : s
}

/**
 * Reads a `<…>` value starting at `i` (on the `<`). The value ends at the last `>` before the
 * next separator (`, `, ` ` + key, or the end) so quoted local parts with spaces survive.
 * Returns the index just past `>`.
 */
export function angleEnd(s: string, i: number, sep: string): number {
  let k = s.indexOf('>' + sep, i + 1)
  if (k < 0) {
    k = s.lastIndexOf('>')
    return k <= i ? s.length : k + 1
  }
  return k + 1
}

const WHATSUP_KEYS: ReadonlyMap<string, keyof Whatsup> = new Map([
  ['from', 'from'],
  ['to', 'to'],
  ['proto', 'proto'],
  ['helo', 'helo'],
  ['sasl_method', 'saslMethod'],
  ['sasl_username', 'saslUsername'],
  ['sasl_sender', 'saslSender'],
])

/** Start of the client tail in a reject line (`; from=<…` … at the end), or -1. */
export function whatsupStart(s: string): number {
  for (const key of ['; from=<', '; to=<', '; proto=', '; helo=<']) {
    const k = s.lastIndexOf(key)
    if (k >= 0) return k
  }
  return -1
}

/**
 * Parses the client tail `from=<a> to=<b> proto=ESMTP helo=<h> sasl_method=…`
 * (smtpd, space-separated, `smtpd_check.c:1006-1027`) or `from=<a>, to=<b>, proto=ESMTP, helo=<h>`
 * (postscreen, comma-separated). Unknown keys are ignored.
 *
 * @example
 * parseWhatsup('from=<a@b> to=<c@d> proto=ESMTP helo=<h>') //=> { from: 'a@b', to: 'c@d', proto: 'ESMTP', helo: 'h' }
 */
export function parseWhatsup(s: string): Whatsup {
  const out: Record<string, string> = {}
  const n = s.length
  let i = 0
  while (i < n) {
    let c = s.charCodeAt(i)
    while (c === 32 || c === 44 || c === 59) c = s.charCodeAt(++i)
    if (i >= n) break
    const eq = s.indexOf('=', i)
    if (eq < 0) break
    const key = s.slice(i, eq)
    let value: string
    if (s.charCodeAt(eq + 1) === 60) {
      const end = angleEnd(s, eq + 1, s.indexOf(', ', eq) >= 0 ? ',' : ' ')
      value = s.slice(eq + 2, end - 1)
      i = end
    } else {
      let end = eq + 1
      while (end < n && s.charCodeAt(end) !== 32 && s.charCodeAt(end) !== 44) end++
      value = s.slice(eq + 1, end)
      i = end
    }
    const name = WHATSUP_KEYS.get(key)
    if (name) out[name] = value
  }
  return out as Whatsup
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57

/**
 * Splits an SMTP reply into code, enhanced status code and text.
 *
 * @example
 * parseReply('554 5.7.1 <x@ex.com>: Relay access denied') //=> { code: 554, dsn: '5.7.1', text: '<x@ex.com>: Relay access denied' }
 */
export function parseReply(s: string): Reply {
  let i = 0
  let code: number | undefined
  if (isDigit(s.charCodeAt(0)) && isDigit(s.charCodeAt(1)) && isDigit(s.charCodeAt(2))) {
    const c = s.charCodeAt(3)
    if (c === 32 || c === 45 || Number.isNaN(c)) {
      code = Number(s.slice(0, 3))
      i = c === 32 || c === 45 ? 4 : 3
    }
  }
  const m = /^[245]\.\d{1,3}\.\d{1,3}(?= |$)/.exec(s.slice(i, i + 12))
  if (m) {
    const dsn = m[0]
    const text = s.slice(i + dsn.length + 1)
    return code === undefined ? { dsn, text } : { code, dsn, text }
  }
  return code === undefined ? { text: s } : { code, text: s.slice(i) }
}

/** Splits `delays=a/b/c/d`; `undefined` when it is not four numbers. */
export function parseDelays(s: string): Delays | undefined {
  const a = s.indexOf('/')
  const b = s.indexOf('/', a + 1)
  const c = s.indexOf('/', b + 1)
  if (a <= 0 || b < 0 || c < 0 || s.indexOf('/', c + 1) >= 0) return undefined
  const beforeQueue = decimal(s, 0, a)
  const inQueue = decimal(s, a + 1, b)
  const connection = decimal(s, b + 1, c)
  const transmission = decimal(s, c + 1, s.length)
  if (Number.isNaN(beforeQueue + inQueue + connection + transmission)) return undefined
  return { beforeQueue, inQueue, connection, transmission }
}

/** `s[start, end)` as a number when it is digits with an optional fraction, else NaN. */
export function decimal(s: string, start: number, end: number): number {
  if (end <= start) return Number.NaN
  let v = 0
  let k = start
  for (let c = s.charCodeAt(k); k < end && c >= 48 && c <= 57; c = s.charCodeAt(++k)) v = v * 10 + c - 48
  if (k === end) return v
  return s.charCodeAt(k) === 46 && k > start ? Number(s.slice(start, end)) : Number.NaN
}

const QUEUED_AS =
  /(?:queued as|forwarded as) ([0-9A-Za-z]+)|^2\d\d[ -](?:2\.\d\.\d )?([0-9A-Za-z]{14,}) Message accepted|\bid=([0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})\b/g

/**
 * The next hop's queue id in a response: Postfix `queued as X` (the last one, so an amavis
 * `from MTA(…): 250 2.0.0 Ok: queued as X` yields the re-injected id), local `forwarded as X`,
 * Sendmail `X Message accepted for delivery` (`srvrsmtp.c:4598`) and Exim `id=X` (`1tXyZa-000Abc-12`;
 * amavis's own `id=36390-05` is not a queue id).
 *
 * @example
 * findQueuedAs('250 2.0.0 Ok: queued as 4XyZ9') //=> '4XyZ9'
 */
export function findQueuedAs(response: string): string | undefined {
  let id: string | undefined
  QUEUED_AS.lastIndex = 0
  for (let m = QUEUED_AS.exec(response); m; m = QUEUED_AS.exec(response)) id = m[1] ?? m[2] ?? m[3]
  return id
}

/**
 * Returns the text inside a balanced `( … )` that closes the string, starting at the `(` at `i`.
 * The last `)` of the line closes it: responses hold nested and unbalanced parentheses.
 */
export function parenTail(s: string, i: number): string {
  return s.charCodeAt(s.length - 1) === 41 ? s.slice(i + 1, -1) : s.slice(i + 1)
}

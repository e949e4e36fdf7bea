/**
 * Field scanners shared by the Sendmail grammars: peers (`[user@]host [addr] (may be
 * forged)`), `[D+]HH:MM:SS` intervals, recipient lists, and the `, key=value` lists of
 * from=/to=/ruleset=/STARTTLS= lines. Values are split at `, key=` for keys the line is known
 * to carry, never at every comma: addresses, message-ids and replies may hold commas.
 *
 * @module
 */

import type { Endpoint, SendmailPeer } from '../events/index.js'

/**
 * Parses a `[D+]HH:MM:SS` interval (`convtime.c` pintvl with `brief`) into seconds.
 *
 * @example
 * parseSendmailDelay('00:00:02')    //=> 2
 * parseSendmailDelay('1+02:03:04')  //=> 93784
 * parseSendmailDelay('soon')        //=> undefined
 */
export function parseSendmailDelay(s: string): number | undefined {
  const m = /^(?:(\d+)\+)?(\d{2,}):(\d{2}):(\d{2})$/.exec(s)
  if (!m) return undefined
  const days = m[1] === undefined ? 0 : Number(m[1])
  return ((days * 24 + Number(m[2])) * 60 + Number(m[3])) * 60 + Number(m[4])
}

/** Strips one pair of angle brackets: `<a@b>` → `a@b`, `<>` → `''`. */
export function unbracket(s: string): string {
  return s.length >= 2 && s.charCodeAt(0) === 60 && s.charCodeAt(s.length - 1) === 62 ? s.slice(1, -1) : s
}

const MAY_BE_FORGED = ' (may be forged)'

/**
 * Parses a peer as Sendmail logs it (`$_`, `daemon.c:4063-4073`; `CurSmtpClient`,
 * `srvrsmtp.c:1061`; `mci_host [addr]`, `deliver.c:5406-5416`).
 *
 * @example
 * parseSendmailPeer('mail.example.org [192.0.2.10] (may be forged)')
 * //=> { relay: { hostname: 'mail.example.org', ip: '192.0.2.10' }, relayText: '…', mayBeForged: true }
 * parseSendmailPeer('[192.0.2.1]')     //=> { relay: { hostname: 'unknown', ip: '192.0.2.1' }, relayText: '[192.0.2.1]' }
 * parseSendmailPeer('root@localhost')  //=> { relayText: 'root@localhost' }
 */
export function parseSendmailPeer(text: string): SendmailPeer {
  let s = text
  let mayBeForged: true | undefined
  if (s.endsWith(MAY_BE_FORGED)) {
    mayBeForged = true
    s = s.slice(0, -MAY_BE_FORGED.length)
  }
  let relay: Endpoint | undefined
  const open = s.lastIndexOf('[')
  if (open >= 0 && s.charCodeAt(s.length - 1) === 93) {
    let ip = s.slice(open + 1, -1)
    if (ip.startsWith('IPv6:')) ip = ip.slice(5)
    let host = s.slice(0, open).trimEnd()
    const at = host.lastIndexOf('@')
    if (at >= 0 && host.indexOf(' ') < 0) host = host.slice(at + 1)
    // `[addr]` alone, or the name written as the literal itself: no name known.
    if (host === '' || host.charCodeAt(0) === 91) host = 'unknown'
    if (ip !== '' && ip.indexOf(' ') < 0) relay = { hostname: host, ip }
  }
  if (relay === undefined && mayBeForged === undefined) return { relayText: text }
  if (relay === undefined) return { relayText: text, mayBeForged }
  return mayBeForged ? { relay, relayText: text, mayBeForged } : { relay, relayText: text }
}

/**
 * Splits a recipient list (`to=a,<b>,"Doe, J" <c>`) at commas outside quotes and brackets,
 * and strips angle brackets from each.
 *
 * @example
 * splitRecipients('<a@example.org>,b@example.org') //=> ['a@example.org', 'b@example.org']
 */
export function splitRecipients(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 92 /* \ */) i++
    else if (c === 34 /* " */) quoted = !quoted
    else if (quoted) continue
    else if (c === 60) depth++
    else if (c === 62 && depth > 0) depth--
    else if (c === 44 && depth === 0) {
      const item = s.slice(start, i).trim()
      if (item !== '') out.push(unbracket(item))
      start = i + 1
    }
  }
  const last = s.slice(start).trim()
  if (last !== '') out.push(unbracket(last))
  return out
}

/** A key name character: `a-z`, `0-9`, `_`. */
const isKeyChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95

/**
 * Splits `first, k1=v1, k2=v2 …` into values by the keys it may hold. The text before the
 * first known key is returned under `''`. Each key is taken once, at its first `, key=`;
 * `stat=` ends the scan (its text runs to the end of the line, `deliver.c:5555-5558`).
 * Unknown `, word=` text stays inside the value before it.
 *
 * @example
 * splitKeys('a@b, size=12, relay=h [192.0.2.1]', 0, new Set(['size', 'relay']))
 * //=> Map { '' => 'a@b', 'size' => '12', 'relay' => 'h [192.0.2.1]' }
 */
export function splitKeys(s: string, start: number, keys: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>()
  let key = ''
  let from = start
  let i = start
  for (let comma = s.indexOf(', ', i); comma >= 0; comma = s.indexOf(', ', i)) {
    let k = comma + 2
    while (isKeyChar(s.charCodeAt(k))) k++
    i = comma + 2
    if (k === i || s.charCodeAt(k) !== 61 /* = */) continue
    const name = s.slice(i, k)
    if (!keys.has(name) || out.has(name) || name === key) continue
    out.set(key, s.slice(from, comma))
    key = name
    from = k + 1
    if (name === 'stat') break
    i = from
  }
  out.set(key, s.slice(from))
  return out
}

/** A number, or undefined when the text is not one. */
export function num(s: string | undefined): number | undefined {
  if (s === undefined || s === '') return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

/**
 * `from=` lines: the sender side of a received message (`headers.c:1216-1259` logsender).
 * Keys come in a fixed order — from, size, class, nrcpts, msgid, bodytype, proto, daemon, the
 * `_FFR_LOG_MORE1` extras (tls_verify, tls_version, cipher, auth), relay — each but the first
 * four optional (Sendmail 8.9 also logged `pri=` after class). `relay=` is always last and may
 * hold spaces and parentheses.
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { num, parseSendmailPeer, splitKeys, unbracket } from './fields.js'

const FROM_KEYS: ReadonlySet<string> = new Set([
  'size',
  'class',
  'pri',
  'nrcpts',
  'msgid',
  'bodytype',
  'proto',
  'daemon',
  'tls_verify',
  'tls_version',
  'cipher',
  'auth',
  'relay',
])

/**
 * Parses a `from=` body, or returns `undefined` when it lacks `size=`.
 *
 * @example
 * parseFrom('from=<a@example.org>, size=2413, class=0, nrcpts=1, msgid=<x@example.org>, proto=ESMTP, daemon=MTA, relay=h.example [192.0.2.10]', base)
 * //=> { type: 'sendmail.from', …, from: 'a@example.org', size: 2413, class: 0, nrcpts: 1, msgid: 'x@example.org', proto: 'ESMTP', daemon: 'MTA', relay: { hostname: 'h.example', ip: '192.0.2.10' }, relayText: 'h.example [192.0.2.10]' }
 */
export function parseFrom(body: string, b: Base): SendmailEvent | undefined {
  const v = splitKeys(body, 5, FROM_KEYS)
  const size = num(v.get('size'))
  if (size === undefined) return undefined
  const msgid = v.get('msgid')
  const relay = v.get('relay')
  const peer = relay === undefined ? undefined : parseSendmailPeer(relay)
  return build(b, 'sendmail.from', {
    from: unbracket(v.get('')!),
    size,
    class: num(v.get('class')),
    pri: num(v.get('pri')),
    nrcpts: num(v.get('nrcpts')),
    msgid: msgid === undefined ? undefined : unbracket(msgid),
    bodytype: v.get('bodytype'),
    proto: v.get('proto'),
    daemon: v.get('daemon'),
    auth: v.get('auth'),
    tlsVerify: v.get('tls_verify'),
    tlsVersion: v.get('tls_version'),
    cipher: v.get('cipher'),
    relay: peer?.relay,
    relayText: peer?.relayText,
    mayBeForged: peer?.mayBeForged,
  })
}

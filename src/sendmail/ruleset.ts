/**
 * `ruleset=` lines: a `check_*` ruleset (access map, DNSBL, relaying checks) rejected,
 * discarded or quarantined something (`parseaddr.c:3310-3345` rscheck):
 * `ruleset=%s, arg1=%s[, arg2=%s][, relay=%s], reject=%s` (or `status=`, `discard`,
 * `quarantine=%s`).
 *
 * @module
 */

import type { Reply, SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { parseReply } from '../postfix/fields.js'
import type { Base } from './base.js'
import { parseSendmailPeer, splitKeys } from './fields.js'

const RULESET_KEYS: ReadonlySet<string> = new Set(['arg1', 'arg2', 'relay', 'reject', 'status', 'quarantine'])

/**
 * Parses a `ruleset=` body, or returns `undefined` when it has no `arg1=` or no verdict.
 *
 * @example
 * parseRuleset('ruleset=check_rcpt, arg1=<x@example.com>, relay=bad.example [203.0.113.9], reject=550 5.7.1 <x@example.com>... Relaying denied', base)
 * //=> { type: 'sendmail.reject', …, ruleset: 'check_rcpt', arg1: '<x@example.com>', action: 'reject', code: 550, dsn: '5.7.1', text: '<x@example.com>... Relaying denied', relay: { hostname: 'bad.example', ip: '203.0.113.9' }, … }
 */
export function parseRuleset(body: string, b: Base): SendmailEvent | undefined {
  const discard = body.endsWith(', discard')
  const v = splitKeys(discard ? body.slice(0, -9) : body, 8, RULESET_KEYS)
  const arg1 = v.get('arg1')
  if (arg1 === undefined) return undefined
  const relay = v.get('relay')
  const peer = relay === undefined ? undefined : parseSendmailPeer(relay)
  let action: 'reject' | 'status' | 'discard' | 'quarantine' = 'discard'
  let reply: Reply | undefined
  const quarantine = discard ? undefined : v.get('quarantine')
  if (quarantine !== undefined) action = 'quarantine'
  else if (!discard) {
    const reject = v.get('reject')
    const status = v.get('status')
    if (reject === undefined && status === undefined) return undefined
    action = reject === undefined ? 'status' : 'reject'
    reply = parseReply((reject ?? status)!)
  }
  return build(b, 'sendmail.reject', {
    ruleset: v.get('')!,
    arg1,
    arg2: v.get('arg2'),
    action,
    code: reply?.code,
    dsn: reply?.dsn,
    text: reply?.text,
    quarantine,
    relay: peer?.relay,
    relayText: peer?.relayText,
    mayBeForged: peer?.mayBeForged,
  })
}

/**
 * `ruleset=` lines: a `check_*` ruleset (access map, DNSBL, relaying checks) rejected,
 * discarded or quarantined something (`parseaddr.c:3310-3345` rscheck):
 * `ruleset=%s, arg1=%s[, arg2=%s][, relay=%s], reject=%s` (or `status=`, `discard`,
 * `quarantine=%s`).
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { parseReply } from '../postfix/fields.js'
import type { Base } from './base.js'
import { parseSendmailPeer, splitKeys } from './fields.js'

const RULESET_KEYS = ['arg1', 'arg2', 'relay', 'reject', 'status', 'quarantine'] as const

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
  const peer = relay === undefined ? {} : parseSendmailPeer(relay)
  const base = { type: 'sendmail.reject', ...b, ruleset: v.get('')!, arg1, arg2: v.get('arg2') } as const
  if (discard) return { ...base, action: 'discard', ...peer }
  const quarantine = v.get('quarantine')
  if (quarantine !== undefined) return { ...base, action: 'quarantine', quarantine, ...peer }
  const reject = v.get('reject')
  const status = v.get('status')
  const reply = reject ?? status
  if (reply === undefined) return undefined
  return { ...base, action: reject === undefined ? 'status' : 'reject', ...parseReply(reply), ...peer }
}

/**
 * The bounce killer's verdict lines (amavisd-new 2.11.1 amavisd:15056-15062 and :15082-15085,
 * `$log_level` 2): `bounce killed (TYPE), <s> -> <r>,<r>, From: …, Message-ID: …`,
 * `bounce rescued by penpals (TYPE), …`, `bounce unverifiable[, originating], <s> -> <r>,<r>`.
 * Addresses are quoted by `qquote_rfc2821_local` (`<…>`); recipients are joined by `,`.
 *
 * @module
 */

import type { AmavisEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { addressEnd, type Base, readAddresses } from './base.js'

/**
 * Parses a bounce killer line (the text after the log id), or returns `undefined`.
 *
 * @example
 * parseBounce('bounce unverifiable, <a@b.example> -> <c@d.example>', base)
 * //=> { type: 'amavis.bounce', …, verdict: 'unverifiable', originating: false, from: 'a@b.example', recipients: ['c@d.example'] }
 */
export function parseBounce(text: string, b: Base): AmavisEvent | undefined {
  const senderAt = text.indexOf(', <', 7)
  if (senderAt < 0) return undefined
  const senderEnd = addressEnd(text, senderAt + 2)
  if (senderEnd < 0 || !text.startsWith(' -> ', senderEnd)) return undefined
  const list = readAddresses(text, senderEnd + 4)
  if (!list) return undefined
  const from = text.slice(senderAt + 3, senderEnd - 1)
  const recipients = list.addresses
  const headers = text.startsWith(', ', list.end) ? text.slice(list.end + 2) : undefined
  const verdict = text.slice(7, senderAt)
  if (verdict.startsWith('unverifiable')) {
    return build(b, 'amavis.bounce', {
      verdict: 'unverifiable',
      rescuedBy: undefined,
      bounceType: undefined,
      originating: verdict === 'unverifiable, originating',
      from,
      recipients,
      headers,
    })
  }
  // `killed (TYPE)` or `rescued by X (TYPE)`: the type is in the last parentheses.
  const open = verdict.lastIndexOf(' (')
  if (open < 0 || verdict.charCodeAt(verdict.length - 1) !== 41 /* ) */) return undefined
  const head = verdict.slice(0, open)
  const killed = head === 'killed'
  if (!killed && !head.startsWith('rescued ')) return undefined
  return build(b, 'amavis.bounce', {
    verdict: killed ? 'killed' : 'rescued',
    rescuedBy: killed ? undefined : head.slice(8),
    bounceType: verdict.slice(open + 2, -1),
    originating: undefined,
    from,
    recipients,
    headers,
  })
}

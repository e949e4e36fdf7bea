/**
 * A message (`FWD`) or notification (`SEND`) handed to the next hop, with its reply
 * (A211 amavisd:24184-24187,24930-24937):
 *
 * ```
 * ULkC_-k7N-TY FWD from <a@b> -> <c@d>, BODY=7BIT 250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as BF76C3012027
 * ```
 *
 * @module
 */

import type { AmavisForward } from '../events/index.js'
import { build } from '../grammar/build.js'
import { type Base, readEnvelope } from './base.js'

// `mail_id` (12 chars, 2.7+; older ids vary) and an optional `(parent_mail_id)`.
const HEAD = /^([\w-]+)(?:\(([\w-]+)\))? (FWD|SEND) from /
const PARAM = /^[A-Z][A-Z0-9-]*=\S*$/
const QUEUED = /queued as ([A-Za-z0-9]+)\)?\s*$/

/**
 * Parses a `FWD`/`SEND` line.
 *
 * @example
 * parseForward('Ab3dEf6hIj9k FWD from <a@b> -> <c@d>, BODY=7BIT 250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 5E2B3C4D5F', base)
 * //=> { type: 'amavis.forward', kind: 'FWD', mailId: 'Ab3dEf6hIj9k', from: 'a@b', recipients: ['c@d'], parameters: ['BODY=7BIT'], reply: '250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 5E2B3C4D5F', code: 250, queuedAs: '5E2B3C4D5F' }
 */
export function parseForward(text: string, b: Base): AmavisForward | undefined {
  const m = HEAD.exec(text)
  if (!m) return undefined
  const env = readEnvelope(text, m[0].length)
  if (!env || !text.startsWith(', ', env.end)) return undefined
  const words = text.slice(env.end + 2).split(' ')
  let k = 0
  while (k < words.length && PARAM.test(words[k]!)) k++
  const reply = words.slice(k).join(' ')
  const code = /^[2-5]\d\d\b/.exec(reply)
  return build(b, 'amavis.forward', {
    kind: m[3] as 'FWD' | 'SEND',
    mailId: m[1]!,
    parentMailId: m[2],
    from: env.from,
    recipients: env.recipients,
    parameters: k > 0 ? words.slice(0, k) : undefined,
    reply,
    code: code ? Number(code[0]) : undefined,
    queuedAs: QUEUED.exec(reply)?.[1],
  })
}

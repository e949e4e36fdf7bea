/**
 * cleanup: message ids, header/body check actions (`cleanup/cleanup_message.c:264-286`
 * cleanup_act_log), milter actions, and the 3.10 `removed (canceled|discarded)`
 * (`cleanup/cleanup_api.c:371`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { begin, build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { parseWhatsup, scanEndpoint, unbracket, whatsupStart } from './fields.js'

/** Message shapes, most frequent first. */
export const cleanupShapes = {
  messageId: 'message-id=',
  resent: 'resent-message-id=',
  milter: /milter-[a-z]+: [A-Z][A-Z-]* from /,
  check: /[a-z][a-z_-]*: (?:header|body|mime-header|nested-header|content) /,
  removed: 'removed (',
} as const

const shape = classifier(cleanupShapes)

/**
 * `reject: header Subject: win from h[ip]; from=<a> to=<b> proto=ESMTP helo=<h>: 550 text`.
 * The header text may hold anything, so the origin is the last ` from X;` before the tail.
 */
const CHECK =
  /^(?=.*$)([a-z][a-z_-]*): ([a-z-]+) (.*) from ([^\s;]*);((?: (?:from|to)=<[^<>]*>)*(?: proto=[^\s:]+)?(?: helo=<[^<>]*>)?)(?:: (.*))?$/

function check(body: string, b: Base): PostfixEvent | undefined {
  const m = CHECK.exec(body)
  if (!m) return undefined
  const origin = m[4]!
  const client = origin.includes('[') ? scanEndpoint(origin, 0)?.endpoint : undefined
  return build(b, 'postfix.cleanup.check', {
    action: m[1]!,
    class: m[2]!,
    text: m[3]!,
    client,
    ...parseWhatsup(m[5]!),
    reason: m[6],
  })
}

/** `milter-reject: END-OF-MESSAGE from h[ip]: 5.7.1 text; from=<> to=<> proto=ESMTP helo=<>` (`cleanup_milter.c:2121`). */
function milter(body: string, b: Base): PostfixEvent | undefined {
  const colon = body.indexOf(': ')
  const from = body.indexOf(' from ', colon)
  const scan = scanEndpoint(body, from + 6)
  const tailAt = whatsupStart(body)
  const textAt = scan && body.charCodeAt(scan.end) === 58 ? scan.end + 2 : body.indexOf(': ', from) + 2
  if (textAt < 2) return undefined
  return build(b, 'postfix.cleanup.check', {
    action: body.slice(0, colon),
    class: body.slice(colon + 2, from),
    text: tailAt > textAt ? body.slice(textAt, tailAt) : body.slice(textAt),
    client: scan?.endpoint,
    ...(tailAt > textAt ? parseWhatsup(body.slice(tailAt + 2)) : {}),
  })
}

/**
 * Parses a cleanup message.
 *
 * @example
 * parseCleanup('message-id=<20250301.abc@example.org>', base) //=> { type: 'postfix.cleanup.message-id', …, messageId: '20250301.abc@example.org' }
 */
export function parseCleanup(body: string, b: Base): PostfixEvent | undefined {
  switch (shape(body)) {
    case 'messageId': {
      const e = begin(b, 'postfix.cleanup.message-id')
      e.messageId = unbracket(body.slice(11))
      return e
    }
    case 'resent':
      return build(b, 'postfix.cleanup.resent-message-id', { messageId: unbracket(body.slice(18)) })
    case 'milter':
      return milter(body, b)
    case 'check':
      return check(body, b)
    case 'removed':
      return body.endsWith(')')
        ? build(b, 'postfix.cleanup.removed', { reason: body.slice(9, -1) })
        : undefined
    case undefined:
      return undefined
  }
}

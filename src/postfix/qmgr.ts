/**
 * qmgr (also nqmgr/oqmgr): a message entered the active queue, was removed, expired or
 * skipped (`global/opened.c:90`, `qmgr/qmgr_active.c:455-585`, `qmgr_message.c:1532`), and
 * qmgr's own deferrals, which have the delivery-line shape.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { begin, build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { parseDelivery } from './delivery.js'
import { isQueueId } from './head.js'

/** Message shapes, most frequent first. */
export const qmgrShapes = {
  from: 'from=',
  removed: 'removed',
  delivery: 'to=',
  skipped: 'skipped, still being delivered',
  corrupt: 'saving corrupt file "',
} as const

const shape = classifier(qmgrShapes)

// `from=<a>` normally; bare `from=a` from relays that log unbracketed addresses.
const QUEUED = /^from=(?:<(.*)>|([^<\s,]*)), size=(\d+), nrcpt=(\d+) \(queue active\)$/
const EXPIRED = /^from=(?:<(.*)>|([^<\s,]*)), status=(expired|force-expired), returned to sender$/

/**
 * `saving corrupt file "QID" from queue "active" to queue "corrupt"` (`qmgr_active.c`,
 * `qmgr_active_corrupt()`), a warning without a queue-id prefix.
 */
function corrupt(body: string, b: Base): PostfixEvent | undefined {
  const close = body.indexOf('" from queue "', 21)
  const queueEnd = body.indexOf('" to queue "', close + 14)
  if (close < 0 || queueEnd < 0 || !isQueueId(body, 21, close)) return undefined
  const e = begin(b, 'postfix.qmgr.corrupt')
  e.queueId = body.slice(21, close)
  e.queue = body.slice(close + 14, queueEnd)
  return e
}

/**
 * Parses a qmgr message.
 *
 * @example
 * parseQmgr('from=<a@example.org>, size=1234, nrcpt=2 (queue active)', base)
 * //=> { type: 'postfix.qmgr.queued', …, from: 'a@example.org', size: 1234, nrcpt: 2 }
 */
export function parseQmgr(body: string, b: Base): PostfixEvent | undefined {
  switch (shape(body)) {
    case 'from': {
      const m = QUEUED.exec(body)
      if (m) {
        const e = begin(b, 'postfix.qmgr.queued')
        e.from = m[1] ?? m[2]!
        e.size = Number(m[3])
        e.nrcpt = Number(m[4])
        return e
      }
      const x = EXPIRED.exec(body)
      if (!x) return undefined
      return build(b, 'postfix.qmgr.expired', {
        from: x[1] ?? x[2]!,
        status: x[3] as 'expired' | 'force-expired',
      })
    }
    case 'removed':
      return body.length === 7 ? begin(b, 'postfix.qmgr.removed') : undefined
    case 'delivery':
      return parseDelivery(body, b)
    case 'skipped':
      return build(b, 'postfix.qmgr.skipped', {})
    case 'corrupt':
      return corrupt(body, b)
    case undefined:
      return undefined
  }
}

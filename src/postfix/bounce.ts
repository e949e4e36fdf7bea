/**
 * bounce, defer and trace: a notification message was created for a queue id
 * (`bounce/bounce_notify_service.c`, `bounce_warn_service.c`, `bounce_trace_service.c`).
 * Postfix ≥ 3.11 logs it before cleanup's lines of the new id, older versions after; the
 * line is the same.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { isQueueId } from './head.js'

const NOTIFICATION =
  /^((?:sender|postmaster) (?:non-delivery|delay|delivery status|success)) notification: (\S+)$/

/**
 * Parses `sender non-delivery notification: 4XyZ9`.
 *
 * @example
 * parseBounce('sender non-delivery notification: 3F4A92C1B', base)?.notificationQueueId //=> '3F4A92C1B'
 */
export function parseBounce(body: string, b: Base): PostfixEvent | undefined {
  const m = NOTIFICATION.exec(body)
  if (!m || !isQueueId(m[2]!, 0, m[2]!.length)) return undefined
  return build(b, 'postfix.bounce.notification', { kind: m[1]!, notificationQueueId: m[2]! })
}

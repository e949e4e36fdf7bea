/**
 * postsuper: queue operations by the administrator (`postsuper/postsuper.c:625-1600`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const ACTIONS: ReadonlySet<string> = new Set([
  'removed',
  'requeued',
  'placed on hold',
  'released from hold',
  'expired',
  'force-expired',
])
const SUMMARY = /^([A-Z][A-Za-z -]*): (\d+) messages?$/

/**
 * Parses `QID: removed` (with the queue id in the base) or `Deleted: 3 messages`.
 *
 * @example
 * parsePostsuper('Deleted: 3 messages', base) //=> { type: 'postfix.postsuper.summary', …, action: 'Deleted', count: 3 }
 */
export function parsePostsuper(body: string, b: Base): PostfixEvent | undefined {
  if (b.queueId !== undefined)
    return ACTIONS.has(body) ? build(b, 'postfix.postsuper.action', { action: body }) : undefined
  const m = SUMMARY.exec(body)
  return m ? build(b, 'postfix.postsuper.summary', { action: m[1]!, count: Number(m[2]) }) : undefined
}

/**
 * Lines that name a second queue id after the first: a delivery status notification
 * generated for a message (`OLD: NEW: DSN: text`, also `return to sender`, `sender notify`,
 * `postmaster notify`; `savemail.c:620-630`) and an envelope cloned for a list owner
 * (`OLD: NEW: clone: owner=x`, `deliver.c:574-577`). Both link two transactions.
 *
 * @module
 */

import type { SendmailDsn, SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { isSendmailQueueId } from './head.js'

const KINDS: readonly SendmailDsn['kind'][] = [
  'DSN',
  'return to sender',
  'sender notify',
  'postmaster notify',
]

/**
 * Parses `NEWQID: DSN: …` and `NEWQID: clone: owner=…` (the body after the first queue id),
 * or returns `undefined` when the body does not start with a queue id and one of those words.
 *
 * @example
 * parseNotice('521C02cd012346: DSN: User unknown', base)
 * //=> { type: 'sendmail.dsn', …, dsnQueueId: '521C02cd012346', kind: 'DSN', text: 'User unknown' }
 */
export function parseNotice(body: string, b: Base): SendmailEvent | undefined {
  const colon = body.indexOf(': ')
  if (colon < 0 || !isSendmailQueueId(body, 0, colon)) return undefined
  const id = body.slice(0, colon)
  const rest = body.slice(colon + 2)
  if (rest.startsWith('clone: owner=')) {
    return build(b, 'sendmail.clone', { cloneQueueId: id, owner: rest.slice(13) })
  }
  for (const kind of KINDS) {
    if (rest.startsWith(kind) && rest.startsWith(': ', kind.length)) {
      return build(b, 'sendmail.dsn', { dsnQueueId: id, kind, text: rest.slice(kind.length + 2) })
    }
  }
  return undefined
}

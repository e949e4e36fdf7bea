/**
 * Sendmail family (`sendmail`, `sm-mta`, `sm-msp-queue`, `sm-*`): the message-shape table and
 * the fallbacks that make sure every line under a Sendmail program name becomes exactly one
 * event — a specific one, `sendmail.part` for a piece of a split line, a diagnostic for known
 * informational shapes, or `sendmail.unrecognized` with the raw text. Joining split lines is
 * left to `join.ts`, which works on events, so that each input line still yields one event.
 *
 * @module
 */

import type { EventBase, SendmailEvent } from '../events/index.js'
import type { Family } from '../family.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { parseSendmailBody } from './body.js'
import { isSendmailProgram, readSendmailPrefix } from './head.js'

export { parseSendmailBody, sendmailShapes } from './body.js'
export { parseSendmailDelay } from './fields.js'
export {
  isSendmailProgram,
  isSendmailQueueId,
  readSendmailPrefix,
  type SendmailPrefix,
  type SendmailQueueIdDate,
  sendmailQueueIdDate,
} from './head.js'
export { createSendmailJoiner, joinSendmailParts, type SendmailJoiner } from './join.js'
export { sendmailQueuedAs, sendmailStatus } from './to.js'

const CONTINUED = ' ...'

/**
 * The Sendmail family.
 *
 * @example
 * sendmailFamily.claim('sm-mta') //=> true
 */
export const sendmailFamily: Family<true> = {
  name: 'sendmail',
  claim: (program) => (isSendmailProgram(program) ? true : undefined),
  parse(message: string, header: EventBase, raw: string): SendmailEvent {
    const prefix = readSendmailPrefix(message)
    // The line's event object gains the Sendmail fields in place (see grammar/build.ts).
    const base = header as { -readonly [K in keyof Base]: Base[K] }
    base.queueId = prefix.queueId
    if (prefix.part !== undefined) {
      // `QID[n]: text ...` (conf.c:5603-5623); the last part has no ` ...` (conf.c:5651).
      const more = prefix.body.endsWith(CONTINUED)
      const text = more ? prefix.body.slice(0, -CONTINUED.length) : prefix.body
      return more
        ? build(base, 'sendmail.part', { part: prefix.part, text, more })
        : build(base, 'sendmail.part', { part: prefix.part, text })
    }
    return parseSendmailBody(prefix.body, base, raw)
  },
}

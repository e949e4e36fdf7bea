/**
 * The message-shape table of Sendmail lines and the fallbacks after it: every message body
 * (after the queue-id prefix) becomes a specific event, a diagnostic for known informational
 * shapes, or `sendmail.unrecognized`. Used per line by `index.ts` and on reassembled split
 * lines by `join.ts`.
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { parseDaemon, parseDone, parseQueueRun } from './daemon.js'
import { findSendmailPeer, isDiagnostic } from './diagnostic.js'
import { parseSyserr, parseUserError } from './errors.js'
import { parseFrom } from './from.js'
import { parseMilter } from './milter.js'
import { parseAuthWarning, parseNotice } from './notice.js'
import { parseRuleset } from './ruleset.js'
import { parseCollect, parseLostInput, parseNoCommand, parseTimeout } from './session.js'
import { parseAuth, parseStarttls } from './tls.js'
import { parseTo } from './to.js'

/** Message shapes by their start, most frequent first. */
export const sendmailShapes = {
  from: 'from=',
  to: 'to=',
  ruleset: 'ruleset=',
  starttls: 'STARTTLS=',
  auth: 'AUTH=',
  lost: 'lost input channel from ',
  notice: /[0-9A-Za-z]{8}[0-9]{6,12}: /,
  timeout: 'timeout waiting for input ',
  milter: ['Milter', 'milter=', 'milter_'],
  collect: 'collect: ',
  syserr: ['SYSERR(', 'SYSERR: '],
  done: 'done; delay=',
  daemon: ['starting daemon (', 'stopping daemon, ', 'restarting '],
  queueRun: ['runqueue: ', 'grew WorkList for ', 'FAILED to grow WorkList for ', 'rqe: done'],
  authWarning: 'Authentication-Warning: ',
} as const

const shape = classifier(sendmailShapes)

/** The grammar of a classified shape. */
function byShape(body: string, b: Base): SendmailEvent | undefined {
  switch (shape(body)) {
    case 'from':
      return parseFrom(body, b)
    case 'to':
      return parseTo(body, b)
    case 'ruleset':
      return parseRuleset(body, b)
    case 'starttls':
      return parseStarttls(body, b)
    case 'auth':
      return parseAuth(body, b)
    case 'lost':
      return parseLostInput(body, b)
    case 'notice':
      return parseNotice(body, b)
    case 'timeout':
      return parseTimeout(body, b)
    case 'milter':
      return parseMilter(body, b)
    case 'collect':
      return parseCollect(body, b)
    case 'syserr':
      return parseSyserr(body, b)
    case 'done':
      return parseDone(body, b)
    case 'daemon':
      return parseDaemon(body, b)
    case 'queueRun':
      return parseQueueRun(body, b)
    case 'authWarning':
      return parseAuthWarning(body, b)
    case undefined:
      return undefined
  }
}

/**
 * Parses the message of a Sendmail line whose header and queue id are already in `base`.
 *
 * @example
 * parseSendmailBody('done; delay=00:31:02, ntries=2', { ...base, queueId: '521C01ab012345' }).type //=> 'sendmail.done'
 */
export function parseSendmailBody(body: string, b: Base, raw: string): SendmailEvent {
  const event = byShape(body, b)
  if (event) return event
  if (body.includes(' did not issue MAIL/EXPN/VRFY/ETRN ')) {
    const e = parseNoCommand(body, b)
    if (e) return e
  }
  const userError = parseUserError(body, b)
  if (userError) return userError
  if (isDiagnostic(body)) {
    const peer = findSendmailPeer(body)
    return build(b, 'sendmail.diagnostic', {
      relay: peer.relay,
      relayText: peer.relayText,
      mayBeForged: peer.mayBeForged,
      text: body,
    })
  }
  return build(b, 'sendmail.unrecognized', { raw, message: body })
}

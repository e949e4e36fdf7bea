/**
 * `filter` category: what a user's Sieve filter did to a delivered message (zm-mailbox
 * `store/src/java/com/zimbra/cs/filter/ZimbraMailAdapter.java`). With `lmtp_extended_logs_enabled`
 * (10.1+) most lines end in `, sender=S, MsgId=M` (`FilterUtil.java:1110-1114`), and reply,
 * notify and reject are logged at INFO instead of DEBUG.
 *
 * @module
 */

import { classifier } from '../grammar/classifier.js'
import { type Builder, type Fields, unbracket } from './base.js'

/** Message shapes (`ZimbraMailAdapter.java:287-289,378-398,413-467`). */
export const filterShapes = {
  discard: 'Discarding message ',
  redirect: 'Redirecting message to ',
  reply: 'Replying to message',
  notify: 'Sending notification message to ',
  reject: 'Refusing delivery of a message',
  fileinto: ['Unable to file message to ', 'Filing to mountpoint '],
} as const

const shape = classifier(filterShapes)

const DISCARD = /^Discarding message with Message-ID (\S+) from (.*)$/
const TARGET = /^(?:Redirecting message|Sending notification message) to (.+?)\.?$/
const REJECT = /^Refusing delivery of a message(?:: (.*)| at the protocol level)$/
const MOUNTPOINT = /^Filing to mountpoint "(.*)" is not allowed\./

/** The `, sender=S, MsgId=M.` tail getExtendedInfo appends, found by index (no backtracking). */
function extendedInfo(text: string): { index: number; sender: string; messageId: string } | undefined {
  const index = text.indexOf(', sender=')
  const id = text.lastIndexOf(', MsgId=')
  if (index < 0 || id < index) return undefined
  const end = text.endsWith('.') ? text.length - 1 : text.length
  const messageId = text.slice(id + 8, end)
  if (/\s/.test(messageId)) return undefined
  return { index, sender: text.slice(index + 9, id), messageId }
}

/** `Unable to file message to F.  Filing to G instead.` → [F, G]. */
function unableToFile(body: string): [string, string] | undefined {
  const head = 'Unable to file message to '
  const tail = ' instead.'
  const mid = body.indexOf('.  Filing to ', head.length)
  if (!body.startsWith(head) || !body.endsWith(tail) || mid < 0 || mid + 13 > body.length - tail.length)
    return undefined
  return [body.slice(head.length, mid), body.slice(mid + 13, body.length - tail.length)]
}

/**
 * Parses a `filter` record.
 *
 * @example
 * parseFilter('Redirecting message to carol@example.org.', head)
 * //=> { type: 'zimbra.mailbox.filter-action', action: 'redirect', destination: 'carol@example.org', account: 'bob@example.com' }
 */
export const parseFilter: Builder = (text, h): Fields | undefined => {
  const kind = shape(text)
  if (kind === undefined) return undefined
  const x = extendedInfo(text)
  const body = x ? text.slice(0, x.index) : text
  let sender = x?.sender
  let messageId = x?.messageId
  let destination: string | undefined
  let fallback: string | undefined
  let reason: string | undefined
  let action: string = kind
  switch (kind) {
    case 'discard': {
      const m = DISCARD.exec(body)
      if (m) {
        messageId = m[1]
        // Mime.getSender gives the header as written; keep the address, as getExtendedInfo does.
        const lt = m[2]!.indexOf('<')
        sender = lt < 0 ? m[2] : m[2]!.slice(lt + 1, m[2]!.endsWith('>') ? -1 : undefined)
      }
      break
    }
    case 'redirect':
    case 'notify':
      destination = TARGET.exec(body)?.[1]
      if (destination === undefined) return undefined
      break
    case 'reject': {
      const m = REJECT.exec(body)
      if (!m) return undefined
      // `ereject`: refused in the LMTP dialogue rather than bounced.
      if (m[1] === undefined) action = 'ereject'
      reason = m[1]
      break
    }
    case 'fileinto': {
      const m = unableToFile(body)
      const mp = m ? undefined : MOUNTPOINT.exec(body)
      if (!m && !mp) return undefined
      action = 'fileinto-failed'
      destination = m ? m[0] : mp![1]
      fallback = m?.[1]
      reason = m ? undefined : 'mountpoint not allowed'
      break
    }
    case 'reply':
      break
  }
  return {
    type: 'zimbra.mailbox.filter-action',
    action,
    destination,
    fallback,
    reason,
    sender: sender === undefined || sender === '' ? undefined : sender,
    messageId:
      messageId === undefined || messageId === '' || messageId === 'null' ? undefined : unbracket(messageId),
    account: h.context.name,
  }
}

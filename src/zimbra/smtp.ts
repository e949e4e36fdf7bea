/**
 * `smtp` category: a message the mailbox server hands to the MTA (web client and SOAP sends,
 * notifications, read receipts), zm-mailbox `store/src/java/com/zimbra/cs/mailbox/MailSender.java:880-962`:
 *
 * ```
 * Sending message to MTA at mta.example.com: Message-ID=<m@x>, origMsgId=400, replyType=r, size=2048,
 *   sender=bob@example.com, nrcpts=2, to=a@example.org, to=c@example.net, reason=notify
 * ```
 *
 * Before 8.8.8 (ZCS-3887) the line ends after `replyType`/`uploads` (no size, sender, recipients).
 *
 * @module
 */

import { type Builder, int, unbracket } from './base.js'

const HEAD = /^Sending message(?: to MTA at ([^:\s]+))?: Message-ID=(.*?)(?=, [a-zA-Z]+=|$)/
// Keys after Message-ID, in the order MailSender appends them.
const ORIG = /, origMsgId=([^,]*)/
const REPLY = /, replyType=(\w+)/

/**
 * Parses an `smtp` record.
 *
 * @example
 * parseSmtp('Sending message to MTA at mta.example.com: Message-ID=<m@x>, replyType=r, sender=bob@example.com, nrcpts=1, to=a@example.org', head)
 * //=> { type: 'zimbra.mailbox.smtp-sending', account: 'bob@example.com', mta: 'mta.example.com', messageId: 'm@x', replyType: 'r', sender: 'bob@example.com', nrcpts: 1, recipients: ['a@example.org'] }
 */
export const parseSmtp: Builder = (text, h) => {
  const m = HEAD.exec(text)
  if (!m) return undefined
  const tail = text.slice(m[0].length)
  // `uploads=[…]` may hold `, size=` of its own: take the last size/sender before `nrcpts=`.
  const n = tail.lastIndexOf(', nrcpts=')
  const before = n < 0 ? tail : tail.slice(0, n)
  const after = n < 0 ? '' : tail.slice(n)
  const size = before.lastIndexOf(', size=')
  const sender = before.lastIndexOf(', sender=')
  const recipients: string[] = []
  for (const r of after.matchAll(/, to=([^,\s]+)/g)) recipients.push(r[1]!)
  const reason = after.indexOf(', reason=')
  const msgid = m[2]!
  return {
    type: 'zimbra.mailbox.smtp-sending',
    account: h.context.name,
    mta: m[1],
    messageId: msgid === '' || msgid === 'null' ? undefined : unbracket(msgid),
    origMsgId: ORIG.exec(before)?.[1],
    replyType: REPLY.exec(before)?.[1],
    size: size < 0 ? undefined : int(/^, size=(\d+)/.exec(before.slice(size))?.[1]),
    sender: sender < 0 ? undefined : /^, sender=([^,\s]*)/.exec(before.slice(sender))?.[1],
    nrcpts: n < 0 ? undefined : int(/^, nrcpts=(\d+)/.exec(after)?.[1]),
    recipients: n < 0 ? undefined : recipients,
    reason: reason < 0 ? undefined : after.slice(reason + 9),
  }
}

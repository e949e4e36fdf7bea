/**
 * `lmtp` category: the mailbox server's LMTP delivery (zm-mailbox
 * `store/src/java/com/zimbra/cs/lmtpserver/ZimbraLmtpBackend.java`) and quota warnings sent
 * during delivery (`mailbox/QuotaWarning.java:85`), and failed replies to the MTA
 * (`lmtpserver/LmtpHandler.java:284`). Successful per-recipient deliveries are
 * `mailop - Adding Message` lines (see `mailop.ts`).
 *
 * @module
 */

import { classifier } from '../grammar/classifier.js'
import { type Builder, clientIp, type Fields, int, unbracket } from './base.js'

/** Message shapes, most frequent first. */
export const lmtpShapes = {
  delivering: 'Delivering message',
  rejecting: ['rejecting message from=', 'try again for message from='],
  address: ['rejecting address ', 'try again for address '],
  discarded: 'accepted and discarded message from=',
  duplicate: 'Not delivering message with duplicate Message-ID ',
  quota: 'Sending quota warning: ',
  reply: 'S: ',
  // Before from=/to= were logged (ZCS 5-7): `rejecting message RCPT: exception occurred`.
  recipient: ['rejecting message ', 'try again for message '],
} as const

const shape = classifier(lmtpShapes)

// ZimbraLmtpBackend.java:586,592,793 — size is `N bytes` or `unspecified`; msgid is the raw header.
const DELIVERING =
  /^Delivering message(?: (started|completed))?: size=(?:(\d+) bytes|[^,]*), nrcpts=(\d+), sender=(?=.*$)(.*?), msgid=(.*)$/
// :616,657,752-777 — `from=%s,to=%s` has no space; the reason may end in `.`.
const MESSAGE = /^(rejecting|try again for) message from=(?=(.*?),to=)\2,to=(\S*?)(?:: (.*?))?\.?$/
// :138-188; and the older per-message form without from=/to= (same shape, `message` for `address`).
const ADDRESS = /^(rejecting|try again for) (?:address|message) (\S+): (.*)$/
// :632
const DISCARDED = /^accepted and discarded message from=(?=(.*?),to=)\1,to=(\S*?): (.*)$/
// LmtpHandler.java:284 `S: %s (%s)`, the reply being LmtpReply.java:86-88 `code[ enhanced] detail`;
// the command is the last parenthesised part (the detail may hold parentheses of its own).
const REPLY = /^S: ([2-5]\d\d)(?: ([245]\.\d{1,3}\.\d{1,3}))? /
const RCPT = /^RCPT TO:\s*<([^<>]*)>/i
// QuotaWarning.java:85
const QUOTA = /^Sending quota warning: mbox size=(\d+), quota=(\d+),.*?warnPercent=(\d+)/

/**
 * Parses an `lmtp` record.
 *
 * @example
 * parseLmtp('Delivering message: size=2987 bytes, nrcpts=2, sender=alice@example.org, msgid=<c0ffee.1@example.org>', head)
 * //=> { type: 'zimbra.mailbox.lmtp-delivering', size: 2987, nrcpts: 2, sender: 'alice@example.org', messageId: 'c0ffee.1@example.org', clientIp: '10.0.0.2' }
 */
export const parseLmtp: Builder = (text, h): Fields | undefined => {
  switch (shape(text)) {
    case 'delivering': {
      const m = DELIVERING.exec(text)
      if (!m) return undefined
      const msgid = m[5]!.trim()
      return {
        type: 'zimbra.mailbox.lmtp-delivering',
        phase: m[1] as 'started' | 'completed' | undefined,
        size: int(m[2]),
        nrcpts: Number(m[3]),
        sender: unbracket(m[4]!),
        messageId: msgid === '' ? undefined : unbracket(msgid),
        clientIp: clientIp(h.context),
      }
    }
    case 'rejecting': {
      const m = MESSAGE.exec(text)
      if (!m) return undefined
      return {
        type: 'zimbra.mailbox.lmtp-rejected',
        temporary: m[1] !== 'rejecting',
        sender: m[2]!,
        recipient: m[3]!,
        reason: m[4],
      }
    }
    case 'address':
    case 'recipient': {
      const m = ADDRESS.exec(text)
      if (!m) return undefined
      return {
        type: 'zimbra.mailbox.lmtp-rejected',
        temporary: m[1] !== 'rejecting',
        recipient: m[2]!,
        reason: m[3]!,
      }
    }
    case 'discarded': {
      const m = DISCARDED.exec(text)
      if (!m) return undefined
      return { type: 'zimbra.mailbox.lmtp-discarded', sender: m[1]!, recipient: m[2]!, reason: m[3]! }
    }
    case 'duplicate':
      return {
        type: 'zimbra.mailbox.lmtp-discarded',
        recipient: h.context.name,
        messageId: unbracket(text.slice(lmtpShapes.duplicate.length).trim()),
        reason: 'duplicate',
      }
    case 'quota': {
      const m = QUOTA.exec(text)
      if (!m) return undefined
      return {
        type: 'zimbra.mailbox.quota',
        kind: 'warning',
        account: h.context.name,
        size: Number(m[1]),
        quota: Number(m[2]),
        warnPercent: Number(m[3]),
      }
    }
    case 'reply':
      return reply(text)
    case undefined:
      return undefined
  }
}

function reply(text: string): Fields | undefined {
  const m = REPLY.exec(text)
  if (!m || !text.endsWith(')')) return undefined
  const open = text.lastIndexOf(' (')
  if (open < m[0].length - 1) return undefined
  const command = text.slice(open + 2, -1)
  return {
    type: 'zimbra.mailbox.lmtp-reply',
    code: Number(m[1]),
    dsn: m[2],
    text: text.slice(m[0].length, open),
    command: command === '<none>' ? undefined : command,
    recipient: RCPT.exec(command)?.[1],
  }
}

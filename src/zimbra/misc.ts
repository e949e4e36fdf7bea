/**
 * `misc` category: spam/ham training reports (zm-mailbox
 * `store/src/java/com/zimbra/cs/service/util/SpamHandler.java:131,178-189`), logged with
 * Guava's `toStringHelper`: `Sent SpamReport{account=…, mbox=…, msgId=…, isSpam=…, origIp=…,
 * action=…, srcFolder=…, destFolder=…, destAccount=…, reportRecipient=…}`; `null` for unset values.
 *
 * @module
 */

import { type Builder, int } from './base.js'

const REPORT = /^Sent SpamReport\{(.*)\}$/

/** `k=v, k=v` pairs of a `toStringHelper` body; a value may itself hold `, ` (folder paths). */
function pairs(body: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of body.split(/, (?=[A-Za-z]\w*=)/)) {
    const eq = part.indexOf('=')
    if (eq > 0) {
      const v = part.slice(eq + 1)
      if (v !== 'null') out.set(part.slice(0, eq), v)
    }
  }
  return out
}

/**
 * Parses a `misc` record.
 *
 * @example
 * parseMisc('Sent SpamReport{account=bob@example.com, mbox=12, msgId=4711, isSpam=true, origIp=null, action=move, srcFolder=/Inbox, destFolder=/Junk, destAccount=null, reportRecipient=spam@example.com}', head)
 * //=> { type: 'zimbra.mailbox.spam-report', spam: true, account: 'bob@example.com', mailboxId: 12, itemId: 4711, action: 'move', sourceFolder: '/Inbox', destinationFolder: '/Junk', reportRecipient: 'spam@example.com' }
 */
export const parseMisc: Builder = (text) => {
  const m = REPORT.exec(text)
  if (!m) return undefined
  const p = pairs(m[1]!)
  const spam = p.get('isSpam')
  if (spam !== 'true' && spam !== 'false') return undefined
  return {
    type: 'zimbra.mailbox.spam-report',
    spam: spam === 'true',
    account: p.get('account'),
    mailboxId: int(p.get('mbox')),
    itemId: int(p.get('msgId')),
    action: p.get('action'),
    sourceFolder: p.get('srcFolder'),
    destinationFolder: p.get('destFolder'),
    reportRecipient: p.get('reportRecipient'),
    clientIp: p.get('origIp'),
  }
}

/**
 * `mailop` (and `calendar`) category: items added, deleted, moved and copied in a mailbox
 * (zm-mailbox `store/src/java/com/zimbra/cs/mailbox/`). `Adding Message` on an `LmtpServer-n`
 * thread is an LMTP delivery (`zimbra.mailbox.lmtp-delivered`); on any other thread (sent copy,
 * draft, IMAP APPEND, import) it is `zimbra.mailbox.message-added`.
 *
 * @module
 */

import type { ZimbraItemRef } from '../events/index.js'
import { classifier } from '../grammar/classifier.js'
import { type Builder, type Fields, type Head, ids, int, owner, unbracket } from './base.js'

/** Message shapes, most frequent first. */
export const mailopShapes = {
  message: 'Adding Message: ',
  deleting: 'Deleting ',
  moving: ['moving ', 'Moving '],
  copying: ['Copying ', 'Performing IMAP copy of '],
  adding: ['Adding ', 'adding contact ', 'modifying contact '],
} as const

const shape = classifier(mailopShapes)

// Message.java:599-602. ≤8.8.4: no `acct=`; 8.8.5+: ` acct=%s` with no comma before it;
// 10.1+: `sender=%s, ` before Message-ID. A missing Message-ID prints `null`.
const MESSAGE =
  /^(?=.*$)Adding Message: id=(\d+), (?:sender=(?=(.*?), Message-ID=)\2, )?Message-ID=(.*?), parentId=(-?\d+), folderId=(\d+), folderName=(.*?)(?: acct=([0-9a-fA-F-]+))?\.?$/
// MailItem.getMailopContext: `Folder Inbox (id=2)`, `Contact a@b (id=7)`, `Message (id=4711)`.
const REF = /^(\w+)(?: (.*?))? \(id=(-?\d+)\)$/
// MailItem.java:3044, Folder.java:1241 (`moving %s to %s`); Conversation.java:599-600.
// One regex per kind of target, each asserting its ending first: tried together, every ` to ` in the
// line scanned on to the end for a target that cannot be there.
const MOVING = [
  /^(?=.* \(id=-?\d+\)(?:\.\s+Affected message ids: [\d,]*\.)?$)[mM]oving (.+? \(id=-?\d+\)|<undefined>) to (.+? \(id=-?\d+\))(?:\.\s+Affected message ids: ([\d,]*)\.)?$/,
  /^(?=.*<undefined>(?:\.\s+Affected message ids: [\d,]*\.)?$)[mM]oving (.+? \(id=-?\d+\)|<undefined>) to (<undefined>)(?:\.\s+Affected message ids: ([\d,]*)\.)?$/,
]
// MailItem.java:2691,2797
const COPYING =
  /^(?=.*, parentId=-?\d+\.$)(?:Copying|Performing IMAP copy of) (.+? \(id=-?\d+\)): copyId=(-?\d+), folderId=(\d+), folderName=(.*?), parentId=(-?\d+)\.$/
// MailItem.java:3278-3301: `Deleting %s.`, `Deleting %sS: %s.`; CalendarItem.java:4253.
const DELETING_LIST = /^Deleting ([A-Z_]+?)S?: ([\d,]+)\.$/
const DELETING_CAL = /^Deleting CalendarItem: id=(\d+), folderId=(\d+), subject="(.*)", UID=/
// `Adding Tag x: id=64.`, `Adding Document x: id=…, folderId=…, folderName=….`, `adding contact a@b: id=…`,
// `Adding CalendarItem: id=…, Message-ID="…", folderId=…, subject="…", UID=…` (Tag.java:240,
// Document.java:267, Contact.java:718,734, Note.java:168, Link.java:53, Mountpoint.java:180, CalendarItem.java:542).
const ADDING = /^(?=.*$)(Adding|adding|modifying) (\w+)(?: (.*?))?: id=(\d+)(.*)$/

/** Reads `Folder Inbox (id=2)`; `<undefined>` and other shapes give only the type. */
function ref(s: string): ZimbraItemRef {
  const m = REF.exec(s)
  if (!m) return { itemType: 'unknown' }
  return { itemType: m[1]!.toLowerCase(), name: m[2], id: Number(m[3]) }
}

/** A `key=value` from the comma tail of `Adding …` lines; `"…"` quotes removed. */
function tailValue(tail: string, key: string): string | undefined {
  const k = tail.indexOf(`, ${key}=`)
  if (k < 0) return undefined
  const from = k + key.length + 3
  if (tail.charCodeAt(from) === 34) {
    const q = tail.indexOf('"', from + 1)
    return q < 0 ? undefined : tail.slice(from + 1, q)
  }
  let end = tail.indexOf(', ', from)
  if (end < 0) end = tail.length
  const v = tail.slice(from, end)
  return v.endsWith('.') && end === tail.length ? v.slice(0, -1) : v
}

function message(text: string, h: Head): Fields | undefined {
  const m = MESSAGE.exec(text)
  if (!m) return undefined
  const parent = Number(m[4])
  const msgid = m[3]!
  return {
    type: h.thread.startsWith('LmtpServer')
      ? 'zimbra.mailbox.lmtp-delivered'
      : 'zimbra.mailbox.message-added',
    ...owner(h),
    itemId: Number(m[1]),
    sender: m[2],
    messageId: msgid === 'null' || msgid === '' ? undefined : unbracket(msgid),
    conversationId: parent === -1 ? undefined : parent,
    folderId: Number(m[5]),
    folderName: m[6]!,
    accountId: m[7],
  }
}

function deleting(text: string, h: Head): Fields | undefined {
  const list = DELETING_LIST.exec(text)
  if (list) {
    const itemIds = ids(list[2]!)
    if (!itemIds) return undefined
    return { type: 'zimbra.mailbox.item-deleted', itemType: list[1]!.toLowerCase(), itemIds, ...owner(h) }
  }
  const cal = DELETING_CAL.exec(text)
  if (cal) {
    return {
      type: 'zimbra.mailbox.item-deleted',
      itemType: 'calendaritem',
      itemIds: [Number(cal[1])],
      name: cal[3],
      ...owner(h),
    }
  }
  if (!text.endsWith('.')) return undefined
  const r = REF.exec(text.slice(9, -1))
  if (!r) return undefined
  return {
    type: 'zimbra.mailbox.item-deleted',
    itemType: r[1]!.toLowerCase(),
    itemIds: [Number(r[3])],
    name: r[2],
    ...owner(h),
  }
}

function adding(text: string, h: Head): Fields | undefined {
  const m = ADDING.exec(text)
  if (!m) return undefined
  const tail = m[5]!
  const folderId = int(tailValue(tail, 'folderId') ?? tailValue(tail, 'parentId'))
  const subject = tailValue(tail, 'subject')
  return {
    type: 'zimbra.mailbox.item-added',
    action: m[1] === 'modifying' ? 'modified' : 'added',
    itemType: m[2]!.toLowerCase(),
    name: m[3] ?? subject,
    itemId: Number(m[4]),
    folderId,
    folderName: tailValue(tail, 'folderName') ?? tailValue(tail, 'parentName'),
    ...owner(h),
  }
}

/**
 * Parses a `mailop` or `calendar` record.
 *
 * @example
 * parseMailop('Deleting MESSAGES: 257,258.', head)
 * //=> { type: 'zimbra.mailbox.item-deleted', itemType: 'message', itemIds: [257, 258], account: 'bob@example.com', mailboxId: 12 }
 */
export const parseMailop: Builder = (text, h) => {
  switch (shape(text)) {
    case 'message':
      return message(text, h)
    case 'deleting':
      return deleting(text, h)
    case 'moving': {
      const m = MOVING[0]!.exec(text) ?? MOVING[1]!.exec(text)
      if (!m) return undefined
      return {
        type: 'zimbra.mailbox.item-moved',
        item: ref(m[1]!),
        target: ref(m[2]!),
        messageIds: m[3] === undefined ? undefined : ids(m[3]),
        ...owner(h),
      }
    }
    case 'copying': {
      const m = COPYING.exec(text)
      if (!m) return undefined
      return {
        type: 'zimbra.mailbox.item-copied',
        item: ref(m[1]!),
        copyId: Number(m[2]),
        folderId: Number(m[3]),
        folderName: m[4]!,
        imap: text.charCodeAt(0) === 80 /* P */,
        ...owner(h),
      }
    }
    case 'adding':
      return adding(text, h)
    case undefined:
      return undefined
  }
}

/**
 * Mailbox life cycle and lookups: a mailbox created, loaded into memory, available again or
 * deleted, a folder emptied, an out-of-office reply or a legal-intercept copy sent, ZCS 6-7
 * deferred indexing (`mailbox`, `cache`, `mbxmgr` categories), and contact autocomplete timings
 * (`gal`).
 *
 * @module
 */

import { type Builder, type Fields, type Head, int, unbracket } from './base.js'
import { indexBatch } from './maintenance.js'

// MailboxManager.java:894 `Creating mailbox with id %d and group id %d for %s.`
const CREATED = /^Creating mailbox with id (\d+) and group id (\d+) for (\S+?)\.?$/
// ZCS 6.0.8-7.1 (zm-mailbox commit 57f9a42500, Mailbox.java emptyFolder):
// `Emptying %d items from %s, removeSubfolders=%b.`; later releases log it at DEBUG only.
const EMPTYING = /^Emptying (\d+) items from (.*), removeSubfolders=(true|false)\.$/
// Mailbox.java:2323 `initializing folder and tag caches for mailbox %d`: the first access since start.
const LOADED = /^initializing folder and tag caches for mailbox (\d+)$/
// ContactAutoComplete.java:443 `autocomplete: overall=%dms, ranking=%dms, folder=%dms, gal=%dms`.
const AUTOCOMPLETE = /^autocomplete: overall=(\d+)ms, ranking=(\d+)ms, folder=(\d+)ms, gal=(\d+)ms$/

/**
 * Parses a `mailbox` record.
 *
 * @example
 * parseMailbox('Creating mailbox with id 12 and group id 12 for bob@example.com.', head)
 * //=> { type: 'zimbra.mailbox.mailbox-created', mailboxId: 12, groupId: 12, account: 'bob@example.com' }
 */
export const parseMailbox: Builder = (text, h) => {
  const m = CREATED.exec(text)
  if (m) {
    return {
      type: 'zimbra.mailbox.mailbox-created',
      mailboxId: Number(m[1]),
      groupId: Number(m[2]),
      account: m[3]!,
    }
  }
  switch (text.charCodeAt(0)) {
    case 111 /* o */:
      return outOfOffice(text, h)
    case 68 /* D */:
      return indexBatch(text, h)
    case 83 /* S */:
      return intercept(text, h)
  }
  const e = EMPTYING.exec(text)
  if (!e) return undefined
  return {
    type: 'zimbra.mailbox.folder-emptied',
    folder: e[2]!,
    itemCount: Number(e[1]),
    subfolders: e[3] === 'true',
    account: h.context.name,
    mailboxId: int(h.context.mid),
  }
}

const OOO = "outofoffice sent dest='"
const OOO_RCPT = "' rcpt='"
const OOO_MID = "' mid="

/** Notification.java:349 `outofoffice sent dest='%s' rcpt='%s' mid=%d`; addresses may hold `'`. */
function outOfOffice(text: string, h: Head): Fields | undefined {
  if (!text.startsWith(OOO)) return undefined
  const rcpt = text.indexOf(OOO_RCPT, OOO.length)
  const mid = text.lastIndexOf(OOO_MID)
  if (rcpt < 0 || mid < rcpt + OOO_RCPT.length) return undefined
  return {
    type: 'zimbra.mailbox.out-of-office',
    destination: text.slice(OOO.length, rcpt),
    recipient: text.slice(rcpt + OOO_RCPT.length, mid),
    itemId: int(text.slice(mid + OOO_MID.length)),
    account: h.context.name,
    mailboxId: int(h.context.mid),
  }
}

const INTERCEPT = 'Sending intercept of message '
const INTERCEPT_TO = ' to '

/** Notification.java:620 `Sending intercept of message %s to %s.`: the Message-ID may be `null`. */
function intercept(text: string, h: Head): Fields | undefined {
  if (!text.startsWith(INTERCEPT) || !text.endsWith('.')) return undefined
  const to = text.lastIndexOf(INTERCEPT_TO)
  if (to < INTERCEPT.length) return undefined
  const messageId = text.slice(INTERCEPT.length, to)
  const destination = text.slice(to + INTERCEPT_TO.length, -1)
  if (destination === '') return undefined
  return {
    type: 'zimbra.mailbox.intercept',
    messageId: messageId === 'null' || messageId === '' ? undefined : unbracket(messageId),
    destination,
    account: h.context.name,
    mailboxId: int(h.context.mid),
  }
}

const MAILBOX = 'Mailbox '
const FOR_ACCOUNT = 'for account '
const ACCOUNT = ' account '

/**
 * Parses an `mbxmgr` record: `Mailbox %d account %s LOADED|AVAILABLE|CREATED` and `Mailbox for
 * account %s DELETED` (`MailboxManager.java:116,123,130,137`).
 *
 * @example
 * parseMbxmgr('Mailbox 12 account 0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d LOADED', head)
 * //=> { type: 'zimbra.mailbox.mailbox-loaded', mailboxId: 12, account: 'bob@example.com', accountId: '0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d' }
 */
export const parseMbxmgr: Builder = (text, h) => {
  if (!text.startsWith(MAILBOX)) return undefined
  const last = text.lastIndexOf(' ')
  const state = text.slice(last + 1)
  if (text.startsWith(FOR_ACCOUNT, MAILBOX.length)) {
    const accountId = text.slice(MAILBOX.length + FOR_ACCOUNT.length, last)
    if (state !== 'DELETED' || accountId === '' || accountId.indexOf(' ') >= 0) return undefined
    return { type: 'zimbra.mailbox.mailbox-deleted', accountId }
  }
  const account = text.indexOf(ACCOUNT, MAILBOX.length)
  if (account < 0 || account + ACCOUNT.length >= last) return undefined
  const mailboxId = int(text.slice(MAILBOX.length, account))
  const accountId = text.slice(account + ACCOUNT.length, last)
  if (mailboxId === undefined || accountId.indexOf(' ') >= 0) return undefined
  switch (state) {
    case 'LOADED':
      return { type: 'zimbra.mailbox.mailbox-loaded', mailboxId, account: h.context.name, accountId }
    case 'CREATED':
      return { type: 'zimbra.mailbox.mailbox-created', mailboxId, accountId }
    case 'AVAILABLE':
      return { type: 'zimbra.mailbox.mailbox-available', mailboxId, accountId }
  }
  return undefined
}

/**
 * Parses a `cache` record.
 *
 * @example
 * parseCache('initializing folder and tag caches for mailbox 12', head)
 * //=> { type: 'zimbra.mailbox.mailbox-loaded', mailboxId: 12, account: 'bob@example.com' }
 */
export const parseCache: Builder = (text, h) => {
  const m = LOADED.exec(text)
  if (!m) return undefined
  return { type: 'zimbra.mailbox.mailbox-loaded', mailboxId: Number(m[1]), account: h.context.name }
}

/**
 * Parses a `gal` record.
 *
 * @example
 * parseGal('autocomplete: overall=296ms, ranking=227ms, folder=2ms, gal=67ms', head)
 * //=> { type: 'zimbra.mailbox.autocomplete', elapsed: 296, rankingElapsed: 227, folderElapsed: 2, galElapsed: 67, account: 'bob@example.com' }
 */
export const parseGal: Builder = (text, h) => {
  const m = AUTOCOMPLETE.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.autocomplete',
    elapsed: int(m[1])!,
    rankingElapsed: int(m[2])!,
    folderElapsed: int(m[3])!,
    galElapsed: int(m[4])!,
    account: h.context.name,
  }
}

/**
 * Mailbox life cycle and lookups: a mailbox created or loaded into memory (`mailbox`, `cache`
 * categories) and contact autocomplete timings (`gal`).
 *
 * @module
 */

import { type Builder, int } from './base.js'

// MailboxManager.java:894 `Creating mailbox with id %d and group id %d for %s.`
const CREATED = /^Creating mailbox with id (\d+) and group id (\d+) for (\S+?)\.?$/
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
export const parseMailbox: Builder = (text) => {
  const m = CREATED.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.mailbox-created',
    mailboxId: Number(m[1]),
    groupId: Number(m[2]),
    account: m[3]!,
  }
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

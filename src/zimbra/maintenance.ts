/**
 * Background work on mailboxes: the retention purge (`purge` category, zm-mailbox
 * `store/src/java/com/zimbra/cs/mailbox/Mailbox.java:9282`) and external account imports
 * (`datasource` category, `store/src/java/com/zimbra/cs/datasource/DataSourceManager.java:405,414`),
 * indexing batches (`index` category, `mailbox/MailboxIndex.java:465,600`) and the WaitSet
 * sweeper's minute report (`session` category, `session/WaitSetMgr.java:331,335`).
 *
 * @module
 */

import { type Builder, type Fields, type Head, int } from './base.js'

// DataSourceManager.java:405,414: the name is quoted; `completed` follows a failure too.
const IMPORT = /^Import(?:ing data| completed) for data source '(.*)'$/

/**
 * Parses a `purge` record.
 *
 * @example
 * parsePurge('Purging messages.', head) //=> { type: 'zimbra.mailbox.purge', account: 'bob@example.com', mailboxId: 12 }
 */
export const parsePurge: Builder = (text, h) => {
  if (text !== 'Purging messages.') return undefined
  return { type: 'zimbra.mailbox.purge', account: h.context.name, mailboxId: int(h.context.mid) }
}

/**
 * Parses a `datasource` record.
 *
 * @example
 * parseDatasource("Importing data for data source 'Gmail'", head)
 * //=> { type: 'zimbra.mailbox.datasource-import', phase: 'started', dataSource: 'Gmail', account: 'bob@example.com' }
 */
export const parseDatasource: Builder = (text, h) => {
  const m = IMPORT.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.datasource-import',
    phase: text.startsWith('Import completed') ? 'completed' : 'started',
    dataSource: m[1]!,
    account: h.context.name,
  }
}

// MailboxIndex.java:465 `Batch complete processed=%d,failed=%d,elapsed=%d (%.2f items/sec)`;
// :600 `Re-index completed items=%d,failed=%d,elapsed=%d (avg %d ms/item, %d items/sec)`.
const BATCH = /^(Batch complete processed|Re-index completed items)=(\d+),failed=(\d+),elapsed=(-?\d+) \(/
// ZCS 6-7, zm-mailbox commit 5beb81feeb^ IndexHelper.java:370-372 (two spaces before
// `IndexDeferredCount` there; forum copies show one).
const DEFERRED =
  /^Deferred Indexing: submitted (\d+) items in (-?\d+)ms \([^)]*\)\. \((\d+) items failed to index\)\. +IndexDeferredCount now at (-?\d+)/

/**
 * Reads an indexing batch line of the `index` category (or, ZCS 6-7, `mailbox`).
 *
 * @example
 * indexBatch('Batch complete processed=14,failed=0,elapsed=231 (60.61 items/sec)', head)
 * //=> { type: 'zimbra.mailbox.index-batch', kind: 'batch', processed: 14, failed: 0, elapsed: 231, account: 'bob@example.com', mailboxId: 12 }
 */
export function indexBatch(text: string, h: Head): Fields | undefined {
  const m = BATCH.exec(text)
  if (m) {
    return {
      type: 'zimbra.mailbox.index-batch',
      kind: m[1]!.charCodeAt(0) === 66 /* B */ ? 'batch' : 'reindex',
      processed: Number(m[2]),
      failed: Number(m[3]),
      elapsed: Number(m[4]),
      account: h.context.name,
      mailboxId: int(h.context.mid),
    }
  }
  const d = DEFERRED.exec(text)
  if (!d) return undefined
  return {
    type: 'zimbra.mailbox.index-batch',
    kind: 'deferred',
    processed: Number(d[1]),
    failed: Number(d[3]),
    elapsed: Number(d[2]),
    pending: Number(d[4]),
    account: h.context.name,
    mailboxId: int(h.context.mid),
  }
}

/**
 * Parses an `index` record.
 *
 * @example
 * parseIndex('Re-index completed items=120,failed=1,elapsed=4210 (avg 35 ms/item, 28 items/sec)', head)
 * //=> { type: 'zimbra.mailbox.index-batch', kind: 'reindex', processed: 120, failed: 1, elapsed: 4210, … }
 */
export const parseIndex: Builder = (text, h) => {
  const c = text.charCodeAt(0)
  // B(atch), R(e-index), D(eferred): the other index lines are rare start-up or admin notes.
  if (c !== 66 && c !== 82 && c !== 68) return undefined
  return indexBatch(text, h)
}

const SWEEP = 'WaitSet sweeper'
const ACTIVE = /^: (\d+) active WaitSets \((\d+) accounts\) - (\d+) sets with blocked callbacks$/
const TIMED_OUT = /^ timing out (\d+) WaitSets due to inactivity$/

/**
 * Parses a `session` record.
 *
 * @example
 * parseSession('WaitSet sweeper: 12 active WaitSets (12 accounts) - 9 sets with blocked callbacks', head)
 * //=> { type: 'zimbra.mailbox.waitset-sweep', active: 12, accounts: 12, blocked: 9 }
 */
export const parseSession: Builder = (text) => {
  if (!text.startsWith(SWEEP)) return undefined
  const rest = text.slice(SWEEP.length)
  const a = ACTIVE.exec(rest)
  if (a) {
    return {
      type: 'zimbra.mailbox.waitset-sweep',
      active: Number(a[1]),
      accounts: Number(a[2]),
      blocked: Number(a[3]),
    }
  }
  const t = TIMED_OUT.exec(rest)
  if (!t) return undefined
  return { type: 'zimbra.mailbox.waitset-sweep', timedOut: Number(t[1]) }
}

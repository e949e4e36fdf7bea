/**
 * Background work on mailboxes: the retention purge (`purge` category, zm-mailbox
 * `store/src/java/com/zimbra/cs/mailbox/Mailbox.java:9282`) and external account imports
 * (`datasource` category, `store/src/java/com/zimbra/cs/datasource/DataSourceManager.java:405,414`).
 *
 * @module
 */

import { type Builder, int } from './base.js'

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

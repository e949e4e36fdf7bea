/**
 * Zimbra family: log4j records of mailbox.log and audit.log (and their syslog copy under the
 * program name `mailboxd`) to events. The category decides: `security` is audit.log
 * (`zimbra.audit.*`, whatever file it was read from), every other category is mailbox.log
 * (`zimbra.mailbox.*`); a category table picks the grammar, and a record no grammar claims is
 * `zimbra.mailbox.exception` when a stack trace follows it, else `zimbra.mailbox.record`.
 *
 * @module
 */

import { type Log4jHeader, readLog4jBody } from '../envelope/log4j.js'
import type { EventBase, MailEvent, ZimbraBase } from '../events/index.js'
import type { Family } from '../family.js'
import { build } from '../grammar/build.js'
import { parseImap, parsePop, parseSoap, parseSoapEngine } from './access.js'
import { parseAccount } from './account.js'
import { parseAudit } from './audit.js'
import type { Builder, Fields, Head, RecordEvent } from './base.js'
import { parseCommon } from './common.js'
import { parseDav } from './dav.js'
import { readException } from './exception.js'
import { parseFilter } from './filter.js'
import { parseLmtp } from './lmtp.js'
import { parseCache, parseGal, parseMailbox, parseMbxmgr } from './mailbox.js'
import { parseMailop } from './mailop.js'
import { parseDatasource, parseIndex, parsePurge, parseSession } from './maintenance.js'
import { parseMisc } from './misc.js'
import { parseSmtp } from './smtp.js'
import {
  parseMailboxdManager,
  parseSaslauthd,
  parseZimbramon,
  parseZmconfigd,
  type ZimbraProgram,
  zimbraProgram,
} from './syslog.js'

export { readException } from './exception.js'

function table(entries: readonly (readonly [readonly string[], Builder])[]): ReadonlyMap<string, Builder> {
  const map = new Map<string, Builder>()
  for (const [categories, builder] of entries) {
    for (const c of categories) {
      if (map.has(c)) throw new Error(`duplicate category in grammar table: ${c}`)
      map.set(c, builder)
    }
  }
  return map
}

/** Grammar per logger category (`%c{1}`). */
export const GRAMMARS: ReadonlyMap<string, Builder> = table([
  [['account'], parseAccount],
  [['cache'], parseCache],
  [['calendar', 'mailop'], parseMailop],
  [['datasource'], parseDatasource],
  [['dav'], parseDav],
  [['filter'], parseFilter],
  [['gal'], parseGal],
  [['imap'], parseImap],
  [['index'], parseIndex],
  [['lmtp'], parseLmtp],
  [['mailbox'], parseMailbox],
  [['mbxmgr'], parseMbxmgr],
  [['misc'], parseMisc],
  [['pop'], parsePop],
  [['purge'], parsePurge],
  [['security'], parseAudit],
  [['session'], parseSession],
  [['smtp'], parseSmtp],
  [['soap'], parseSoap],
  [['SoapEngine'], parseSoapEngine],
])

/** Where a record sits in its input and how its stamp resolved: the fields the header does not give. */
export type RecordPlace = Pick<
  ZimbraBase,
  'line' | 'endLine' | 'source' | 'time' | 'stamp' | 'timeUnresolved' | 'host' | 'program' | 'pid'
>

/**
 * Turns a log4j record (its header and the continuation lines after it) into one event.
 *
 * @example
 * const h = readLog4jHeader('2024-03-04 10:22:05,310 INFO  [ImapSSLServer-42] [ip=10.0.0.3;] imap - user bob@example.com authenticated, mechanism=PLAIN')!
 * parseZimbraRecord(h, [], { line: 1, time: '2024-03-04T10:22:05.310+00:00', stamp: '2024-03-04 10:22:05,310' }).type
 * //=> 'zimbra.mailbox.login'
 */
export function parseZimbraRecord(
  header: Log4jHeader,
  continuation: readonly string[],
  place: RecordPlace,
): RecordEvent {
  const head: Head = {
    line: place.line,
    endLine: place.endLine,
    source: place.source,
    time: place.time,
    stamp: place.stamp,
    timeUnresolved: place.timeUnresolved,
    host: place.host,
    program: place.program,
    pid: place.pid,
    level: header.level,
    thread: header.thread,
    context: header.context,
    category: header.category,
  }
  const exception = continuation.length > 0 ? readException(continuation) : undefined
  const message = continuation.length > 0 ? header.message + '\n' + continuation.join('\n') : header.message
  const grammar = GRAMMARS.get(header.category)
  const fields: Fields =
    grammar?.(header.message, head) ??
    parseCommon(header.message, head) ??
    (exception ? { type: 'zimbra.mailbox.exception' } : { type: 'zimbra.mailbox.record' })
  const { type, ...specific } = fields
  return { type, ...head, ...specific, exception, message } as RecordEvent
}

/**
 * The Zimbra family for syslog lines: mailboxd's optional syslog copy of mailbox.log
 * (`mailboxd: %-5p [%t] [%z] %c{1} - %m`, `log4j.properties.production:129-136`, written only
 * when `zimbraLogToSyslog` is TRUE; each syslog line is one record, continuation lines are not
 * joined here), and Zimbra's own programs in zimbra.log: `zimbramon`, `zmconfigd`, `zmmailboxdmgr`
 * and `saslauthd` (`syslog.ts`).
 *
 * @example
 * zimbraFamily.claim('mailboxd')  //=> 'mailboxd'
 * zimbraFamily.claim('zimbramon') //=> 'zimbramon'
 */
export const zimbraFamily: Family<ZimbraProgram> = {
  name: 'zimbra',
  claim: zimbraProgram,
  parse(message: string, base: EventBase, raw: string, program: ZimbraProgram): MailEvent {
    switch (program) {
      case 'zimbramon':
        return parseZimbramon(message, base, raw)
      case 'mailboxdmgr':
        return parseMailboxdManager(message, base)
      case 'saslauthd':
        return parseSaslauthd(message, base, raw)
      case 'zmconfigd':
        return parseZmconfigd(message, base)
      case 'mailboxd': {
        const header = readLog4jBody(message)
        if (!header) return build(base, 'zimbra.unrecognized', { raw, message })
        return parseZimbraRecord(header, [], base)
      }
    }
  },
}

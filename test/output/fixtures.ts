/** Every corpus event and every transaction of the trace corpus, for the output tests. */

import { readFile } from 'node:fs/promises'
import { caseEvents, caseTransactions } from '../../src/corpus.js'
import type { MailEvent } from '../../src/events/index.js'
import { listCases } from '../../src/node/corpus.js'
import { parseLines } from '../../src/parse.js'
import type { Transaction } from '../../src/transaction.js'

const files = await listCases('corpus')

/** Every event of every corpus case, with its file as `source`. */
export const corpusEvents: MailEvent[] = []
/** The transactions of each trace case, reduced case by case. */
export const corpusTransactions: Transaction[] = []

for (const f of files) {
  const events = caseEvents(await readFile(f, 'utf8')).map((e) => ({ ...e, source: f }))
  corpusEvents.push(...events)
  if (f.includes('/trace/')) corpusTransactions.push(...caseTransactions(events))
}

/** Lines for fields no corpus case has: SNI, sasl_sender, orig_client port, a queued reject_warning. */
export const extraEvents: MailEvent[] = parseLines(
  [
    'Mar  1 12:00:01 mx1 postfix/smtpd[1]: connect from h.example[192.0.2.1]:4711',
    'Mar  1 12:00:01 mx1 postfix/smtpd[1]: Anonymous TLS connection established from h.example[192.0.2.1]:4711 to mail.example.org: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)',
    'Mar  1 12:00:02 mx1 postfix/smtpd[1]: 3F4A92C1B: client=h.example[192.0.2.1]:4711, sasl_method=PLAIN, sasl_username=alice, sasl_sender=bob, orig_queue_id=2C3D4E5F60, orig_client=x.example[192.0.2.9]:2525',
    'Mar  1 12:00:03 mx1 postfix/smtpd[1]: 3F4A92C1B: reject_warning: RCPT from h.example[192.0.2.1]:4711: 450 4.7.1 <c@example.net>: Recipient address rejected: test; from=<a@example.org> to=<c@example.net> proto=ESMTP helo=<h.example>',
    'Mar  1 12:00:04 mx1 postfix/qmgr[2]: 3F4A92C1B: removed',
  ].join('\n'),
  { year: 2025, zone: 'UTC', source: 'extra.log' },
)
/** Their transaction. */
export const extraTransactions: Transaction[] = caseTransactions(extraEvents)

/**
 * Every leaf path of a JSON value, array elements under their array's path:
 * `{ email: { to: { address: ['a'] } } }` → `['email.to.address']`.
 */
export function leafPaths(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) leafPaths(v, prefix, out)
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leafPaths(v, prefix === '' ? k : `${prefix}.${k}`, out)
  } else if (value !== undefined) {
    out.add(prefix)
  }
  return out
}

/** A document as it reaches Elasticsearch: through JSON. */
export const json = <T>(doc: T): Record<string, unknown> => JSON.parse(JSON.stringify(doc))

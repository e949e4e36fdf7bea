/**
 * Elasticsearch / OpenSearch `_bulk` NDJSON: an action line `{"index":{"_index":…,"_id":…}}`
 * followed by the ECS document. The `_id` is derived from what identifies a transaction —
 * its id **and its start**, since Postfix reuses queue ids — so indexing the same log twice
 * overwrites instead of duplicating. The index name may carry a date (`maillog-%Y.%m.%d`),
 * taken in UTC from the document's time, so a re-run also lands in the same index.
 *
 * Left out: HTTP, retries, batching into request sizes — `curl` and `split` do that.
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import type { Transaction } from '../transaction.js'
import { type EcsTransactionOptions, eventToEcs, isIsoTime, transactionToEcs } from './ecs.js'
import { fnv1a64 } from './hash.js'

/** Index name used when none is given. */
export const DEFAULT_INDEX = 'maillog-transactions'

/**
 * The `_id` of a transaction's document: FNV-1a 64 of `id + "\n" + start`.
 *
 * @example
 * transactionDocumentId({ id: 'mx1/postfix/4E5F607182', start: '2025-03-01T20:00:00+00:00', … }) //=> 'bcf5bda4b9a09ae0'
 */
export function transactionDocumentId(t: Pick<Transaction, 'id' | 'start'>): string {
  return fnv1a64(`${t.id}\n${t.start}`)
}

/**
 * A function giving each event a `_id` from its content (all fields but `line` and `source`,
 * which change when a file is rotated) and, for identical events of the same second, the
 * order in which they came. Used for NOQUEUE rejects, which have no transaction to name them.
 *
 * @example
 * const idOf = createEventIds()
 * esBulkEvent(reject, idOf(reject)) //=> '{"index":{"_index":"maillog-transactions","_id":"…"}}\n{…}\n'
 */
export function createEventIds(): (e: MailEvent) => string {
  let time: string | undefined
  let seen = new Map<string, number>()
  return (e) => {
    if (e.time !== time) {
      time = e.time
      seen = new Map()
    }
    const { line: _line, source: _source, ...content } = e
    const key = JSON.stringify(content)
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    return fnv1a64(`${key}\n${n}`)
  }
}

const TOKEN = /%(.)/g

/**
 * Why an index name (or pattern) is not acceptable to Elasticsearch, or `undefined` when it is.
 * Patterns may use `%Y`, `%m`, `%d` (UTC date of the document) and `%%`.
 *
 * @example
 * indexNameProblem('Maillog') //=> 'must be lowercase'
 */
export function indexNameProblem(pattern: string): string | undefined {
  let bad: string | undefined
  const name = pattern.replace(TOKEN, (_, c: string) => {
    if (c === 'Y') return '2025'
    if (c === 'm' || c === 'd') return '01'
    if (c === '%') return 'x'
    bad ??= `unknown date field %${c} (use %Y, %m, %d)`
    return ''
  })
  if (bad) return bad
  if (name === '' || name === '.' || name === '..') return 'must not be empty, "." or ".."'
  if (/[A-Z]/.test(name)) return 'must be lowercase'
  if (/[\\/*?"<>| ,#:]/.test(name)) return 'must not contain \\ / * ? " < > | space , # :'
  if (/^[-_+]/.test(name)) return 'must not start with -, _ or +'
  if (new TextEncoder().encode(name).length > 255) return 'must be at most 255 bytes'
  return undefined
}

/**
 * Resolves `%Y`, `%m`, `%d` in an index pattern from an ISO time, in UTC. An unresolved time
 * gives `0000.00.00`, so such documents stay together and visible.
 *
 * @example
 * resolveIndexName('maillog-%Y.%m.%d', '2025-03-01T23:30:00-02:00') //=> 'maillog-2025.03.02'
 */
export function resolveIndexName(pattern: string, time: string | undefined): string {
  if (pattern.indexOf('%') < 0) return pattern
  const d = isIsoTime(time) ? new Date(Date.parse(time)) : undefined
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  return pattern.replace(TOKEN, (all, c: string) => {
    if (c === 'Y') return d ? pad(d.getUTCFullYear(), 4) : '0000'
    if (c === 'm') return d ? pad(d.getUTCMonth() + 1, 2) : '00'
    if (c === 'd') return d ? pad(d.getUTCDate(), 2) : '00'
    if (c === '%') return '%'
    return all
  })
}

/** Options of the bulk functions. */
export interface EsBulkOptions extends EcsTransactionOptions {
  /** Index name or pattern (default {@link DEFAULT_INDEX}). */
  readonly index?: string
}

const pair = (index: string, id: string, doc: unknown): string =>
  `${JSON.stringify({ index: { _index: index, _id: id } })}\n${JSON.stringify(doc)}\n`

/**
 * A transaction as a `_bulk` pair: the action line and the ECS document, each ending in `\n`.
 *
 * @example
 * esBulkTransaction(t, { index: 'maillog-%Y.%m' })
 * //=> '{"index":{"_index":"maillog-2025.03","_id":"bcf5bda4b9a09ae0"}}\n{"@timestamp":"2025-03-01T20:00:00+00:00",…}\n'
 */
export function esBulkTransaction(t: Transaction, options: EsBulkOptions = {}): string {
  const doc = transactionToEcs(t, options)
  return pair(
    resolveIndexName(options.index ?? DEFAULT_INDEX, doc['@timestamp']),
    transactionDocumentId(t),
    doc,
  )
}

/**
 * An event as a `_bulk` pair, with the `_id` given (see {@link createEventIds}).
 *
 * @example
 * esBulkEvent(e, 'a1b2c3', { index: 'maillog-rejects' }) //=> '{"index":{"_index":"maillog-rejects","_id":"a1b2c3"}}\n{"@timestamp":…}\n'
 */
export function esBulkEvent(e: MailEvent, id: string, options: EsBulkOptions = {}): string {
  const doc = eventToEcs(e)
  return pair(resolveIndexName(options.index ?? DEFAULT_INDEX, doc['@timestamp']), id, doc)
}

/**
 * Message totals from transactions: received, delivered, deferred, bounced, bytes, senders,
 * recipients and delays. A transaction joins a message's lines (the `size=` of qmgr with each
 * recipient's delivery line) without a per-queue-id table that grows with the log, and its
 * links tell a content filter's re-injection from a new message — the double count pflogsumm
 * documents in its FAQ §14.
 *
 * @module
 */

import type { RecipientAttempt, Transaction } from '../transaction.js'
import { addValue } from './histogram.js'
import { responseReason } from './reason.js'
import {
  BYTES,
  COUNT,
  DOMAIN_BOUNCED,
  DOMAIN_DEFERRED,
  H_BOUNCED,
  H_DEFERRED,
  H_DELIVERED,
  H_RECEIVED,
  HOST_BOUNCED,
  HOST_BYTES_DELIVERED,
  HOST_BYTES_RECEIVED,
  HOST_DEFERRED,
  HOST_DELIVERED,
  HOST_RECEIVED,
  type Stats,
} from './state.js'
import { bump, row, type Table } from './table.js'
import { perTime, selected } from './time.js'

/**
 * An address with its domain lowercased (`Bob@Example.NET` → `Bob@example.net`), `<>` for the
 * null sender.
 *
 * @example
 * normalAddress('Bob@Example.NET') //=> 'Bob@example.net'
 */
export function normalAddress(a: string): string {
  if (a === '') return '<>'
  const at = a.lastIndexOf('@')
  return at < 0 ? a : a.slice(0, at + 1) + a.slice(at + 1).toLowerCase()
}

/**
 * The domain of a normalized address; an address without `@` (a local user) is its own domain.
 *
 * @example
 * domainOf('Bob@example.net') //=> 'example.net'
 */
export function domainOf(a: string): string {
  const at = a.lastIndexOf('@')
  return at < 0 ? a : a.slice(at + 1)
}

/** One message of `size` bytes for a key of a volume table. */
function volume(table: Table, key: string, size: number): void {
  const r = row(table, key)
  r[COUNT]!++
  r[BYTES]! += size
}

function received(s: Stats, t: Transaction): void {
  const size = t.size ?? 0
  s.totals.received++
  s.totals.bytesReceived += size
  if (t.size === undefined) s.totals.receivedWithoutSize++
  perTime(s, t.start, H_RECEIVED)
  const h = row(s.tables.hosts, t.host)
  h[HOST_RECEIVED]!++
  h[HOST_BYTES_RECEIVED]! += size
  if (t.from === undefined) return
  const from = normalAddress(t.from)
  volume(s.tables.senders, from, size)
  volume(s.tables.senderDomains, from === '<>' ? from : domainOf(from), size)
}

function delivered(s: Stats, t: Transaction, r: RecipientAttempt): void {
  const size = t.size ?? 0
  s.totals.delivered++
  s.totals.bytesDelivered += size
  perTime(s, r.time, H_DELIVERED)
  const h = row(s.tables.hosts, t.host)
  h[HOST_DELIVERED]!++
  h[HOST_BYTES_DELIVERED]! += size
  const to = normalAddress(r.to)
  volume(s.tables.recipients, to, size)
  volume(s.tables.recipientDomains, domainOf(to), size)
  if (r.delay !== undefined) addValue(s.delays.delay, r.delay)
  if (r.delays !== undefined) {
    addValue(s.delays.beforeQueue, r.delays.beforeQueue)
    addValue(s.delays.inQueue, r.delays.inQueue)
    addValue(s.delays.connection, r.delays.connection)
    addValue(s.delays.transmission, r.delays.transmission)
  }
}

/** A `sent` attempt whose next hop is a re-injection on this host (content filter, other instance). */
function isHandoff(t: Transaction, r: RecipientAttempt): boolean {
  if (r.queuedAs === undefined || t.next === undefined) return false
  const prefix = t.host + '/'
  const suffix = '/' + r.queuedAs
  return t.next.some((id) => id.startsWith(prefix) && id.endsWith(suffix))
}

/**
 * Counts a transaction's message facts: received (at its opening line), and each recipient
 * attempt (at the attempt's time) — both within the host/time filter.
 *
 * @example
 * const stats = createStats()
 * const state = createState()
 * for (const e of events) {
 *   countEvent(stats, e)
 *   for (const t of reduce(state, e)) countTransaction(stats, t)
 * }
 * for (const t of flush(state)) countTransaction(stats, t)
 * statsReport(stats).totals.delivered //=> 17
 */
export function countTransaction(stats: Stats, t: Transaction): void {
  if (stats.host !== undefined && t.host !== stats.host) return
  if ((t.client !== undefined || t.uid !== undefined) && selected(stats, t.host, t.start)) {
    const prefix = t.host + '/'
    if (t.previous?.some((id) => id.startsWith(prefix))) stats.totals.reinjected++
    else received(stats, t)
  }
  let deferred = false
  for (const r of t.recipients) {
    if (!selected(stats, t.host, r.time)) continue
    if (r.status === 'sent') {
      // pflogsumm: `status=sent (forwarded as …)` is a forward, not a delivery.
      if (r.response?.includes('forwarded as ')) stats.totals.forwarded++
      else if (isHandoff(t, r)) stats.totals.handoffs++
      else delivered(stats, t, r)
    } else if (r.status === 'deferred') {
      if (!deferred) {
        deferred = true
        stats.totals.deferred++
      }
      stats.totals.deferrals++
      perTime(stats, r.time, H_DEFERRED)
      row(stats.tables.hosts, t.host)[HOST_DEFERRED]!++
      row(stats.tables.recipientDomains, domainOf(normalAddress(r.to)))[DOMAIN_DEFERRED]!++
      bump(stats.tables.deferredReasons, `${r.dsn ?? ''}\t${responseReason(r.response ?? '')}`, 0, 1)
    } else if (r.status === 'bounced') {
      stats.totals.bounced++
      perTime(stats, r.time, H_BOUNCED)
      row(stats.tables.hosts, t.host)[HOST_BOUNCED]!++
      row(stats.tables.recipientDomains, domainOf(normalAddress(r.to)))[DOMAIN_BOUNCED]!++
      bump(stats.tables.bouncedReasons, `${r.dsn ?? ''}\t${responseReason(r.response ?? '')}`, 0, 1)
    }
  }
}

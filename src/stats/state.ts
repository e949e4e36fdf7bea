/**
 * The stats accumulator's state: running totals, bounded per-key tables and delay histograms.
 * Everything keyed by text from the log is a {@link Table} with a key cap, so memory does not
 * grow with the input: a multi-gigabyte log needs the same few megabytes as a small one once
 * its tables are full.
 *
 * @module
 */

import { createHistogram, type Histogram } from './histogram.js'
import { createTable, type Table } from './table.js'

/** Options of {@link createStats}. */
export interface StatsOptions {
  /** Rows per top list in the report. Default 10. */
  readonly top?: number
  /** Keys a table keeps before it drops its lowest-ranked half (see `table.ts`). Default 20,000. */
  readonly maxKeys?: number
  /** Count only lines and transactions of this syslog host. */
  readonly host?: string
  /** Count only what happened at or after this instant (ms since the epoch). */
  readonly since?: number
  /** Count only what happened at or before this instant (ms since the epoch). */
  readonly until?: number
}

/** Grand totals; see docs/stats.md for what each one counts. */
export interface StatsTotals {
  /** Messages that entered the queue from outside: smtpd `client=` and pickup `uid=`, re-injections excluded. */
  received: number
  /** Messages re-injected by a content filter on the same host (pflogsumm counts them as received). */
  reinjected: number
  /** Recipient deliveries with `status=sent`, except forwards and hand-offs to a content filter. */
  delivered: number
  /** `status=sent (forwarded as …)`: local alias/forward re-submissions. */
  forwarded: number
  /** `status=sent` hand-offs to a content filter or another instance on the same host, whose re-injection is in the input (pflogsumm: delivered). */
  handoffs: number
  /** Messages with at least one deferred attempt. */
  deferred: number
  /** Deferred attempts (`status=deferred` lines). */
  deferrals: number
  /** Recipient attempts with `status=bounced`. */
  bounced: number
  /** Reject lines: smtpd and postscreen rejects (NOQUEUE or with a queue id), cleanup check and milter rejects. */
  rejected: number
  /** The part of `rejected` without a queue id (NOQUEUE). */
  rejectedNoqueue: number
  /** smtpd `reject_warning` lines (`warn_if_reject`). */
  rejectWarnings: number
  /** `hold` actions of smtpd access checks, cleanup header/body checks and milters. */
  held: number
  /** `discard` actions of smtpd access checks, cleanup header/body checks and milters. */
  discarded: number
  /** `warn`/`warning` actions of access, header and body checks. */
  checkWarnings: number
  /** qmgr `status=expired` / `force-expired`: messages returned to sender after the queue lifetime. */
  expired: number
  /** Delivery notices created by bounce/defer/trace (`sender non-delivery notification: …`). */
  notifications: number
  /** Sum of `size=` of received messages (qmgr line). */
  bytesReceived: number
  /** Sum over delivered recipients of their message's `size=`. */
  bytesDelivered: number
  /** Received messages without a qmgr `size=` in the input (counted as 0 bytes). */
  receivedWithoutSize: number
}

/** Hourly columns, in order. */
export const HOUR_COLUMNS = ['received', 'delivered', 'deferred', 'bounced', 'rejected'] as const
export const H_RECEIVED = 0
export const H_DELIVERED = 1
export const H_DEFERRED = 2
export const H_BOUNCED = 3
export const H_REJECTED = 4

/** Host table columns, in order. */
export const HOST_COLUMNS = [
  'lines',
  'received',
  'delivered',
  'deferred',
  'bounced',
  'rejected',
  'bytesReceived',
  'bytesDelivered',
] as const
export const HOST_LINES = 0
export const HOST_RECEIVED = 1
export const HOST_DELIVERED = 2
export const HOST_DEFERRED = 3
export const HOST_BOUNCED = 4
export const HOST_REJECTED = 5
export const HOST_BYTES_RECEIVED = 6
export const HOST_BYTES_DELIVERED = 7

/** Recipient domain table columns, in order (volume tables have the first two). */
export const DOMAIN_COLUMNS = ['count', 'bytes', 'deferred', 'bounced'] as const
export const COUNT = 0
export const BYTES = 1
export const DOMAIN_DEFERRED = 2
export const DOMAIN_BOUNCED = 3

/** The running state of a stats run. Mutated in place by `countEvent`/`countTransaction`. */
export interface Stats {
  readonly top: number
  readonly host: string | undefined
  readonly since: number | undefined
  readonly until: number | undefined
  /** Lines (events) counted, and of them Postfix lines, `postfix.unrecognized` and `unknown`. */
  readonly lines: { total: number; postfix: number; unrecognized: number; unknown: number }
  /** Earliest and latest resolved event time (ISO text and ms). */
  readonly period: { first?: string; firstMs: number; last?: string; lastMs: number }
  readonly totals: StatsTotals
  /** 24 rows (hour of day in the log's zone) × `HOUR_COLUMNS`. */
  readonly hourly: number[][]
  readonly tables: StatsTables
  readonly delays: {
    readonly delay: Histogram
    readonly beforeQueue: Histogram
    readonly inQueue: Histogram
    readonly connection: Histogram
    readonly transmission: Histogram
  }
  /** Single counters of the postscreen, TLS, SASL and smtpd sections. */
  readonly counters: StatsCounters
}

/** The bounded tables of a run. */
export interface StatsTables {
  /** `unrecognized <program>` / `unknown(<reason>) <program>` → lines. */
  readonly residue: Table
  /** By date (`YYYY-MM-DD` in the log's zone), columns as `HOUR_COLUMNS`. */
  readonly daily: Table
  /** By syslog host, columns `HOST_COLUMNS`. */
  readonly hosts: Table
  readonly senders: Table
  readonly senderDomains: Table
  readonly recipients: Table
  readonly recipientDomains: Table
  /** Reason tables, keyed `label\treason` (label: SMTP code, DSN or daemon). */
  readonly rejected: Table
  readonly rejectWarning: Table
  readonly held: Table
  readonly discarded: Table
  readonly deferredReasons: Table
  readonly bouncedReasons: Table
  readonly warnings: Table
  readonly rejectStages: Table
  readonly problems: Table
  readonly saslClients: Table
  readonly saslUsernames: Table
  readonly saslMechanisms: Table
  readonly postscreenTests: Table
  readonly postscreenLists: Table
  readonly dnsblDomains: Table
  readonly tlsIncoming: Table
  readonly tlsOutgoing: Table
  readonly tlsCiphers: Table
}

/** Plain counters. */
export interface StatsCounters {
  saslFailures: number
  smtpdConnections: number
  lostConnection: number
  timeout: number
  tooManyErrors: number
  pipelining: number
  postscreenConnections: number
  passNew: number
  passOld: number
  dnsbl: number
  pregreet: number
  hangup: number
  violations: number
  listed: number
  veto: number
  postscreenRejected: number
  tlsIncoming: number
  tlsIncomingReused: number
  tlsOutgoing: number
  tlsOutgoingReused: number
}

/**
 * An empty accumulator.
 *
 * @example
 * const stats = createStats({ top: 5, host: 'mx1' })
 * for (const e of events) countEvent(stats, e)
 * for (const t of transactions) countTransaction(stats, t)
 * statsReport(stats).totals.received //=> 42
 */
export function createStats(options: StatsOptions = {}): Stats {
  const top = options.top ?? 10
  if (!(Number.isInteger(top) && top >= 0)) throw new RangeError(`top must be a whole number, got ${top}`)
  const cap = options.maxKeys ?? 20_000
  if (!(Number.isInteger(cap) && cap >= 2)) throw new RangeError(`maxKeys must be at least 2, got ${cap}`)
  const count = (): Table => createTable(['count'], cap)
  const volume = (): Table => createTable(['count', 'bytes'], cap, 'bytes')
  return {
    top,
    host: options.host,
    since: options.since,
    until: options.until,
    lines: { total: 0, postfix: 0, unrecognized: 0, unknown: 0 },
    period: { firstMs: Number.POSITIVE_INFINITY, lastMs: Number.NEGATIVE_INFINITY },
    totals: {
      received: 0,
      reinjected: 0,
      delivered: 0,
      forwarded: 0,
      handoffs: 0,
      deferred: 0,
      deferrals: 0,
      bounced: 0,
      rejected: 0,
      rejectedNoqueue: 0,
      rejectWarnings: 0,
      held: 0,
      discarded: 0,
      checkWarnings: 0,
      expired: 0,
      notifications: 0,
      bytesReceived: 0,
      bytesDelivered: 0,
      receivedWithoutSize: 0,
    },
    hourly: Array.from({ length: 24 }, () => HOUR_COLUMNS.map(() => 0)),
    tables: {
      residue: count(),
      daily: createTable(HOUR_COLUMNS, cap),
      hosts: createTable(HOST_COLUMNS, cap),
      senders: volume(),
      senderDomains: volume(),
      recipients: volume(),
      recipientDomains: createTable(DOMAIN_COLUMNS, cap, 'bytes'),
      rejected: count(),
      rejectWarning: count(),
      held: count(),
      discarded: count(),
      deferredReasons: count(),
      bouncedReasons: count(),
      warnings: count(),
      rejectStages: count(),
      problems: createTable(['total', 'warning', 'error', 'fatal', 'panic'], cap),
      saslClients: count(),
      saslUsernames: count(),
      saslMechanisms: count(),
      postscreenTests: count(),
      postscreenLists: count(),
      dnsblDomains: count(),
      tlsIncoming: count(),
      tlsOutgoing: count(),
      tlsCiphers: count(),
    },
    delays: {
      delay: createHistogram(),
      beforeQueue: createHistogram(),
      inQueue: createHistogram(),
      connection: createHistogram(),
      transmission: createHistogram(),
    },
    counters: {
      saslFailures: 0,
      smtpdConnections: 0,
      lostConnection: 0,
      timeout: 0,
      tooManyErrors: 0,
      pipelining: 0,
      postscreenConnections: 0,
      passNew: 0,
      passOld: 0,
      dnsbl: 0,
      pregreet: 0,
      hangup: 0,
      violations: 0,
      listed: 0,
      veto: 0,
      postscreenRejected: 0,
      tlsIncoming: 0,
      tlsIncomingReused: 0,
      tlsOutgoing: 0,
      tlsOutgoingReused: 0,
    },
  }
}

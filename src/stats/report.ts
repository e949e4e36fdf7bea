/**
 * The report: a plain JSON object built from the accumulator (`maillog stats --json` prints
 * it as is). Lists are cut to the run's `top`; tables that dropped keys are named under
 * `approximate` with their error bound.
 *
 * @module
 */

import { type Percentiles, percentiles } from './histogram.js'
import type { Stats, StatsTotals } from './state.js'
import { isApproximate, type Table, top } from './table.js'

/** A count by key (`key` is the address, domain, host, IP… the list is about). */
export interface CountRow {
  readonly key: string
  readonly count: number
}

/** A message count and byte volume by key. */
export interface VolumeRow extends CountRow {
  readonly bytes: number
}

/** Delivered messages, bytes, deferrals and bounces by recipient domain. */
export interface RecipientDomainRow extends VolumeRow {
  readonly deferred: number
  readonly bounced: number
}

/** A grouped reason: `label` is the SMTP code (rejects), DSN (deferrals, bounces) or `severity daemon` (warnings). */
export interface ReasonRow {
  readonly label: string
  readonly reason: string
  readonly count: number
}

/** Per hour of day or per date. */
export interface TimeRow {
  readonly received: number
  readonly delivered: number
  readonly deferred: number
  readonly bounced: number
  readonly rejected: number
}

/** Volumes of one syslog host. */
export interface HostRow {
  readonly key: string
  readonly lines: number
  readonly received: number
  readonly delivered: number
  readonly deferred: number
  readonly bounced: number
  readonly rejected: number
  readonly bytesReceived: number
  readonly bytesDelivered: number
}

/** Warning, error, fatal and panic lines of one daemon. */
export interface ProblemRow {
  readonly key: string
  readonly total: number
  readonly warning: number
  readonly error: number
  readonly fatal: number
  readonly panic: number
}

/** Top lists by message count and by bytes. */
export interface TopVolumes<R extends VolumeRow = VolumeRow> {
  readonly byCount: readonly R[]
  readonly byBytes: readonly R[]
}

/** The whole report. */
export interface StatsReport {
  readonly version: 1
  /** Earliest and latest resolved line time counted. */
  readonly period: { readonly first?: string; readonly last?: string }
  /** The filters of the run (times as ISO UTC). */
  readonly filter: { readonly host?: string; readonly since?: string; readonly until?: string }
  readonly lines: {
    readonly total: number
    readonly postfix: number
    readonly unrecognized: number
    readonly unknown: number
    /** `unrecognized <program>` / `unknown(<reason>) <program>` → lines. */
    readonly residue: readonly CountRow[]
  }
  readonly totals: Readonly<StatsTotals>
  /** Distinct senders, recipients and their domains (lower bounds when the table is approximate). */
  readonly distinct: {
    readonly senders: number
    readonly senderDomains: number
    readonly recipients: number
    readonly recipientDomains: number
  }
  /** 24 rows, hour 0–23 of the log's zone, summed over all days. */
  readonly hourly: readonly (TimeRow & { readonly hour: number })[]
  /** One row per date, in order. */
  readonly daily: readonly (TimeRow & { readonly date: string })[]
  readonly hosts: readonly HostRow[]
  readonly senders: TopVolumes
  readonly senderDomains: TopVolumes
  readonly recipients: TopVolumes
  readonly recipientDomains: TopVolumes<RecipientDomainRow> & {
    /** Recipient domains by deferred attempts (they may have no delivery at all). */
    readonly byDeferred: readonly RecipientDomainRow[]
  }
  /** Delays of delivered recipients, in seconds: `delay=` and the four `delays=` parts. */
  readonly delays: {
    readonly delay: Percentiles
    readonly beforeQueue: Percentiles
    readonly inQueue: Percentiles
    readonly connection: Percentiles
    readonly transmission: Percentiles
  }
  readonly reasons: {
    readonly rejected: readonly ReasonRow[]
    readonly rejectWarning: readonly ReasonRow[]
    readonly held: readonly ReasonRow[]
    readonly discarded: readonly ReasonRow[]
    readonly deferred: readonly ReasonRow[]
    readonly bounced: readonly ReasonRow[]
    readonly warnings: readonly ReasonRow[]
  }
  /** Rejects by SMTP stage (`RCPT`, `CONNECT`…; `cleanup` for header/body checks). */
  readonly rejectStages: readonly CountRow[]
  readonly sasl: {
    readonly failures: number
    readonly byClient: readonly CountRow[]
    readonly byUsername: readonly CountRow[]
    readonly byMechanism: readonly CountRow[]
  }
  readonly smtpd: {
    readonly connections: number
    readonly lostConnection: number
    readonly timeout: number
    readonly tooManyErrors: number
    readonly pipelining: number
  }
  readonly postscreen: {
    readonly connections: number
    readonly passNew: number
    readonly passOld: number
    readonly dnsbl: number
    readonly pregreet: number
    readonly hangup: number
    readonly violations: number
    readonly listed: number
    readonly veto: number
    readonly rejected: number
    /** By test: `BARE NEWLINE`, `COMMAND PIPELINING`, `NON-SMTP COMMAND`… */
    readonly byTest: readonly CountRow[]
    /** By list: `ALLOWLISTED`, `DENYLISTED`… */
    readonly byList: readonly CountRow[]
    /** dnsblog: which DNS lists listed clients. */
    readonly dnsblDomains: readonly CountRow[]
  }
  readonly tls: {
    /** Server side (smtpd, tlsproxy): `TLS connection established from`. */
    readonly incoming: {
      readonly connections: number
      readonly reused: number
      readonly byTrustProtocol: readonly CountRow[]
    }
    /** Client side (smtp, lmtp): `TLS connection established to`. */
    readonly outgoing: {
      readonly connections: number
      readonly reused: number
      readonly byTrustProtocol: readonly CountRow[]
    }
    readonly ciphers: readonly CountRow[]
  }
  /** Warning/error/fatal/panic lines by daemon. */
  readonly problems: readonly ProblemRow[]
  /** Tables that dropped keys: their counts may be low by at most `maxDropped`. */
  readonly approximate: {
    readonly [table: string]: { readonly dropped: number; readonly maxDropped: number }
  }
}

const counts = (t: Table, n: number): CountRow[] => top(t, 'count', n) as unknown as CountRow[]

function reasons(t: Table, n: number): ReasonRow[] {
  return top(t, 'count', n).map((r) => {
    const tab = r.key.indexOf('\t')
    return { label: r.key.slice(0, tab), reason: r.key.slice(tab + 1), count: r.count as number }
  })
}

function volumes<R extends VolumeRow>(t: Table, n: number): TopVolumes<R> {
  return {
    byCount: top(t, 'count', n) as unknown as R[],
    byBytes: top(t, 'bytes', n) as unknown as R[],
  }
}

function timeRow(r: readonly number[]): TimeRow {
  return { received: r[0]!, delivered: r[1]!, deferred: r[2]!, bounced: r[3]!, rejected: r[4]! }
}

const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString()

/**
 * The report of everything counted so far (the accumulator can go on counting afterwards).
 *
 * @example
 * const r = statsReport(stats)
 * r.totals.received //=> 12
 * r.senders.byCount[0] //=> { key: 'alice@example.org', count: 5, bytes: 21000 }
 */
export function statsReport(stats: Stats): StatsReport {
  const n = stats.top
  const { tables: t, counters: c } = stats
  const approximate: Record<string, { dropped: number; maxDropped: number }> = {}
  for (const [name, table] of Object.entries(t) as [string, Table][]) {
    if (isApproximate(table)) approximate[name] = { dropped: table.dropped, maxDropped: table.maxDropped }
  }
  const days = [...t.daily.rows.keys()].sort()
  const problems = [...t.problems.rows.keys()].sort()
  return {
    version: 1,
    period: { first: stats.period.first, last: stats.period.last },
    filter: { host: stats.host, since: iso(stats.since), until: iso(stats.until) },
    lines: { ...stats.lines, residue: counts(t.residue, Number.POSITIVE_INFINITY) },
    totals: { ...stats.totals },
    distinct: {
      senders: t.senders.rows.size,
      senderDomains: t.senderDomains.rows.size,
      recipients: t.recipients.rows.size,
      recipientDomains: [...t.recipientDomains.rows.values()].filter((r) => r[0]! > 0).length,
    },
    hourly: stats.hourly.map((r, hour) => ({ hour, ...timeRow(r) })),
    daily: days.map((date) => ({ date, ...timeRow(t.daily.rows.get(date)!) })),
    hosts: top(t.hosts, 'lines', n, true) as unknown as HostRow[],
    senders: volumes(t.senders, n),
    senderDomains: volumes(t.senderDomains, n),
    recipients: volumes(t.recipients, n),
    recipientDomains: {
      ...volumes<RecipientDomainRow>(t.recipientDomains, n),
      byDeferred: top(t.recipientDomains, 'deferred', n) as unknown as RecipientDomainRow[],
    },
    delays: {
      delay: percentiles(stats.delays.delay),
      beforeQueue: percentiles(stats.delays.beforeQueue),
      inQueue: percentiles(stats.delays.inQueue),
      connection: percentiles(stats.delays.connection),
      transmission: percentiles(stats.delays.transmission),
    },
    reasons: {
      rejected: reasons(t.rejected, n),
      rejectWarning: reasons(t.rejectWarning, n),
      held: reasons(t.held, n),
      discarded: reasons(t.discarded, n),
      deferred: reasons(t.deferredReasons, n),
      bounced: reasons(t.bouncedReasons, n),
      warnings: reasons(t.warnings, n),
    },
    rejectStages: counts(t.rejectStages, n),
    sasl: {
      failures: c.saslFailures,
      byClient: counts(t.saslClients, n),
      byUsername: counts(t.saslUsernames, n),
      byMechanism: counts(t.saslMechanisms, n),
    },
    smtpd: {
      connections: c.smtpdConnections,
      lostConnection: c.lostConnection,
      timeout: c.timeout,
      tooManyErrors: c.tooManyErrors,
      pipelining: c.pipelining,
    },
    postscreen: {
      connections: c.postscreenConnections,
      passNew: c.passNew,
      passOld: c.passOld,
      dnsbl: c.dnsbl,
      pregreet: c.pregreet,
      hangup: c.hangup,
      violations: c.violations,
      listed: c.listed,
      veto: c.veto,
      rejected: c.postscreenRejected,
      byTest: counts(t.postscreenTests, n),
      byList: counts(t.postscreenLists, n),
      dnsblDomains: counts(t.dnsblDomains, n),
    },
    tls: {
      incoming: {
        connections: c.tlsIncoming,
        reused: c.tlsIncomingReused,
        byTrustProtocol: counts(t.tlsIncoming, n),
      },
      outgoing: {
        connections: c.tlsOutgoing,
        reused: c.tlsOutgoingReused,
        byTrustProtocol: counts(t.tlsOutgoing, n),
      },
      ciphers: counts(t.tlsCiphers, n),
    },
    problems: problems.map((daemon) => {
      const r = t.problems.rows.get(daemon)!
      return { key: daemon, total: r[0]!, warning: r[1]!, error: r[2]!, fatal: r[3]!, panic: r[4]! }
    }),
    approximate,
  }
}

/**
 * What single lines say: rejects and other check actions, SASL failures, postscreen verdicts,
 * TLS sessions, warnings by daemon, unparsed residue. Message totals (received, delivered,
 * deferred, bounced, bytes, delays) need the lines of a message joined and come from
 * transactions instead (`transactions.ts`).
 *
 * One handler per event type in a mapped table: a new event type without an entry here is a
 * compile error, so the report never silently ignores a new kind of line.
 *
 * @module
 */

import type { EventOf, MailEvent, MailEventType, Severity } from '../events/index.js'
import { diagnosticReason, leadingCode, rejectReason, stripCodes } from './reason.js'
import { H_REJECTED, HOST_LINES, HOST_REJECTED, type Stats } from './state.js'
import { bump, row, type Table } from './table.js'
import { perTime, selected, timeMs } from './time.js'

type Handler<E> = (s: Stats, e: E) => void

const SEVERITY_COLUMN: { readonly [K in Severity]: number } = { warning: 1, error: 2, fatal: 3, panic: 4 }

/** Adds one to a reason table under `label\treason`. */
function reason(table: Table, label: string | number | undefined, text: string): void {
  bump(table, `${label ?? ''}\t${text}`, 0, 1)
}

function reject(s: Stats, e: MailEvent & { time: string; host: string }, noqueue: boolean): void {
  s.totals.rejected++
  if (noqueue) s.totals.rejectedNoqueue++
  perTime(s, e.time, H_REJECTED)
  bump(s.tables.hosts, e.host, HOST_REJECTED, 1)
}

const smtpdReject: Handler<EventOf<'postfix.smtpd.reject'>> = (s, e) => {
  if (e.action === 'reject_warning') {
    s.totals.rejectWarnings++
    reason(s.tables.rejectWarning, e.code, rejectReason(e.text))
    return
  }
  reject(s, e, e.queueId === undefined)
  reason(s.tables.rejected, e.code, rejectReason(e.text))
  bump(s.tables.rejectStages, e.stage, 0, 1)
}

const postscreenReject: Handler<EventOf<'postfix.postscreen.reject'>> = (s, e) => {
  s.counters.postscreenRejected++
  reject(s, e, e.queueId === undefined)
  reason(s.tables.rejected, e.code, rejectReason(e.text))
  bump(s.tables.rejectStages, e.stage, 0, 1)
}

/** `hold`/`discard`/`warn` of smtpd access checks, header/body checks and milters. */
function action(s: Stats, name: string, code: number | undefined, text: string): void {
  const a = name.startsWith('milter-') ? name.slice(7) : name
  if (a === 'hold') {
    s.totals.held++
    reason(s.tables.held, code, text)
  } else if (a === 'discard') {
    s.totals.discarded++
    reason(s.tables.discarded, code, text)
  } else if (a === 'warn' || a === 'warning') {
    s.totals.checkWarnings++
  }
}

const smtpdAction: Handler<EventOf<'postfix.smtpd.action'>> = (s, e) =>
  action(s, e.action, undefined, rejectReason(e.text))

const cleanupCheck: Handler<EventOf<'postfix.cleanup.check'>> = (s, e) => {
  // A check's optional text (`REJECT 550 5.7.1 Spam subject`) names the rule; without one, the
  // matched header or body text stands for it (as in pflogsumm). Milters log their reply.
  const said = e.reason ?? e.text
  const code = leadingCode(said)
  const why = `${e.class}: ${diagnosticReason(stripCodes(said))}`
  if (e.action === 'reject' || e.action === 'milter-reject') {
    reject(s, e, false)
    reason(s.tables.rejected, code, why)
    bump(s.tables.rejectStages, e.class === 'header' || e.class === 'body' ? 'cleanup' : e.class, 0, 1)
  } else action(s, e.action, code, why)
}

const saslFailed: Handler<EventOf<'postfix.smtpd.sasl-failed'>> = (s, e) => {
  s.counters.saslFailures++
  bump(s.tables.saslClients, e.client.ip, 0, 1)
  bump(s.tables.saslMechanisms, e.mechanism, 0, 1)
  if (e.saslUsername !== undefined) bump(s.tables.saslUsernames, e.saslUsername, 0, 1)
}

const lost: Handler<EventOf<'postfix.smtpd.lost-connection'>> = (s, e) => {
  if (e.reason === 'lost connection') s.counters.lostConnection++
  else if (e.reason === 'timeout') s.counters.timeout++
  else s.counters.tooManyErrors++
}

const tls: Handler<EventOf<'postfix.tls.connection'>> = (s, e) => {
  const incoming = e.direction === 'from'
  if (incoming) {
    s.counters.tlsIncoming++
    if (e.reused) s.counters.tlsIncomingReused++
  } else {
    s.counters.tlsOutgoing++
    if (e.reused) s.counters.tlsOutgoingReused++
  }
  bump(incoming ? s.tables.tlsIncoming : s.tables.tlsOutgoing, `${e.trust} ${e.protocol}`, 0, 1)
  bump(s.tables.tlsCiphers, e.cipher, 0, 1)
}

type Residue = Extract<MailEvent, { type: 'unknown' | `${string}.unrecognized` }>

const residue: Handler<Residue> = (s, e) => {
  if (e.type === 'unknown') s.lines.unknown++
  else s.lines.unrecognized++
  const key = `${e.type === 'unknown' ? `unknown(${e.reason})` : e.type} ${e.program ?? ''}`
  bump(s.tables.residue, key.trimEnd(), 0, 1)
}

const count =
  (k: keyof Stats['counters']): Handler<MailEvent> =>
  (s) => {
    s.counters[k]++
  }

/** Lines that add nothing here: message lines (counted from transactions), sessions, statistics. */
const none = null

const HANDLERS: { readonly [K in MailEventType]: Handler<EventOf<K>> | null } = {
  'postfix.smtpd.connect': count('smtpdConnections'),
  'postfix.smtpd.disconnect': none,
  'postfix.smtpd.client': none,
  'postfix.smtpd.reject': smtpdReject,
  'postfix.smtpd.action': smtpdAction,
  'postfix.smtpd.proxy-accept': none,
  'postfix.smtpd.lost-connection': lost,
  'postfix.smtpd.pipelining': count('pipelining'),
  'postfix.smtpd.sasl-failed': saslFailed,
  'postfix.smtpd.dns-mismatch': none,
  'postfix.smtpd.non-smtp-command': none,
  'postfix.smtpd.illegal-address': none,
  'postfix.ehlo-discard': none,
  'postfix.tls.connection': tls,
  'postfix.tls.note': none,
  'postfix.postscreen.connect': count('postscreenConnections'),
  'postfix.postscreen.pass': (s, e) => {
    if (e.kind === 'NEW') s.counters.passNew++
    else s.counters.passOld++
  },
  'postfix.postscreen.dnsbl': count('dnsbl'),
  'postfix.postscreen.pregreet': count('pregreet'),
  'postfix.postscreen.hangup': count('hangup'),
  'postfix.postscreen.violation': (s, e) => {
    s.counters.violations++
    bump(s.tables.postscreenTests, e.test, 0, 1)
  },
  'postfix.postscreen.disconnect': none,
  'postfix.postscreen.listed': (s, e) => {
    s.counters.listed++
    bump(s.tables.postscreenLists, e.list, 0, 1)
  },
  'postfix.postscreen.veto': count('veto'),
  'postfix.postscreen.reject': postscreenReject,
  'postfix.tlsproxy.connect': none,
  'postfix.tlsproxy.disconnect': none,
  'postfix.dnsblog.listed': (s, e) => bump(s.tables.dnsblDomains, e.domain, 0, 1),
  'postfix.cache-cleanup': none,
  'postfix.statistics': none,
  'postfix.cleanup.message-id': none,
  'postfix.cleanup.resent-message-id': none,
  'postfix.cleanup.check': cleanupCheck,
  'postfix.cleanup.removed': none,
  'postfix.qmgr.queued': none,
  'postfix.qmgr.removed': none,
  'postfix.qmgr.expired': (s) => {
    s.totals.expired++
  },
  'postfix.qmgr.skipped': none,
  'postfix.qmgr.corrupt': none,
  'postfix.delivery': none,
  'postfix.smtp.host-said': none,
  'postfix.smtp.connect-error': none,
  'postfix.smtp.pix': none,
  'postfix.bounce.notification': (s) => {
    s.totals.notifications++
  },
  'postfix.pickup.uid': none,
  'postfix.postsuper.action': none,
  'postfix.postsuper.summary': none,
  'postfix.lifecycle': none,
  'postfix.sasl-log': none,
  'postfix.queue-file-error': none,
  'postfix.config-warning': none,
  'postfix.command-error': none,
  'postfix.diagnostic': none,
  'postfix.debug': none,
  'postfix.unrecognized': residue,
  // Other families: their messages count through their transactions; residue is counted.
  'sendmail.from': none,
  'sendmail.to': none,
  'sendmail.dsn': none,
  'sendmail.reject': none,
  'sendmail.starttls': none,
  'sendmail.auth': none,
  'sendmail.lost-input': none,
  'sendmail.no-command': none,
  'sendmail.timeout': none,
  'sendmail.milter': none,
  'sendmail.daemon': none,
  'sendmail.syserr': none,
  'sendmail.collect': none,
  'sendmail.clone': none,
  'sendmail.done': none,
  'sendmail.queue-run': none,
  'sendmail.part': none,
  'sendmail.user-error': none,
  'sendmail.auth-warning': none,
  'sendmail.diagnostic': none,
  'sendmail.unrecognized': residue,
  'zimbra.mailbox.lmtp-delivering': none,
  'zimbra.mailbox.lmtp-delivered': none,
  'zimbra.mailbox.lmtp-rejected': none,
  'zimbra.mailbox.lmtp-discarded': none,
  'zimbra.mailbox.smtp-sending': none,
  'zimbra.mailbox.message-added': none,
  'zimbra.mailbox.item-added': none,
  'zimbra.mailbox.item-deleted': none,
  'zimbra.mailbox.item-moved': none,
  'zimbra.mailbox.item-copied': none,
  'zimbra.mailbox.filter-action': none,
  'zimbra.mailbox.login': none,
  'zimbra.mailbox.logout': none,
  'zimbra.mailbox.auth-failed': none,
  'zimbra.mailbox.request': none,
  'zimbra.mailbox.dav-error': none,
  'zimbra.mailbox.soap-batch': none,
  'zimbra.mailbox.soap-proxy': none,
  'zimbra.mailbox.password-changed': none,
  'zimbra.mailbox.client-identified': none,
  'zimbra.mailbox.session-summary': none,
  'zimbra.mailbox.imap-select': none,
  'zimbra.mailbox.command-failed': none,
  'zimbra.mailbox.throttled': none,
  'zimbra.mailbox.auth-required': none,
  'zimbra.mailbox.mailbox-created': none,
  'zimbra.mailbox.folder-emptied': none,
  'zimbra.mailbox.mailbox-loaded': none,
  'zimbra.mailbox.mailbox-available': none,
  'zimbra.mailbox.mailbox-deleted': none,
  'zimbra.mailbox.index-batch': none,
  'zimbra.mailbox.waitset-sweep': none,
  'zimbra.mailbox.out-of-office': none,
  'zimbra.mailbox.intercept': none,
  'zimbra.mailbox.lmtp-reply': none,
  'zimbra.mailbox.autocomplete': none,
  'zimbra.mailbox.servlet': none,
  'zimbra.mailbox.purge': none,
  'zimbra.mailbox.datasource-import': none,
  'zimbra.mailbox.quota': none,
  'zimbra.mailbox.spam-report': none,
  'zimbra.mailbox.exception': none,
  'zimbra.mailbox.record': none,
  'zimbra.audit.auth': none,
  'zimbra.audit.auth-failed': none,
  'zimbra.audit.lockout': none,
  'zimbra.audit.command': none,
  'zimbra.audit.record': none,
  'zimbra.zimbramon.status': none,
  'zimbra.zimbramon.stat': none,
  'zimbra.zimbramon.message': none,
  'zimbra.zmconfigd.service-status': none,
  'zimbra.zmconfigd.message': none,
  'zimbra.mailboxdmgr.message': none,
  'zimbra.saslauthd.auth': none,
  'zimbra.saslauthd.auth-failed': none,
  'zimbra.unrecognized': residue,
  'amavis.result': none,
  'amavis.forward': none,
  'amavis.checking': none,
  'amavis.smtp': none,
  'amavis.part': none,
  'amavis.timing': none,
  'amavis.spam-tag': none,
  'amavis.split': none,
  'amavis.open-relay': none,
  'amavis.bounce': none,
  'amavis.av-failure': none,
  'amavis.startup': none,
  'amavis.rundown': none,
  'amavis.diagnostic': none,
  'amavis.debug': none,
  'amavis.unrecognized': residue,
  'clamav.clamd.found': none,
  'clamav.clamd.scan': none,
  'clamav.clamd.database': none,
  'clamav.clamd.message': none,
  'clamav.freshclam.update': none,
  'clamav.freshclam.message': none,
  'clamav.unrecognized': residue,
  'opendkim.sign': none,
  'opendkim.verify': none,
  'opendkim.info': none,
  'opendkim.message': none,
  'opendkim.unrecognized': residue,
  unknown: residue,
}

type AnyHandler = (s: Stats, e: MailEvent) => void
const TABLE = HANDLERS as unknown as Readonly<Record<string, AnyHandler | null>>

/**
 * Counts what one line says. Lines outside the host/time filter are skipped (so are lines
 * without a header when a filter is set). Message totals need transactions: pass the
 * reducer's output to `countTransaction`, or use `collectStats`.
 *
 * @example
 * const stats = createStats()
 * countEvent(stats, parser.parse('Mar  1 12:00:01 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from h[192.0.2.1]: 554 5.7.1 <x@ex.com>: Relay access denied; from=<a@b> to=<x@ex.com> proto=ESMTP helo=<h>', 1))
 * statsReport(stats).totals.rejected //=> 1
 */
export function countEvent(stats: Stats, e: MailEvent): void {
  if (!selected(stats, e.host, e.time)) return
  stats.lines.total++
  if (e.time !== undefined && e.timeUnresolved !== true) {
    const ms = timeMs(e.time)
    if (ms < stats.period.firstMs) {
      stats.period.firstMs = ms
      stats.period.first = e.time
    }
    if (ms > stats.period.lastMs) {
      stats.period.lastMs = ms
      stats.period.last = e.time
    }
  }
  if (e.host !== undefined) row(stats.tables.hosts, e.host)[HOST_LINES]!++
  if (e.type.startsWith('postfix.')) stats.lines.postfix++
  if ('severity' in e && e.severity !== undefined && 'daemon' in e) {
    const r = row(stats.tables.problems, e.daemon)
    r[0]!++
    r[SEVERITY_COLUMN[e.severity]]!++
    // Typed warnings (SASL failures, DNS mismatches) group by their type; the rest by text.
    const text = 'text' in e ? e.text : e.type
    reason(stats.tables.warnings, `${e.severity} ${e.daemon}`, diagnosticReason(text))
  }
  TABLE[e.type]?.(stats, e)
}

/**
 * One event as an Elastic Common Schema document (`maillog parse --format ecs`, NOQUEUE
 * rejects in `trace --format ecs|es-bulk`). Header fields go to `@timestamp`, `host.name`,
 * `process.*` and `log.*`; peers to `source` (the client side) or `destination` (the server
 * side); addresses and ids to `email.*`; a TLS session to `tls.*`; every other field of the
 * event under `maillog.*` in snake_case, so nothing the line said is lost.
 *
 * @module
 */

import type { MailEvent, MailEventType } from '../events/index.js'
import { DELIVERED, Distinct, ecsDelays, ecsEndpoint, isIpAddress, isIsoTime, Related } from './ecs-fields.js'
import { ECS_VERSION, type EcsDocument, type EcsEventDocument, type MaillogEventFields } from './ecs-types.js'

type Categorization = readonly [category: readonly string[], type: readonly string[]]

const EMAIL: Categorization = [['email'], ['info']]
const OPENED: Categorization = [['network'], ['connection', 'start']]
const CLOSED: Categorization = [['network'], ['connection', 'end']]
const NETWORK: Categorization = [['network'], ['info']]
const DENIED: Categorization = [['email', 'network'], ['denied']]
const NONE: Categorization = [[], []]

/**
 * `event.category` / `event.type` per event type (the ECS categorization fields). A mapped
 * type, so a new event type without an entry is a compile error. A few are refined per event
 * in {@link categorize}.
 */
const CATEGORIZATION: { readonly [K in MailEventType]: Categorization } = {
  'postfix.smtpd.connect': OPENED,
  'postfix.smtpd.disconnect': CLOSED,
  'postfix.smtpd.client': EMAIL,
  'postfix.smtpd.reject': DENIED,
  'postfix.smtpd.action': EMAIL,
  'postfix.smtpd.proxy-accept': EMAIL,
  'postfix.smtpd.lost-connection': CLOSED,
  'postfix.smtpd.pipelining': NETWORK,
  'postfix.smtpd.sasl-failed': [['authentication'], ['info']],
  'postfix.smtpd.dns-mismatch': NETWORK,
  'postfix.smtpd.non-smtp-command': NETWORK,
  'postfix.smtpd.illegal-address': [['email', 'network'], ['denied']],
  'postfix.ehlo-discard': NETWORK,
  'postfix.tls.connection': [['network'], ['connection', 'protocol']],
  'postfix.tls.note': NETWORK,
  'postfix.postscreen.connect': OPENED,
  'postfix.postscreen.pass': [['network'], ['allowed']],
  'postfix.postscreen.dnsbl': NETWORK,
  'postfix.postscreen.pregreet': NETWORK,
  'postfix.postscreen.hangup': CLOSED,
  'postfix.postscreen.violation': NETWORK,
  'postfix.postscreen.disconnect': CLOSED,
  'postfix.postscreen.listed': [['network'], ['denied']],
  'postfix.postscreen.veto': NETWORK,
  'postfix.postscreen.reject': DENIED,
  'postfix.tlsproxy.connect': OPENED,
  'postfix.tlsproxy.disconnect': CLOSED,
  'postfix.dnsblog.listed': NETWORK,
  'postfix.cache-cleanup': NONE,
  'postfix.statistics': NONE,
  'postfix.cleanup.message-id': EMAIL,
  'postfix.cleanup.resent-message-id': EMAIL,
  'postfix.cleanup.check': EMAIL,
  'postfix.cleanup.removed': EMAIL,
  'postfix.qmgr.queued': EMAIL,
  'postfix.qmgr.removed': EMAIL,
  'postfix.qmgr.expired': EMAIL,
  'postfix.qmgr.skipped': EMAIL,
  'postfix.qmgr.corrupt': [['file'], ['info']],
  'postfix.delivery': EMAIL,
  'postfix.smtp.host-said': EMAIL,
  'postfix.smtp.connect-error': NETWORK,
  'postfix.smtp.pix': NETWORK,
  'postfix.bounce.notification': EMAIL,
  'postfix.pickup.uid': EMAIL,
  'postfix.postsuper.action': EMAIL,
  'postfix.postsuper.summary': EMAIL,
  'postfix.lifecycle': [['process'], ['info']],
  'postfix.sasl-log': [['authentication'], ['info']],
  'postfix.queue-file-error': [['file'], ['info']],
  'postfix.config-warning': [['configuration'], ['info']],
  'postfix.command-error': [['process'], ['info']],
  'postfix.diagnostic': NONE,
  'postfix.debug': NONE,
  'postfix.unrecognized': NONE,
  'sendmail.from': EMAIL,
  'sendmail.to': EMAIL,
  'sendmail.dsn': EMAIL,
  'sendmail.reject': DENIED,
  'sendmail.starttls': [['network'], ['connection', 'protocol']],
  'sendmail.auth': [['authentication'], ['info']],
  'sendmail.lost-input': CLOSED,
  'sendmail.no-command': NETWORK,
  'sendmail.timeout': CLOSED,
  'sendmail.milter': EMAIL,
  'sendmail.daemon': [['process'], ['info']],
  'sendmail.syserr': NONE,
  'sendmail.collect': EMAIL,
  'sendmail.clone': EMAIL,
  'sendmail.done': EMAIL,
  'sendmail.queue-run': NONE,
  'sendmail.part': NONE,
  'sendmail.user-error': EMAIL,
  'sendmail.auth-warning': [['email'], ['info']],
  'sendmail.diagnostic': NONE,
  'sendmail.unrecognized': NONE,
  'zimbra.mailbox.lmtp-delivering': EMAIL,
  'zimbra.mailbox.lmtp-delivered': EMAIL,
  'zimbra.mailbox.lmtp-rejected': DENIED,
  'zimbra.mailbox.lmtp-discarded': EMAIL,
  'zimbra.mailbox.smtp-sending': EMAIL,
  'zimbra.mailbox.message-added': EMAIL,
  'zimbra.mailbox.item-added': EMAIL,
  'zimbra.mailbox.item-deleted': EMAIL,
  'zimbra.mailbox.item-moved': EMAIL,
  'zimbra.mailbox.item-copied': EMAIL,
  'zimbra.mailbox.filter-action': EMAIL,
  'zimbra.mailbox.login': [['authentication', 'session'], ['start']],
  'zimbra.mailbox.logout': [['session'], ['end']],
  'zimbra.mailbox.auth-failed': [['authentication'], ['info']],
  'zimbra.mailbox.request': [['web'], ['access']],
  'zimbra.mailbox.dav-error': [['web'], ['error']],
  'zimbra.mailbox.soap-batch': [['web'], ['access']],
  'zimbra.mailbox.soap-proxy': [['web'], ['info']],
  'zimbra.mailbox.password-changed': [['iam'], ['change']],
  'zimbra.mailbox.client-identified': NETWORK,
  'zimbra.mailbox.session-summary': [['session'], ['end']],
  'zimbra.mailbox.imap-select': EMAIL,
  'zimbra.mailbox.command-failed': EMAIL,
  'zimbra.mailbox.throttled': [['network'], ['denied']],
  'zimbra.mailbox.auth-required': [['authentication'], ['info']],
  'zimbra.mailbox.mailbox-created': [['iam'], ['creation']],
  'zimbra.mailbox.folder-emptied': EMAIL,
  'zimbra.mailbox.mailbox-loaded': NONE,
  'zimbra.mailbox.mailbox-available': NONE,
  'zimbra.mailbox.mailbox-deleted': [['iam'], ['deletion']],
  'zimbra.mailbox.index-batch': NONE,
  'zimbra.mailbox.waitset-sweep': NONE,
  'zimbra.mailbox.out-of-office': EMAIL,
  'zimbra.mailbox.intercept': EMAIL,
  'zimbra.mailbox.lmtp-reply': DENIED,
  'zimbra.mailbox.autocomplete': NONE,
  'zimbra.mailbox.servlet': [['process'], ['info']],
  'zimbra.mailbox.purge': NONE,
  'zimbra.mailbox.datasource-import': NONE,
  'zimbra.mailbox.quota': EMAIL,
  'zimbra.mailbox.spam-report': EMAIL,
  'zimbra.mailbox.exception': NONE,
  'zimbra.mailbox.record': NONE,
  'zimbra.audit.auth': [['authentication'], ['start']],
  'zimbra.audit.auth-failed': [['authentication'], ['info']],
  'zimbra.audit.lockout': [['iam'], ['user', 'change']],
  'zimbra.audit.command': [['iam'], ['admin', 'change']],
  'zimbra.audit.record': NONE,
  'zimbra.zimbramon.status': [['process'], ['info']],
  'zimbra.zimbramon.stat': NONE,
  'zimbra.zimbramon.message': NONE,
  'zimbra.zmconfigd.service-status': [['process'], ['change']],
  'zimbra.zmconfigd.message': NONE,
  'zimbra.mailboxdmgr.message': [['process'], ['info']],
  'zimbra.saslauthd.auth': [['authentication'], ['start']],
  'zimbra.saslauthd.auth-failed': [['authentication'], ['info']],
  'zimbra.unrecognized': NONE,
  'amavis.result': EMAIL,
  'amavis.forward': EMAIL,
  'amavis.checking': EMAIL,
  'amavis.smtp': EMAIL,
  'amavis.part': EMAIL,
  'amavis.timing': NONE,
  'amavis.spam-tag': EMAIL,
  'amavis.split': NONE,
  'amavis.open-relay': [['email', 'network'], ['info']],
  'amavis.bounce': EMAIL,
  'amavis.av-failure': [['malware'], ['info']],
  'amavis.startup': [['process'], ['info']],
  'amavis.rundown': [['process'], ['end']],
  'amavis.diagnostic': NONE,
  'amavis.debug': NONE,
  'amavis.unrecognized': NONE,
  'clamav.clamd.found': [['malware', 'file'], ['info']],
  'clamav.clamd.scan': [['file'], ['info']],
  'clamav.clamd.database': [['configuration'], ['change']],
  'clamav.clamd.message': NONE,
  'clamav.freshclam.update': [['configuration'], ['change']],
  'clamav.freshclam.message': NONE,
  'clamav.unrecognized': NONE,
  'opendkim.sign': EMAIL,
  'opendkim.verify': EMAIL,
  'opendkim.info': EMAIL,
  'opendkim.message': NONE,
  'opendkim.unrecognized': NONE,
  unknown: NONE,
}

const LIFECYCLE_TYPE: Readonly<Record<string, string>> = {
  started: 'start',
  starting: 'start',
  terminating: 'end',
  stopping: 'end',
  reload: 'change',
  refreshing: 'change',
  restart: 'change',
}

/** The categorization of one event: the table, refined where the event itself says more. */
function categorize(e: MailEvent): { category?: string[]; type?: string[] } {
  const [category, type] = CATEGORIZATION[e.type]
  if (category.length === 0) return {}
  let types = [...type]
  if (e.type === 'postfix.smtpd.reject' && e.action === 'reject_warning') types = ['info']
  else if (e.type === 'postfix.postscreen.listed' && /^(?:ALLOW|WHITE)/.test(e.list)) types = ['allowed']
  else if (e.type === 'postfix.lifecycle') types = [LIFECYCLE_TYPE[e.action] ?? 'info']
  else if (e.type === 'postfix.cleanup.check' && e.action.includes('reject')) types = ['denied']
  return { category: [...category], type: types }
}

/** `event.outcome`, only for events that have one. */
function outcome(e: MailEvent): 'success' | 'failure' | undefined {
  switch (e.type) {
    case 'postfix.delivery':
      return DELIVERED.has(e.status) ? 'success' : 'failure'
    case 'postfix.smtpd.reject':
      return e.action === 'reject_warning' ? undefined : 'failure'
    case 'postfix.cleanup.check':
      return e.action.includes('reject') ? 'failure' : undefined
    case 'postfix.postscreen.reject':
    case 'postfix.smtpd.sasl-failed':
    case 'postfix.smtp.connect-error':
    case 'postfix.qmgr.expired':
      return 'failure'
    case 'postfix.postscreen.pass':
      return 'success'
    case 'opendkim.verify':
      return e.result === 'successful' ? 'success' : e.result === 'no-signature' ? undefined : 'failure'
    default:
      return undefined
  }
}

/** Server-side daemons: their `peer` is the client (`source`); other daemons' peer is a server. */
const SERVER_DAEMONS: ReadonlySet<string> = new Set(['smtpd', 'postscreen', 'tlsproxy'])

/** Event fields that go to ECS fields or are rebuilt, and are not copied under `maillog.*`. */
const CONSUMED: ReadonlySet<string> = new Set([
  'type',
  'line',
  'source',
  'offset',
  'time',
  'stamp',
  'timeUnresolved',
  'host',
  'program',
  'pid',
  'instance',
  'service',
  'daemon',
  'queueId',
  'severity',
  'client',
  'peer',
  'server',
  'relayEndpoint',
  'origClient',
  'hostname',
  'ip',
  'from',
  'to',
  'origTo',
  'messageId',
  'raw',
  'message',
  'counts',
  'commands',
  'delays',
  'after',
  'protocol',
  'cipher',
  'reused',
  'sni',
])

const snakeCache = new Map<string, string>()

/** `notificationQueueId` → `notification_queue_id`, cached (event field names are few). */
function snake(k: string): string {
  let s = snakeCache.get(k)
  if (s === undefined) {
    s = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
    snakeCache.set(k, s)
  }
  return s
}

/** `TLSv1.3` → `['tls', '1.3']`, `SSLv3` → `['ssl', '3']`. */
function tlsVersion(protocol: string): readonly [protocol: string, version: string] | undefined {
  const m = /^(TLS|SSL)v?(\d+(?:\.\d+)?)$/i.exec(protocol)
  return m ? [m[1]!.toLowerCase(), m[2]!] : undefined
}

function peers(e: MailEvent, doc: EcsDocument, maillog: Record<string, unknown>, related: Related): void {
  const serverSide = 'daemon' in e && typeof e.daemon === 'string' && SERVER_DAEMONS.has(e.daemon)
  if ('client' in e && e.client) {
    // amavis logs the client as `[ip]:port`, without a name.
    doc.source = ecsEndpoint(
      'hostname' in e.client ? e.client : { hostname: '', ip: e.client.ip, port: e.client.port },
    )
  }
  // Sendmail: `relay=` is the client on a received message, the next hop on a delivery.
  if (e.type === 'sendmail.from' && e.relay) doc.source = ecsEndpoint(e.relay)
  if (e.type === 'sendmail.to' && e.relay) doc.destination = ecsEndpoint(e.relay)
  if ('peer' in e && e.peer && typeof e.peer === 'object') {
    if (serverSide) doc.source = ecsEndpoint(e.peer)
    else doc.destination = ecsEndpoint(e.peer)
  }
  if ('server' in e && e.server) doc.destination = ecsEndpoint(e.server)
  if ('relayEndpoint' in e && e.relayEndpoint) doc.destination = ecsEndpoint(e.relayEndpoint)
  if ('ip' in e) {
    // dns-mismatch: the client's address and the name it claimed; dnsblog: the listed client.
    doc.source = ecsEndpoint({ hostname: 'hostname' in e ? e.hostname : '', ip: e.ip })
  }
  if ('origClient' in e && e.origClient) {
    const o = e.origClient
    maillog.orig_client = { hostname: o.hostname, ip: o.ip, port: o.port }
    if (isIpAddress(o.ip)) related.ip.add(o.ip)
  }
  related.peer(doc.source)
  related.peer(doc.destination)
}

function email(e: MailEvent, maillog: Record<string, unknown>): EcsDocument['email'] {
  const out: NonNullable<EcsDocument['email']> = {}
  if ('from' in e && e.from !== undefined) out.from = { address: e.from }
  const to = new Distinct()
  if ('to' in e) to.add(e.to)
  if ('origTo' in e) to.add(e.origTo)
  if (e.type === 'sendmail.to' || e.type === 'amavis.open-relay' || e.type === 'amavis.bounce') {
    for (const r of e.recipients) to.add(r)
  }
  if (to.values.length > 0) out.to = { address: to.values }
  if (e.type === 'postfix.cleanup.message-id' && e.messageId !== '') out.message_id = e.messageId
  if (e.type === 'sendmail.from' && e.msgid !== undefined) out.message_id = e.msgid
  if (e.type === 'postfix.cleanup.resent-message-id') maillog.resent_message_id = e.messageId
  if ('queueId' in e && e.queueId !== undefined) out.local_id = e.queueId
  return Object.keys(out).length > 0 ? out : undefined
}

function tls(e: MailEvent, maillog: Record<string, unknown>): EcsDocument['tls'] {
  if (e.type !== 'postfix.tls.connection') return undefined
  maillog.protocol = e.protocol
  const v = tlsVersion(e.protocol)
  return {
    version: v?.[1],
    version_protocol: v?.[0],
    cipher: e.cipher,
    established: true,
    resumed: e.reused,
    client: e.sni === undefined ? undefined : { server_name: e.sni },
  }
}

/** Copies every field without an ECS home under `maillog.*`, snake_cased. */
function rest(e: MailEvent, maillog: Record<string, unknown>): void {
  if ('after' in e) maillog[typeof e.after === 'number' ? 'after_seconds' : 'after'] = e.after
  if ('delays' in e) maillog.delays = ecsDelays(e.delays)
  if ('commands' in e && e.commands) maillog.commands = { ok: e.commands.ok, total: e.commands.total }
  if ('counts' in e) {
    maillog.counts = Object.entries(e.counts).map(([command, c]) => ({ command, ok: c.ok, total: c.total }))
  }
  const fields = e as unknown as Readonly<Record<string, unknown>>
  for (const k of Object.keys(e)) {
    if (CONSUMED.has(k)) continue
    const v = fields[k]
    // Sendmail objects whose names Postfix fields use as text: `relay` went to source or
    // destination; a `reply` is flattened so one mapping serves both families.
    if (k === 'relay' && typeof v === 'object') continue
    // A Sendmail `to=` list is in email.to.address; `maillog.recipients` is the transactions' attempts.
    if (k === 'recipients') continue
    if (k === 'reply' && typeof v === 'object' && v !== null) {
      const r = v as { code?: number; dsn?: string; text: string }
      maillog.reply_code = r.code
      maillog.reply_dsn = r.dsn
      maillog.reply_text = r.text
      continue
    }
    if (v !== undefined) maillog[snake(k)] = Array.isArray(v) ? [...v] : v
  }
}

/**
 * Maps one event to an ECS document. `@timestamp` is absent when the time could not be
 * resolved (`maillog.time_unresolved`, with the stamp in `maillog.stamp`); `message` and
 * `event.original` hold the text of `unknown` and `*.unrecognized` lines.
 *
 * @example
 * eventToEcs(parser.parse('Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: from=<a@example.org>, size=2413, nrcpt=1 (queue active)', 1))
 * //=> { '@timestamp': '2025-03-01T12:00:01+00:00', …, event: { action: 'postfix.qmgr.queued', … }, host: { name: 'mx1' }, email: { from: { address: 'a@example.org' }, local_id: '3F4A92C1B' }, maillog: { type: 'postfix.qmgr.queued', line: 1, …, size: 2413, nrcpt: 1 } }
 */
export function eventToEcs(e: MailEvent): EcsEventDocument {
  const maillog: Record<string, unknown> = { type: e.type, line: e.line, stamp: e.stamp }
  if (e.timeUnresolved) maillog.time_unresolved = true
  const related = new Related()
  related.hosts.add(e.host)
  let message: string | undefined
  let level: string | undefined
  if (e.type === 'unknown') {
    message = e.raw
  } else if (e.type.startsWith('sendmail.')) {
    if (e.type === 'sendmail.unrecognized') message = e.message
  } else if ('instance' in e) {
    maillog.instance = e.instance
    maillog.service = e.service
    maillog.daemon = e.daemon
    maillog.severity = e.severity
    level = e.severity
    if (e.type === 'postfix.unrecognized') message = e.message
  } else if (e.type.startsWith('clamav.') && 'severity' in e) {
    // ClamAV's own `ERROR:` / `WARNING:` prefix.
    maillog.severity = e.severity
    level = e.severity
  }
  const doc: EcsDocument = {
    '@timestamp': e.timeUnresolved || !isIsoTime(e.time) ? undefined : e.time,
    ecs: { version: ECS_VERSION },
    message,
    event: {
      kind: 'event',
      ...categorize(e),
      action: e.type,
      outcome: outcome(e),
      dataset: 'maillog.event',
      module: 'maillog',
      provider: e.program,
      original: 'raw' in e ? e.raw : undefined,
    },
    host: e.host === undefined ? undefined : { name: e.host },
    process: e.program === undefined ? undefined : { name: e.program, pid: e.pid },
    log:
      e.source === undefined && level === undefined && e.offset === undefined
        ? undefined
        : { file: e.source === undefined ? undefined : { path: e.source }, level, offset: e.offset },
  }
  peers(e, doc, maillog, related)
  doc.email = email(e, maillog)
  doc.tls = tls(e, maillog)
  rest(e, maillog)
  if ('saslUsername' in e) related.user.add(e.saslUsername)
  if (e.type === 'postfix.pickup.uid') related.user.add(String(e.uid))
  doc.related = related.build()
  return { ...doc, maillog: maillog as unknown as MaillogEventFields }
}

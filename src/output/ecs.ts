/**
 * Elastic Common Schema documents for transactions (here) and events (`./ecs-event.ts`), so
 * that Kibana, Elastic Security and OpenSearch Dashboards find a message by the field names
 * they already know (`email.from.address`, `email.to.address`, `email.message_id`,
 * `source.ip`, `host.name` …). What ECS has no name for goes under `maillog.*` in snake_case;
 * docs/ecs.md lists every field and where it comes from.
 *
 * Left out: `log.offset` on transactions (they span many lines; event documents carry it),
 * geo/AS enrichment, and anything else that needs a lookup.
 * No `node:` imports: this runs wherever the core runs.
 *
 * @module
 */

import { parseEndpoint } from '../postfix/fields.js'
import { isLoopback } from '../reduce/links.js'
import type { RecipientAttempt, Transaction, TransactionAction } from '../transaction.js'
import { DELIVERED, Distinct, ecsDelays, ecsEndpoint, FAILED, isIsoTime, Related } from './ecs-fields.js'
import {
  ECS_VERSION,
  type EcsTransactionDocument,
  type EcsTransactionOptions,
  type MaillogAction,
  type MaillogAttempt,
} from './ecs-types.js'

export { eventToEcs } from './ecs-event.js'
export { isIpAddress, isIsoTime } from './ecs-fields.js'
export * from './ecs-types.js'

/** How a transaction ended, for `event.action` and `event.outcome` (see docs/ecs.md). */
export type Disposition =
  | 'delivered'
  | 'partially-delivered'
  | 'bounced'
  | 'expired'
  | 'deferred'
  | 'rejected'
  | 'discarded'
  | 'removed'
  | 'queued'

const OUTCOME: { readonly [K in Disposition]: 'success' | 'failure' | 'unknown' } = {
  delivered: 'success',
  'partially-delivered': 'failure',
  bounced: 'failure',
  expired: 'failure',
  deferred: 'unknown',
  rejected: 'failure',
  discarded: 'success',
  removed: 'unknown',
  queued: 'unknown',
}

/**
 * Sums up how a transaction ended, from each recipient's last attempt, expiry, rejects and
 * discards:
 * `expired` when qmgr returned it to the sender; otherwise, by the last attempt of each
 * recipient, `delivered` (all sent), `bounced` (none sent, none pending), `partially-delivered`
 * (some sent, the rest failed) or `deferred` (some still pending); with no attempt at all,
 * `rejected`, `discarded`, `removed` (closed without delivery) or `queued` (still open).
 *
 * @example
 * transactionDisposition(t) //=> 'delivered' when every recipient's last attempt was `sent`
 */
export function transactionDisposition(t: Transaction): Disposition {
  if (t.warnings.some((w) => w.action === 'expired' || w.action === 'force-expired')) return 'expired'
  const last = new Map<string, RecipientAttempt['status']>()
  for (const r of t.recipients) last.set(`${r.to}\n${r.origTo ?? ''}`, r.status)
  if (last.size > 0) {
    let ok = 0
    let failed = 0
    for (const s of last.values()) {
      if (DELIVERED.has(s)) ok++
      else if (FAILED.has(s)) failed++
    }
    if (ok === last.size) return 'delivered'
    if (ok + failed < last.size) return 'deferred'
    return ok === 0 ? 'bounced' : 'partially-delivered'
  }
  if (t.rejects.length > 0) return 'rejected'
  if (t.warnings.some((w) => w.action.includes('discard'))) return 'discarded'
  return t.complete ? 'removed' : 'queued'
}

/**
 * `email.direction`, guessed without knowing the local domains: submitted by an authenticated
 * or local user, or a notice generated here → `outbound`; received from a remote client →
 * `inbound`; otherwise (re-injection from a content filter, log started mid-flow) unknown.
 */
function direction(t: Transaction): 'inbound' | 'outbound' | undefined {
  if (t.saslUsername !== undefined || t.uid !== undefined || t.bounceOf !== undefined) return 'outbound'
  if (t.client && !isLoopback(t.client.ip, t.client.hostname)) return 'inbound'
  return undefined
}

const attempt = (r: RecipientAttempt): MaillogAttempt => ({
  to: r.to,
  orig_to: r.origTo,
  status: r.status,
  dsn: r.dsn,
  relay: r.relay,
  delay: r.delay,
  delays: ecsDelays(r.delays),
  response: r.response,
  queued_as: r.queuedAs,
  agent: r.agent,
  time: r.time,
})

const action = (a: TransactionAction): MaillogAction => ({
  time: a.time,
  daemon: a.daemon,
  action: a.action,
  stage: a.stage,
  code: a.code,
  dsn: a.dsn,
  text: a.text,
  to: a.to,
})

/** The relay that accepted the message, when every accepted attempt went through the same one. */
function acceptingRelay(t: Transaction) {
  let relay: string | undefined
  for (const r of t.recipients) {
    if (!DELIVERED.has(r.status) || r.relay === undefined) continue
    if (relay !== undefined && relay !== r.relay) return undefined
    relay = r.relay
  }
  return relay === undefined ? undefined : parseEndpoint(relay)
}

function summary(t: Transaction, disposition: Disposition, to: readonly string[]): string {
  const from = t.from === undefined ? '?' : `<${t.from}>`
  const rcpt = to.length === 0 ? '?' : to.map((a) => `<${a}>`).join(', ')
  return `${t.id} ${disposition}: from ${from} to ${rcpt}`
}

/**
 * Maps a transaction to an ECS document: `@timestamp` is its start, `event.action` how it
 * ended ({@link transactionDisposition}), `source` its client, `destination` the relay that
 * accepted it, `email.to.address` every recipient, original recipient and rejected recipient.
 * Absent values are left `undefined`; `JSON.stringify` drops them.
 *
 * @example
 * transactionToEcs(t).email
 * //=> { from: { address: 'zed@example.com' }, to: { address: ['bob@example.org'] }, message_id: 'm8@example.com', local_id: '4E5F607182', direction: 'inbound', delivery_timestamp: '2025-03-01T20:00:01+00:00' }
 */
export function transactionToEcs(
  t: Transaction,
  options: EcsTransactionOptions = {},
): EcsTransactionDocument {
  const disposition = transactionDisposition(t)
  const to = new Distinct()
  const related = new Related()
  related.hosts.add(t.host)
  let delivered: string | undefined
  for (const r of t.recipients) {
    to.add(r.to)
    to.add(r.origTo)
    if (DELIVERED.has(r.status)) delivered = r.time
  }
  for (const r of t.rejects) to.add(r.to)
  const source = t.client && ecsEndpoint(t.client)
  const accepted = acceptingRelay(t)
  const destination = accepted && ecsEndpoint(accepted)
  related.peer(source)
  for (const r of t.recipients) {
    const relay = r.relay === undefined ? undefined : parseEndpoint(r.relay)
    if (relay) related.peer(ecsEndpoint(relay))
  }
  related.user.add(t.saslUsername)
  if (t.uid !== undefined) related.user.add(String(t.uid))
  const start = isIsoTime(t.start) ? t.start : undefined
  const end = isIsoTime(t.end) ? t.end : undefined
  return {
    '@timestamp': start ?? end,
    ecs: { version: ECS_VERSION },
    message: summary(t, disposition, to.values),
    event: {
      kind: 'event',
      category: ['email'],
      type: ['info'],
      action: disposition,
      outcome: OUTCOME[disposition],
      dataset: 'maillog.transaction',
      module: 'maillog',
      provider: t.mta,
      start,
      end,
      duration: start && end ? (Date.parse(end) - Date.parse(start)) * 1e6 : undefined,
    },
    host: { name: t.host },
    log: options.logFilePath === undefined ? undefined : { file: { path: options.logFilePath } },
    source,
    destination,
    email: {
      from: t.from === undefined ? undefined : { address: t.from },
      to: to.values.length > 0 ? { address: to.values } : undefined,
      message_id: t.messageId === undefined || t.messageId === '' ? undefined : t.messageId,
      local_id: t.queueId,
      direction: direction(t),
      delivery_timestamp: delivered,
    },
    related: related.build(),
    maillog: {
      type: 'transaction',
      id: t.id,
      mta: t.mta,
      instance: t.instance,
      complete: t.complete,
      size: t.size,
      nrcpt: t.nrcpt,
      sasl_username: t.saslUsername,
      uid: t.uid,
      recipients: t.recipients.map(attempt),
      rejects: t.rejects.map(action),
      warnings: t.warnings.map(action),
      bounce_of: t.bounceOf,
      bounce_queue_id: t.bounceQueueId,
      next: t.next && [...t.next],
      previous: t.previous && [...t.previous],
      filter: t.filter && {
        time: t.filter.time,
        filter: t.filter.filter,
        disposition: t.filter.disposition,
        category: t.filter.category,
        hits: t.filter.hits,
        mail_id: t.filter.mailId,
        queued_as: t.filter.queuedAs && [...t.filter.queuedAs],
      },
      mailbox: t.mailbox?.map((m) => ({
        time: m.time,
        account: m.account,
        mailbox_id: m.mailboxId,
        item_id: m.itemId,
        folder: m.folder,
      })),
    },
  }
}

/**
 * Trace filters: which transactions (and which NOQUEUE rejects) a query selects. A transaction
 * matches when every given criterion holds; `to` matches any recipient attempt.
 *
 * @module
 */

import { DELIVERY_STATUSES } from '../event-types.js'
import type { DeliveryStatus, MailEvent } from '../events/index.js'
import type { Transaction } from '../transaction.js'

/** What `status` selects: a delivery status of any attempt, or `rejected` (a reject of the message). */
export type TraceStatus = DeliveryStatus | 'rejected'

/** Every {@link TraceStatus}, for option checking. */
export const TRACE_STATUSES: readonly TraceStatus[] = [...DELIVERY_STATUSES, 'rejected']

/** Criteria of a trace query; all optional, all must hold. */
export interface TraceFilter {
  readonly from?: RegExp
  readonly to?: RegExp
  /** The sending client's host name or address (smtpd `client=`, or the rejected client). */
  readonly client?: RegExp
  /** Any of these: an attempt with the status, or for `rejected`, a reject. */
  readonly status?: readonly TraceStatus[]
  /** Message-id, with or without angle brackets. */
  readonly msgid?: string
  /** Only transactions whose end is at or after this instant (ms since the epoch). */
  readonly since?: number
  /** Only transactions whose start is at or before this instant (ms since the epoch). */
  readonly until?: number
  readonly host?: string
  readonly queueId?: string
}

/**
 * Whether a filter selects anything at all (an empty filter matches everything).
 *
 * @example
 * isEmptyFilter({}) //=> true
 * isEmptyFilter({ host: 'mx1' }) //=> false
 */
export function isEmptyFilter(f: TraceFilter): boolean {
  return Object.values(f).every((v) => v === undefined)
}

const unbracket = (s: string): string => (s.startsWith('<') && s.endsWith('>') ? s.slice(1, -1) : s)

function clientMatches(
  re: RegExp,
  c: { readonly hostname: string; readonly ip: string } | undefined,
): boolean {
  return c !== undefined && (re.test(c.ip) || (c.hostname !== '' && re.test(c.hostname)))
}

function statusMatches(wanted: readonly TraceStatus[], t: Transaction): boolean {
  return wanted.some((s) =>
    s === 'rejected' ? t.rejects.length > 0 : t.recipients.some((r) => r.status === s),
  )
}

function inRange(f: TraceFilter, start: string, end: string): boolean {
  if (f.since !== undefined && Date.parse(end) < f.since) return false
  if (f.until !== undefined && Date.parse(start) > f.until) return false
  return true
}

/**
 * Whether a transaction matches the filter.
 *
 * @example
 * matchTransaction(t, { to: /@example\.net$/ }) //=> true when any attempt went to example.net
 */
export function matchTransaction(t: Transaction, f: TraceFilter): boolean {
  if (f.host !== undefined && t.host !== f.host) return false
  if (
    f.queueId !== undefined &&
    t.queueId !== f.queueId &&
    !t.recipients.some((r) => r.queuedAs === f.queueId)
  )
    return false
  if (f.msgid !== undefined && t.messageId !== unbracket(f.msgid)) return false
  if (f.client !== undefined && !clientMatches(f.client, t.client)) return false
  if (f.status !== undefined && !statusMatches(f.status, t)) return false
  if (f.from !== undefined && (t.from === undefined || !f.from.test(t.from))) return false
  if (
    f.to !== undefined &&
    !t.recipients.some((r) => f.to!.test(r.to) || (r.origTo !== undefined && f.to!.test(r.origTo)))
  ) {
    return false
  }
  return inRange(f, t.start, t.end)
}

/** A reject of a message that never got a queue id (smtpd or postscreen `NOQUEUE: reject`). */
export type NoqueueReject = Extract<MailEvent, { type: 'postfix.smtpd.reject' | 'postfix.postscreen.reject' }>

/**
 * Whether an event is a NOQUEUE reject.
 *
 * @example
 * events.filter(isNoqueueReject).length //=> 3
 */
export function isNoqueueReject(e: MailEvent): e is NoqueueReject {
  return (
    (e.type === 'postfix.smtpd.reject' || e.type === 'postfix.postscreen.reject') && e.queueId === undefined
  )
}

/**
 * Whether a NOQUEUE reject matches the filter: the address criteria apply to its `from=`/`to=`,
 * `client` to the rejected client, and `status` when it holds `rejected`; message-id and
 * queue-id criteria never match one.
 *
 * @example
 * matchReject(reject, { to: /@example\.com$/ }) //=> true when it was for example.com
 */
export function matchReject(e: NoqueueReject, f: TraceFilter): boolean {
  if (f.msgid !== undefined || f.queueId !== undefined) return false
  if (f.host !== undefined && e.host !== f.host) return false
  if (f.status !== undefined && !f.status.includes('rejected')) return false
  if (f.client !== undefined && !clientMatches(f.client, e.client)) return false
  if (f.from !== undefined && (e.from === undefined || !f.from.test(e.from))) return false
  if (f.to !== undefined && (e.to === undefined || !f.to.test(e.to))) return false
  return inRange(f, e.time, e.time)
}

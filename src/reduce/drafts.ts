/**
 * Opening, closing and emitting transactions. A closed transaction is held for `holdMs` of log
 * time so a late line of its next hop can still link to it, then emitted and dropped; open
 * transactions idle for `maxAgeMs` are emitted with `complete: false`. Memory thus follows the
 * messages in flight, not the input size.
 *
 * @module
 */

import type { Transaction } from '../transaction.js'
import { prunePending, resolveOpened, unindex } from './links.js'
import type { Draft, ReducerState } from './state.js'

/** Identity of a transaction: `host/instance/queueId`. */
export function draftId(host: string, instance: string, queueId: string): string {
  return host + '/' + instance + '/' + queueId
}

/**
 * The open transaction for a queue id, created when missing. `opening` says whether this line
 * is one that starts a transaction; a transaction first seen on another line is incomplete.
 * A closed transaction with the same id (queue ids are reused) is emitted first.
 */
export function draftFor(
  state: ReducerState,
  out: Transaction[],
  mta: 'postfix' | 'sendmail',
  host: string,
  instance: string,
  queueId: string,
  time: string,
  ms: number,
  opening: boolean,
): Draft {
  const id = draftId(host, instance, queueId)
  const existing = state.drafts[id]
  if (existing && !existing.closed) {
    existing.end = time
    if (ms > existing.endMs) existing.endMs = ms
    return existing
  }
  if (existing) emitNow(state, existing, out)
  const d: Draft = {
    id,
    mta,
    host,
    instance,
    queueId,
    start: time,
    end: time,
    recipients: [],
    next: [],
    previous: [],
    rejects: [],
    warnings: [],
    opened: opening,
    closed: false,
    queued: false,
    endMs: ms,
  }
  state.drafts[id] = d
  ;(state.byQueueId[queueId] ??= []).push(id)
  const bounce = state.pendingBounce[id]
  if (bounce !== undefined) {
    d.bounceOf = bounce.queueId
    delete state.pendingBounce[id]
  }
  resolveOpened(state, d)
  return d
}

/** Marks a transaction closed; it is emitted after the hold time. */
export function close(state: ReducerState, d: Draft): void {
  if (d.closed) return
  d.closed = true
  state.held.push(d.id)
}

/** The public transaction of a draft, fields in contract order, bookkeeping dropped. */
export function finish(d: Draft): Transaction {
  return {
    id: d.id,
    mta: d.mta,
    host: d.host,
    instance: d.instance,
    queueId: d.queueId,
    start: d.start,
    end: d.end,
    from: d.from,
    messageId: d.messageId,
    client: d.client,
    size: d.size,
    nrcpt: d.nrcpt,
    saslUsername: d.saslUsername,
    uid: d.uid,
    recipients: d.recipients,
    bounceOf: d.bounceOf,
    bounceQueueId: d.bounceQueueId,
    next: d.next.length > 0 ? d.next : undefined,
    previous: d.previous.length > 0 ? d.previous : undefined,
    rejects: d.rejects,
    warnings: d.warnings,
    filter: d.filter,
    mailbox: d.mailbox,
    complete: d.opened && d.closed,
  }
}

function drop(state: ReducerState, d: Draft): void {
  delete state.drafts[d.id]
  unindex(state.byQueueId, d.queueId, d.id)
  unindex(state.byMessageId, d.messageId, d.id)
}

/** Emits a draft at once (closed or not) and forgets it. */
export function emitNow(state: ReducerState, d: Draft, out: Transaction[]): void {
  if (d.closed) {
    const i = state.held.indexOf(d.id)
    if (i >= 0) state.held.splice(i, 1)
  }
  drop(state, d)
  out.push(finish(d))
}

/** Emits held transactions whose hold time has passed. */
export function release(state: ReducerState, out: Transaction[]): void {
  const limit = state.nowMs - state.holdMs
  let k = 0
  while (k < state.held.length) {
    const d = state.drafts[state.held[k]!]
    if (d && d.endMs > limit) break
    if (d) {
      drop(state, d)
      out.push(finish(d))
    }
    k++
  }
  if (k > 0) state.held.splice(0, k)
}

const HOUR = 3_600_000

/**
 * Evicts idle open transactions, stale sessions and pending links: once per hour of log time,
 * or twice per link age when that is shorter, so waiting links do not pile up.
 */
export function sweep(state: ReducerState, out: Transaction[]): void {
  if (state.nowMs - state.sweptMs < Math.min(HOUR, state.linkMaxAgeMs / 2)) return
  state.sweptMs = state.nowMs
  const limit = state.nowMs - state.maxAgeMs
  for (const id in state.drafts) {
    const d = state.drafts[id]!
    if (!d.closed && d.endMs < limit) emitNow(state, d, out)
  }
  for (const key in state.sessions) {
    const s = state.sessions[key]!
    if (s.id === undefined || !state.drafts[s.id]) delete state.sessions[key]
  }
  const linkLimit = state.nowMs - state.linkMaxAgeMs
  for (const key in state.pendingBounce) {
    if (state.pendingBounce[key]!.ms < linkLimit) delete state.pendingBounce[key]
  }
  for (const key in state.pendingMailbox) {
    const kept = state.pendingMailbox[key]!.filter((m) => m.ms >= linkLimit)
    if (kept.length === 0) delete state.pendingMailbox[key]
    else state.pendingMailbox[key] = kept
  }
  prunePending(state)
}

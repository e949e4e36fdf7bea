/**
 * The reducer: folds events into transactions. Deterministic — no clock, no I/O, no
 * randomness: the same events always give the same transactions, in the same order. The state
 * is plain JSON data ({@link ReducerState}); `reduce` updates it in place and returns the
 * transactions that became final, so memory holds only messages in flight.
 *
 * @module
 */

import type { EventOf, MailEvent } from '../events/index.js'
import { createEventMs } from '../time/event-ms.js'
import type { Transaction } from '../transaction.js'
import { emitNow, release, sweep } from './drafts.js'
import { amavisResult, mailboxDelivered } from './filters.js'
import { type Ctx, POSTFIX_HANDLERS } from './postfix.js'
import { SENDMAIL_HANDLERS } from './sendmail.js'
import { own, type ReducerState } from './state.js'

export { createState, type ReducerOptions, type ReducerState, restoreState } from './state.js'

const NONE: readonly Transaction[] = Object.freeze([])

/** Log time of an event in ms; NaN when unresolved (the event then counts as of the latest time seen). */
const timeMs = createEventMs()

type AnyHandler = (ctx: Ctx, e: MailEvent) => void

/**
 * An OpenDKIM signature or verification result, as a `warnings` entry of the transaction with
 * the same host and queue id (the milter logs the MTA's queue id): action `dkim-sign` or
 * `dkim-verify`, text `<result> s=<selector> d=<domain>[: <error>]`. Lines of a queue id no
 * open transaction holds stay events only.
 */
function dkimResult(ctx: Ctx, e: EventOf<'opendkim.sign'> | EventOf<'opendkim.verify'>): void {
  if (e.queueId === undefined) return
  for (const id of ctx.state.byQueueId[e.queueId] ?? []) {
    const d = ctx.state.drafts[id]
    if (!d || d.host !== e.host) continue
    const signed = e.type === 'opendkim.sign'
    let text = signed ? 'signed' : e.result
    if (e.selector !== undefined) text += ` s=${e.selector} d=${e.domain}`
    if (!signed && e.error !== undefined) text += `: ${e.error}`
    d.warnings.push({
      time: e.time,
      daemon: 'opendkim',
      action: signed ? 'dkim-sign' : 'dkim-verify',
      text: own(text),
    })
    return
  }
}

/** Handlers of every family, by event type. */
const HANDLERS = {
  ...POSTFIX_HANDLERS,
  ...SENDMAIL_HANDLERS,
  'amavis.result': amavisResult,
  'zimbra.mailbox.lmtp-delivered': mailboxDelivered,
  'opendkim.sign': dkimResult,
  'opendkim.verify': dkimResult,
} as unknown as Readonly<Record<string, AnyHandler | null>>

/**
 * Folds one event into the state and returns the transactions that are final now (closed and
 * past the hold time, or idle past the maximum age). `state` is updated in place.
 *
 * @example
 * const state = createState()
 * for (const e of parseLines(log, { zone: 'UTC' })) for (const t of reduce(state, e)) console.log(t.id)
 * for (const t of flush(state)) console.log(t.id, t.complete)
 */
export function reduce(state: ReducerState, event: MailEvent): readonly Transaction[] {
  const handler = HANDLERS[event.type]
  if (!handler || event.time === undefined) return NONE
  let ms = timeMs(event.time)
  if (Number.isNaN(ms)) ms = state.nowMs
  else if (ms > state.nowMs) state.nowMs = ms
  // One context and output list for every call (reduce does not nest): most events emit
  // nothing, and two fresh objects per event were a measurable share of the garbage.
  const out = ctx.out
  ctx.state = state
  ctx.ms = ms
  try {
    handler(ctx, event)
    if (state.held.length > 0) release(state, out)
    sweep(state, out)
    return out.length === 0 ? NONE : out.slice()
  } finally {
    out.length = 0
  }
}

const ctx: { state: ReducerState; readonly out: Transaction[]; ms: number } = {
  state: undefined as unknown as ReducerState,
  out: [],
  ms: 0,
}

/**
 * Ends the input: emits every held transaction, and every open one with `complete: false`,
 * in order of their last line. The state is empty afterwards.
 *
 * @example
 * for (const t of flush(state)) console.log(t.id, t.complete)
 */
export function flush(state: ReducerState): Transaction[] {
  const out: Transaction[] = []
  const drafts = Object.values(state.drafts).sort((a, b) => a.endMs - b.endMs || (a.id < b.id ? -1 : 1))
  for (const d of drafts) emitNow(state, d, out)
  return out
}

/**
 * How each Sendmail event changes the transactions (`host/sendmail/queueId`). Sendmail logs no
 * "removed": a transaction opens at `from=` and closes when every recipient (`nrcpts=`) has a
 * final status (sent or bounced), at `done`, or at a milter reject or discard.
 * DSN, `return to sender` and clone lines link old and new queue ids; `stat=Sent (<qid>
 * Message accepted for delivery)` links to the next hop, Sendmail or Postfix.
 *
 * @module
 */

import type { EventOf, SendmailEvent } from '../events/index.js'
import { close, draftFor, draftId } from './drafts.js'
import { indexMessageId, link, linkDelivery } from './links.js'
import type { Ctx } from './postfix.js'
import { type Draft, own, ownEndpoint } from './state.js'

type SendmailType = SendmailEvent['type']
type Handler<E> = (ctx: Ctx, e: E) => void

/** Sendmail has one queue per host: the instance part of its ids. */
const INSTANCE = 'sendmail'

function tx(
  ctx: Ctx,
  e: { host: string; queueId?: string; time: string },
  opening = false,
): Draft | undefined {
  if (e.queueId === undefined) return undefined
  return draftFor(ctx.state, ctx.out, 'sendmail', e.host, INSTANCE, e.queueId, e.time, ctx.ms, opening)
}

/** Closes a transaction once every recipient has a final status. */
function closeWhenDone(ctx: Ctx, d: Draft): void {
  const expected = d.nrcpt ?? d.expectRecipients
  if (expected === undefined) return
  const final = new Set<string>()
  for (const r of d.recipients) if (r.status === 'sent' || r.status === 'bounced') final.add(r.to)
  if (final.size >= expected) close(ctx.state, d)
}

/** The transaction of a queue id even when it just closed: notice lines follow the last delivery. */
function current(ctx: Ctx, e: { host: string; queueId?: string; time: string }): Draft | undefined {
  if (e.queueId === undefined) return undefined
  const d = ctx.state.drafts[draftId(e.host, INSTANCE, e.queueId)]
  if (d) {
    d.end = e.time
    if (ctx.ms > d.endMs) d.endMs = ctx.ms
    return d
  }
  return tx(ctx, e)
}

const from: Handler<EventOf<'sendmail.from'>> = (ctx, e) => {
  const d = tx(ctx, e, true)
  if (!d) return
  d.opened = true
  d.queued = true
  d.from = own(e.from)
  d.size = e.size
  if (e.nrcpts !== undefined) d.nrcpt = e.nrcpts
  if (e.relay !== undefined) d.client = ownEndpoint(e.relay)
  if (e.msgid !== undefined && d.messageId === undefined) {
    d.messageId = own(e.msgid)
    indexMessageId(ctx.state, d)
  }
  // `nrcpts=0`: every recipient was refused during the SMTP dialogue; nothing was queued.
  closeWhenDone(ctx, d)
}

const to: Handler<EventOf<'sendmail.to'>> = (ctx, e) => {
  const d = tx(ctx, e)
  if (!d) return
  // A long list is logged over several `to=… [more]` lines, each with the full status
  // (deliver.c:5565-5595): every line adds its recipients; the last one links the next hop.
  for (const rcpt of e.recipients) {
    d.recipients.push({
      to: own(rcpt),
      status: e.status,
      dsn: e.dsn,
      relay: own(e.relayText),
      delay: e.delay,
      response: own(e.response ?? e.stat),
      queuedAs: own(e.queuedAs),
      agent: e.mailer,
      time: e.time,
    })
  }
  if (
    !e.more &&
    e.status === 'sent' &&
    (e.queuedAs !== undefined || e.relay !== undefined) &&
    e.mailer !== 'local'
  ) {
    linkDelivery(ctx.state, d, e.relay, e.queuedAs, ctx.ms)
  }
  closeWhenDone(ctx, d)
}

/**
 * `OLD: NEW: DSN: text` and its kin (savemail.c:620-630): the old message caused the notice
 * NEW, which this line opens — Sendmail logs no `from=` for the notices it makes itself.
 */
const dsn: Handler<EventOf<'sendmail.dsn'>> = (ctx, e) => {
  const d = current(ctx, e)
  if (!d) return
  d.bounceQueueId = e.dsnQueueId
  const notice = draftFor(
    ctx.state,
    ctx.out,
    'sendmail',
    e.host,
    INSTANCE,
    e.dsnQueueId,
    e.time,
    ctx.ms,
    true,
  )
  notice.bounceOf = d.queueId
  notice.from ??= ''
  notice.expectRecipients = 1
}

const clone: Handler<EventOf<'sendmail.clone'>> = (ctx, e) => {
  const d = tx(ctx, e)
  if (d) link(ctx.state, d.id, draftId(e.host, INSTANCE, e.cloneQueueId))
}

const reject: Handler<EventOf<'sendmail.reject'>> = (ctx, e) => {
  const d = tx(ctx, e)
  if (!d) return
  d.rejects.push({
    time: e.time,
    daemon: 'sendmail',
    action: e.action,
    stage: e.ruleset,
    code: e.code,
    dsn: e.dsn,
    text: own(e.text ?? e.quarantine ?? ''),
    to: e.ruleset === 'check_rcpt' ? e.arg1.replace(/^<|>$/g, '') : undefined,
  })
}

const milter: Handler<EventOf<'sendmail.milter'>> = (ctx, e) => {
  const d = tx(ctx, e)
  if (!d || e.action === undefined || e.action === 'accept' || e.action === 'continue' || e.action === 'skip')
    return
  const entry = {
    time: e.time,
    daemon: 'sendmail',
    action: `milter-${e.action}`,
    stage: e.stage,
    code: e.reply?.code,
    dsn: e.reply?.dsn,
    text: e.reply?.text ?? e.text,
  }
  if (e.action === 'reject' || e.action === 'discard') {
    d.rejects.push(entry)
    close(ctx.state, d)
  } else d.warnings.push(entry)
}

const done: Handler<EventOf<'sendmail.done'>> = (ctx, e) => {
  const d = tx(ctx, e)
  if (d) close(ctx.state, d)
}

/** Session trouble of a queued message: a warning on it. */
const trouble: Handler<
  EventOf<'sendmail.lost-input'> | EventOf<'sendmail.timeout'> | EventOf<'sendmail.collect'>
> = (ctx, e) => {
  const d = tx(ctx, e)
  if (!d) return
  const text = e.type === 'sendmail.lost-input' ? `lost input channel after ${e.after}` : e.type.slice(9)
  d.warnings.push({ time: e.time, daemon: 'sendmail', action: e.type.slice(9), text })
}

const ignore = null

/** One entry per Sendmail event type; a new event type without an entry is a compile error. */
export const SENDMAIL_HANDLERS: { readonly [K in SendmailType]: Handler<EventOf<K>> | null } = {
  'sendmail.from': from,
  'sendmail.to': to,
  'sendmail.dsn': dsn,
  'sendmail.reject': reject,
  'sendmail.starttls': ignore,
  'sendmail.auth': ignore,
  'sendmail.lost-input': trouble,
  'sendmail.no-command': ignore,
  'sendmail.timeout': trouble,
  'sendmail.milter': milter,
  'sendmail.daemon': ignore,
  'sendmail.syserr': ignore,
  'sendmail.collect': trouble,
  'sendmail.clone': clone,
  'sendmail.done': done,
  'sendmail.queue-run': ignore,
  'sendmail.part': ignore,
  'sendmail.user-error': ignore,
  'sendmail.auth-warning': ignore,
  'sendmail.diagnostic': ignore,
  'sendmail.unrecognized': ignore,
}

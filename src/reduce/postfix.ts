/**
 * How each Postfix event changes the transactions. Opening and closing rules follow Postfix's
 * own collator (`auxiliary/collate/collate.pl`): smtpd `client=`, pickup `uid=` and cleanup
 * open; qmgr `removed`, cleanup `removed (…)` and cleanup rejects/discards close. An smtpd
 * session that ends before its message reached the queue (all recipients rejected, lost
 * connection) also closes its transaction.
 *
 * @module
 */

import type { EventOf, PostfixBase, PostfixEvent } from '../events/index.js'
import type { RecipientAttempt, Transaction } from '../transaction.js'
import { close, draftFor, draftId } from './drafts.js'
import { claimMailbox } from './filters.js'
import { indexMessageId, link, linkDelivery } from './links.js'
import { type Draft, own, ownEndpoint, type ReducerState } from './state.js'

/** Handler context: the state, the output list and the event's log time in ms. */
export interface Ctx {
  readonly state: ReducerState
  readonly out: Transaction[]
  readonly ms: number
}

type Handler<E> = (ctx: Ctx, e: E) => void
type PostfixType = PostfixEvent['type']

/** The transaction of an event with a queue id. */
function tx(ctx: Ctx, e: PostfixBase & { queueId: string }, opening = false): Draft {
  return draftFor(ctx.state, ctx.out, 'postfix', e.host, e.instance, e.queueId, e.time, ctx.ms, opening)
}

const sessionKey = (e: PostfixBase): string => e.host + '/' + e.instance + '/' + (e.pid ?? '')

/** Runs `f` on the event's transaction when it has a queue id; `opening` lines start one. */
function withQueueId<E extends PostfixBase>(
  f: (ctx: Ctx, e: E, d: Draft) => void,
  opening = false,
): Handler<E> {
  return (ctx, e) => {
    if (e.queueId !== undefined) f(ctx, e, tx(ctx, e as E & { queueId: string }, opening))
  }
}

const warn = withQueueId<EventOf<'postfix.diagnostic' | 'postfix.queue-file-error'>>((_ctx, e, d) => {
  if (e.severity !== undefined)
    d.warnings.push({ time: e.time, daemon: e.daemon, action: e.severity, text: own(e.text) })
})

const smtpdClient: Handler<EventOf<'postfix.smtpd.client'>> = (ctx, e) => {
  if (e.queueId === undefined) return
  const d = tx(ctx, e as typeof e & { queueId: string }, true)
  d.opened = true
  d.client = ownEndpoint(e.client)
  if (e.saslUsername !== undefined) d.saslUsername = own(e.saslUsername)
  const session = ctx.state.sessions[sessionKey(e)]
  if (session) {
    session.id = d.id
    if (session.aborted) delete session.aborted
  } else ctx.state.sessions[sessionKey(e)] = { client: d.client, id: d.id }
  if (e.origQueueId !== undefined) {
    // XFORWARD from a content filter on this host: the original is here, under any instance.
    for (const id of ctx.state.byQueueId[e.origQueueId] ?? []) {
      if (ctx.state.drafts[id]?.host === e.host) link(ctx.state, id, d.id)
    }
  }
}

const smtpdDisconnect: Handler<EventOf<'postfix.smtpd.disconnect'>> = (ctx, e) => {
  const key = sessionKey(e)
  const session = ctx.state.sessions[key]
  if (!session) return
  delete ctx.state.sessions[key]
  const d = session.id === undefined ? undefined : ctx.state.drafts[session.id]
  // The message never reached the queue: the session's end is the transaction's end.
  if (d && !d.closed && (!d.queued || session.aborted)) {
    d.end = e.time
    close(ctx.state, d)
  }
}

type CheckEvent =
  | EventOf<'postfix.smtpd.reject'>
  | EventOf<'postfix.smtpd.action'>
  | EventOf<'postfix.cleanup.check'>

function recordCheck(e: CheckEvent, d: Draft): void {
  const isReject = e.action === 'reject' || e.action === 'milter-reject' || e.action === 'proxy-reject'
  const stage = e.type === 'postfix.cleanup.check' ? e.class : e.stage
  const entry = {
    time: e.time,
    daemon: e.daemon,
    action: e.action,
    stage,
    code: 'code' in e ? e.code : undefined,
    dsn: 'dsn' in e ? e.dsn : undefined,
    text: own(e.text),
    to: own(e.to),
  }
  if (isReject) d.rejects.push(entry)
  else d.warnings.push(entry)
  // A message rejected before qmgr saw it has no other line naming its sender; qmgr's `from=`
  // (after canonical rewriting) replaces this one when it comes.
  if (d.from === undefined && e.from !== undefined) d.from = own(e.from)
}

const rejectLike = withQueueId<CheckEvent>((_ctx, e, d) => recordCheck(e, d))

const cleanupCheck = withQueueId<EventOf<'postfix.cleanup.check'>>((ctx, e, d) => {
  recordCheck(e, d)
  // cleanup/cleanup_message.c: reject and discard end the message; milter-reject likewise.
  if (
    e.action === 'reject' ||
    e.action === 'discard' ||
    e.action === 'milter-reject' ||
    e.action === 'milter-discard'
  ) {
    close(ctx.state, d)
  }
}, true)

// cleanup's first line opens locally generated messages (bounce notices) — collate.pl.
const messageId = withQueueId<EventOf<'postfix.cleanup.message-id'>>((ctx, e, d) => {
  d.queued = true
  if (d.messageId === undefined) {
    d.messageId = own(e.messageId)
    indexMessageId(ctx.state, d)
  }
}, true)

const queued = withQueueId<EventOf<'postfix.qmgr.queued'>>((_ctx, e, d) => {
  d.queued = true
  d.from = own(e.from)
  d.size = e.size
  d.nrcpt = e.nrcpt
})

const closing = withQueueId<PostfixBase>((ctx, _e, d) => close(ctx.state, d))

// qmgr_active_corrupt(): the queue file is out of the queue, nothing more is delivered.
const corrupt = withQueueId<EventOf<'postfix.qmgr.corrupt'>>((ctx, e, d) => {
  d.warnings.push({
    time: e.time,
    daemon: e.daemon,
    action: 'corrupt',
    text: `queue file moved from ${e.queue} to corrupt`,
  })
  close(ctx.state, d)
})

const expired = withQueueId<EventOf<'postfix.qmgr.expired'>>((_ctx, e, d) => {
  if (d.from === undefined) d.from = own(e.from)
  d.warnings.push({ time: e.time, daemon: e.daemon, action: e.status, text: 'returned to sender' })
})

const delivery = withQueueId<EventOf<'postfix.delivery'>>((ctx, e, d) => {
  const attempt: RecipientAttempt = {
    to: own(e.to),
    origTo: own(e.origTo),
    status: e.status,
    dsn: e.dsn,
    relay: own(e.relay),
    delay: e.delay,
    delays: e.delays,
    response: own(e.response),
    queuedAs: own(e.queuedAs),
    agent: e.daemon,
    time: e.time,
  }
  d.recipients.push(attempt)
  if (e.status !== 'sent') return
  if (e.daemon === 'lmtp') claimMailbox(ctx.state, d, attempt)
  if (e.queuedAs !== undefined) linkDelivery(ctx.state, d, e.relayEndpoint, e.queuedAs, ctx.ms)
  else if (e.relayEndpoint !== undefined && e.daemon !== 'local')
    linkDelivery(ctx.state, d, e.relayEndpoint, undefined, ctx.ms)
})

const proxyAccept = withQueueId<EventOf<'postfix.smtpd.proxy-accept'>>((ctx, e, d) => {
  if (e.queuedAs !== undefined)
    linkDelivery(ctx.state, d, { hostname: 'localhost', ip: '127.0.0.1' }, e.queuedAs, ctx.ms)
})

const bounce = withQueueId<EventOf<'postfix.bounce.notification'>>((ctx, e, d) => {
  d.bounceQueueId = e.notificationQueueId
  const noticeId = draftId(e.host, e.instance, e.notificationQueueId)
  const notice = ctx.state.drafts[noticeId]
  if (notice && !notice.closed) notice.bounceOf = e.queueId
  else ctx.state.pendingBounce[noticeId] = { queueId: own(e.queueId!), ms: ctx.ms }
})

const pickup = withQueueId<EventOf<'postfix.pickup.uid'>>((_ctx, e, d) => {
  d.opened = true
  d.uid = e.uid
  if (d.from === undefined) d.from = own(e.from)
})

function recordLost(e: EventOf<'postfix.smtpd.lost-connection'>, d: Draft): void {
  d.warnings.push({
    time: e.time,
    daemon: e.daemon,
    action: e.reason,
    stage: e.after,
    text: `${e.reason} after ${e.after}`,
  })
}

const lost: Handler<EventOf<'postfix.smtpd.lost-connection'>> = (ctx, e) => {
  const session = ctx.state.sessions[sessionKey(e)]
  // During DATA or BDAT the message in progress dies with the connection, even when cleanup
  // already logged its message-id: nothing more comes for it, so the disconnect closes it.
  const inData = e.after === 'DATA' || e.after === 'BDAT'
  let d: Draft | undefined
  if (e.queueId !== undefined) d = tx(ctx, e as typeof e & { queueId: string })
  else {
    // Before Postfix 3.10 the line names no queue id (smtpd.c "%s after %s from %s"): it is
    // about the session's message while that one has not reached the queue.
    d = session?.id === undefined ? undefined : ctx.state.drafts[session.id]
    if (!d || d.closed || !(inData || !d.queued)) return
    d.end = e.time
    if (ctx.ms > d.endMs) d.endMs = ctx.ms
  }
  recordLost(e, d)
  if (inData && session && session.id === d.id) session.aborted = true
}

const postsuper = withQueueId<EventOf<'postfix.postsuper.action'>>((ctx, e, d) => {
  d.warnings.push({ time: e.time, daemon: e.daemon, action: e.action, text: `postsuper: ${e.action}` })
  if (e.action === 'removed') close(ctx.state, d)
})

const connect: Handler<EventOf<'postfix.smtpd.connect'>> = (ctx, e) => {
  ctx.state.sessions[sessionKey(e)] = { client: ownEndpoint(e.client) }
}

/** Lines that touch no transaction: sessions without a queue id, statistics, lifecycle… */
const ignore = null

/** One entry per Postfix event type; a new event type without an entry is a compile error. */
export const POSTFIX_HANDLERS: { readonly [K in PostfixType]: Handler<EventOf<K>> | null } = {
  'postfix.smtpd.connect': connect,
  'postfix.smtpd.disconnect': smtpdDisconnect,
  'postfix.smtpd.client': smtpdClient,
  'postfix.smtpd.reject': rejectLike,
  'postfix.smtpd.action': rejectLike,
  'postfix.smtpd.proxy-accept': proxyAccept,
  'postfix.smtpd.lost-connection': lost,
  'postfix.smtpd.pipelining': ignore,
  'postfix.smtpd.sasl-failed': ignore,
  'postfix.smtpd.dns-mismatch': ignore,
  'postfix.smtpd.non-smtp-command': ignore,
  'postfix.smtpd.illegal-address': ignore,
  'postfix.ehlo-discard': ignore,
  'postfix.tls.connection': ignore,
  'postfix.tls.note': ignore,
  'postfix.postscreen.connect': ignore,
  'postfix.postscreen.pass': ignore,
  'postfix.postscreen.dnsbl': ignore,
  'postfix.postscreen.pregreet': ignore,
  'postfix.postscreen.hangup': ignore,
  'postfix.postscreen.violation': ignore,
  'postfix.postscreen.disconnect': ignore,
  'postfix.postscreen.listed': ignore,
  'postfix.postscreen.veto': ignore,
  'postfix.postscreen.reject': ignore,
  'postfix.tlsproxy.connect': ignore,
  'postfix.tlsproxy.disconnect': ignore,
  'postfix.dnsblog.listed': ignore,
  'postfix.cache-cleanup': ignore,
  'postfix.statistics': ignore,
  'postfix.cleanup.message-id': messageId,
  'postfix.cleanup.resent-message-id': ignore,
  'postfix.cleanup.check': cleanupCheck,
  'postfix.cleanup.removed': closing,
  'postfix.qmgr.queued': queued,
  'postfix.qmgr.removed': closing,
  'postfix.qmgr.expired': expired,
  'postfix.qmgr.skipped': ignore,
  'postfix.qmgr.corrupt': corrupt,
  'postfix.delivery': delivery,
  'postfix.smtp.host-said': ignore,
  'postfix.smtp.connect-error': ignore,
  'postfix.smtp.pix': ignore,
  'postfix.bounce.notification': bounce,
  'postfix.pickup.uid': pickup,
  'postfix.postsuper.action': postsuper,
  'postfix.postsuper.summary': ignore,
  'postfix.lifecycle': ignore,
  'postfix.sasl-log': ignore,
  'postfix.queue-file-error': warn,
  'postfix.config-warning': ignore,
  'postfix.command-error': ignore,
  'postfix.diagnostic': warn,
  'postfix.debug': ignore,
  'postfix.unrecognized': ignore,
}

/**
 * Content filter and mailbox store, joined to the Postfix transactions around them: amavis's
 * verdict (`Queue-ID: X`) lands on the transaction it scanned, and a Zimbra mailbox.log
 * `Adding Message` on an LMTP thread lands on the transaction whose LMTP delivery carried it —
 * matched by message-id and account, in either input order (Zimbra logs it during the LMTP
 * dialogue, before Postfix logs the delivery).
 *
 * @module
 */

import type { EventOf } from '../events/index.js'
import type { MailboxDelivery, RecipientAttempt } from '../transaction.js'
import type { Ctx } from './postfix.js'
import { type Draft, own, type ReducerState } from './state.js'

/** Whether an attempt handed the message to a mailbox store for `account`. */
function deliveredTo(r: RecipientAttempt, account: string): boolean {
  if (r.status !== 'sent' || r.agent !== 'lmtp') return false
  const a = account.toLowerCase()
  return r.to.toLowerCase() === a || r.origTo?.toLowerCase() === a
}

/** `amavis … Passed CLEAN … Queue-ID: X …`: the verdict on transaction X of this host. */
export function amavisResult(ctx: Ctx, e: EventOf<'amavis.result'>): void {
  if (e.queueId === undefined) return
  for (const id of ctx.state.byQueueId[e.queueId] ?? []) {
    const d = ctx.state.drafts[id]
    if (!d || d.host !== e.host) continue
    d.filter = {
      time: e.time,
      filter: 'amavis',
      disposition: own(e.disposition),
      category: own(e.category),
      hits: e.hits,
      mailId: own(e.mailId),
      queuedAs: e.queuedAs?.map((q) => own(q)),
    }
    return
  }
}

/** The transaction whose LMTP delivery to `account` carried message-id `mid`, if seen. */
function carrier(state: ReducerState, mid: string, account: string): Draft | undefined {
  for (const id of state.byMessageId[mid] ?? []) {
    const d = state.drafts[id]
    if (d?.recipients.some((r) => deliveredTo(r, account))) return d
  }
  return undefined
}

/** Zimbra `Adding Message` on an LMTP thread: a mailbox delivery. */
export function mailboxDelivered(ctx: Ctx, e: EventOf<'zimbra.mailbox.lmtp-delivered'>): void {
  if (e.messageId === undefined || e.account === undefined) return
  const entry: MailboxDelivery = {
    time: own(e.time),
    account: own(e.account),
    mailboxId: e.mailboxId,
    itemId: e.itemId,
    folder: own(e.folderName),
  }
  const d = carrier(ctx.state, e.messageId, e.account)
  if (d) (d.mailbox ??= []).push(entry)
  else (ctx.state.pendingMailbox[e.messageId] ??= []).push({ ...entry, ms: ctx.ms })
}

/** A Postfix LMTP delivery: claims the mailbox deliveries Zimbra logged for it before. */
export function claimMailbox(state: ReducerState, d: Draft, attempt: RecipientAttempt): void {
  const mid = d.messageId
  if (mid === undefined) return
  const waiting = state.pendingMailbox[mid]
  if (!waiting) return
  const i = waiting.findIndex((m) => deliveredTo(attempt, m.account))
  if (i < 0) return
  const { ms, ...entry } = waiting[i]!
  void ms
  ;(d.mailbox ??= []).push(entry)
  waiting.splice(i, 1)
  if (waiting.length === 0) delete state.pendingMailbox[mid]
}

/**
 * Links between transactions: a delivery's `queued as X` to the transaction with queue id X on
 * the receiving host (or on this host, for content-filter re-injection), bounce notices to
 * their original, and message-id as the fallback when a hop logs no queue id. Either side may
 * come first in the input; what cannot be resolved yet waits in a pending index with an age
 * limit.
 *
 * @module
 */

import type { Endpoint } from '../events/index.js'
import { type Draft, own, type PendingHop, type ReducerState } from './state.js'

const firstLabel = (name: string): string => {
  const dot = name.indexOf('.')
  return (dot < 0 ? name : name.slice(0, dot)).toLowerCase()
}

/** Loopback relays mean the next hop is this host (content filter, local re-injection). */
export function isLoopback(ip: string, hostname: string): boolean {
  return ip.startsWith('127.') || ip === '::1' || hostname === 'localhost'
}

/**
 * Whether a syslog host name and a relay/client host name denote the same machine: equal, or
 * equal first labels (`relay1` vs `relay1.example.org`).
 */
export function sameHost(syslogHost: string, name: string): boolean {
  if (name === '' || name === 'unknown') return false
  return syslogHost.toLowerCase() === name.toLowerCase() || firstLabel(syslogHost) === firstLabel(name)
}

/** How well a receiving transaction fits a hop: 2 sure, 1 plausible, 0 not. */
function hopFit(hop: PendingHop, c: Draft): number {
  if (c.id === hop.id) return 0
  if (isLoopback(hop.relayIp, hop.relayHost)) return c.host === hop.host ? 2 : 0
  if (sameHost(c.host, hop.relayHost)) return 2
  if (c.client && (c.client.ip === hop.relayIp || sameHost(hop.host, c.client.hostname))) return 2
  return c.host === hop.host ? 0 : 1
}

function pushOnce(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id)
}

/** Records a link in both transactions (either may be gone already: then only the other). */
export function link(state: ReducerState, fromId: string, toId: string): void {
  const a = state.drafts[fromId]
  const b = state.drafts[toId]
  if (a) pushOnce(a.next, toId)
  if (b) pushOnce(b.previous, fromId)
}

/** The best candidate among ids for a hop: a sure fit, or the only plausible one. */
function choose(state: ReducerState, ids: readonly string[] | undefined, hop: PendingHop): Draft | undefined {
  if (!ids) return undefined
  let best: Draft | undefined
  let bestFit = 0
  let ties = 0
  for (const id of ids) {
    const c = state.drafts[id]
    if (!c) continue
    const f = hopFit(hop, c)
    if (f > bestFit) {
      best = c
      bestFit = f
      ties = 1
    } else if (f === bestFit && f > 0) ties++
  }
  return ties === 1 ? best : undefined
}

/**
 * A delivery of transaction `sender` was accepted by the next hop with queue id `queuedAs`
 * (or, without one, is matched by message-id): link it now, or remember it for later.
 */
export function linkDelivery(
  state: ReducerState,
  sender: Draft,
  relay: Endpoint | undefined,
  queuedAs: string | undefined,
  ms: number,
): void {
  const hop: PendingHop = {
    id: sender.id,
    host: sender.host,
    relayHost: own(relay?.hostname) ?? '',
    relayIp: own(relay?.ip) ?? '',
    ms,
  }
  if (queuedAs !== undefined) {
    const target = choose(state, state.byQueueId[queuedAs], hop)
    if (target) link(state, sender.id, target.id)
    else (state.pendingHops[own(queuedAs)] ??= []).push(hop)
    return
  }
  if (relay === undefined || sender.messageId === undefined || sender.messageId === '') return
  const target = choose(state, state.byMessageId[sender.messageId], { ...hop, id: sender.id })
  if (target && target.host !== sender.host) link(state, sender.id, target.id)
  else (state.pendingByMessageId[sender.messageId] ??= []).push(hop)
}

/** A transaction was opened: resolve deliveries that were waiting for its queue id. */
export function resolveOpened(state: ReducerState, d: Draft): void {
  const waiting = state.pendingHops[d.queueId]
  if (!waiting) return
  const i = waiting.findIndex((hop) => hopFit(hop, d) === 2)
  const k = i >= 0 ? i : waiting.length === 1 && hopFit(waiting[0]!, d) > 0 ? 0 : -1
  if (k < 0) return
  link(state, waiting[k]!.id, d.id)
  waiting.splice(k, 1)
  if (waiting.length === 0) delete state.pendingHops[d.queueId]
}

/** A transaction learned its message-id: index it and resolve a waiting message-id link. */
export function indexMessageId(state: ReducerState, d: Draft): void {
  const mid = d.messageId
  if (mid === undefined || mid === '') return
  ;(state.byMessageId[mid] ??= []).push(d.id)
  if (d.previous.length > 0) return
  const waiting = state.pendingByMessageId[mid]
  if (!waiting) return
  const k = waiting.findIndex((hop) => hop.host !== d.host && hopFit(hop, d) === 2)
  if (k < 0) return
  link(state, waiting[k]!.id, d.id)
  waiting.splice(k, 1)
  if (waiting.length === 0) delete state.pendingByMessageId[mid]
}

/** Removes an id from an index list, dropping the list when empty. */
export function unindex(index: Record<string, string[]>, key: string | undefined, id: string): void {
  if (key === undefined) return
  const list = index[key]
  if (!list) return
  const i = list.indexOf(id)
  if (i >= 0) list.splice(i, 1)
  if (list.length === 0) delete index[key]
}

/** Drops pending links older than the link age limit. */
export function prunePending(state: ReducerState): void {
  const limit = state.nowMs - state.linkMaxAgeMs
  for (const index of [state.pendingHops, state.pendingByMessageId]) {
    for (const key in index) {
      const kept = index[key]!.filter((hop) => hop.ms >= limit)
      if (kept.length === 0) delete index[key]
      else index[key] = kept
    }
  }
}

/**
 * Chains: a message's whole path across hops — the transactions reachable through `next`,
 * `previous` and bounce links, in time order.
 *
 * @module
 */

import type { Transaction } from '../transaction.js'

/** Neighbours of a transaction through every kind of link, by id. */
function neighbours(t: Transaction, byId: ReadonlyMap<string, Transaction>): string[] {
  const out = [...(t.next ?? []), ...(t.previous ?? [])]
  const stem = `${t.host}/${t.instance}/`
  if (t.bounceOf !== undefined) out.push(stem + t.bounceOf)
  if (t.bounceQueueId !== undefined) out.push(stem + t.bounceQueueId)
  return out.filter((id) => byId.has(id))
}

/**
 * The chain a transaction belongs to: every transaction linked to it directly or indirectly,
 * sorted by start time (then id). Links may be recorded on one side only; both directions are
 * followed.
 *
 * @example
 * chainOf(byId.get('mx1/postfix/4F1A2B3C01')!, byId, reverse).map((t) => t.id)
 * //=> ['mx1/postfix/4F1A2B3C01', 'relay1/postfix/5A6B7C8D90', 'store1/postfix/6B7C8D9E01']
 */
export function chainOf(
  start: Transaction,
  byId: ReadonlyMap<string, Transaction>,
  reverse: ReadonlyMap<string, readonly string[]>,
): Transaction[] {
  const seen = new Set<string>([start.id])
  const queue = [start]
  const out: Transaction[] = []
  while (queue.length > 0) {
    const t = queue.shift()!
    out.push(t)
    for (const id of [...neighbours(t, byId), ...(reverse.get(t.id) ?? [])]) {
      if (seen.has(id)) continue
      seen.add(id)
      const n = byId.get(id)
      if (n) queue.push(n)
    }
  }
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1))
}

/**
 * Reverse link index: for each id, the ids whose links point at it.
 *
 * @example
 * reverseLinks(all).get('relay1/postfix/5A6B7C8D90') //=> ['mx1/postfix/4F1A2B3C01']
 */
export function reverseLinks(all: Iterable<Transaction>): Map<string, string[]> {
  const rev = new Map<string, string[]>()
  const add = (to: string, from: string) => {
    const list = rev.get(to)
    if (list) list.push(from)
    else rev.set(to, [from])
  }
  for (const t of all) {
    for (const id of t.next ?? []) add(id, t.id)
    for (const id of t.previous ?? []) add(id, t.id)
    const stem = `${t.host}/${t.instance}/`
    if (t.bounceOf !== undefined) add(stem + t.bounceOf, t.id)
    if (t.bounceQueueId !== undefined) add(stem + t.bounceQueueId, t.id)
  }
  return rev
}

/**
 * Delivery attempts of every delivery agent (smtp, lmtp, local, virtual, pipe, error,
 * discard, retry) and qmgr's own deferrals: `QID: to=<r>, orig_to=<a>, relay=…, conn_use=2,
 * delay=1.2, delays=a/b/c/d, tls=may, dsn=2.0.0, status=sent (…)` (`global/log_adhoc.c`).
 * The keys come in a fixed order but several are optional (`orig_to` only when it differs,
 * `conn_use` on reuse, `tls=` by default since 3.11); the response is the balanced `( … )`
 * tail and is never split on commas.
 *
 * @module
 */

import { DELIVERY_STATUSES } from '../event-types.js'
import type { Delays, DeliveryStatus, PostfixEvent } from '../events/index.js'
import { begin } from '../grammar/build.js'
import type { Base } from './base.js'
import { angleEnd, findQueuedAs, parenTail, parseDelays, parseEndpoint, unbracket } from './fields.js'

const STATUSES: ReadonlySet<string> = new Set(DELIVERY_STATUSES)

/**
 * Parses a delivery line body (after `QID: `), or returns `undefined` when it is not one.
 *
 * @example
 * parseDelivery('to=<bob@example.net>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=2.0.0, status=sent (delivered to mailbox)', base)
 * //=> { type: 'postfix.delivery', …, to: 'bob@example.net', relay: 'local', status: 'sent', response: 'delivered to mailbox' }
 */
export function parseDelivery(body: string, b: Base): PostfixEvent | undefined {
  if (!body.startsWith('to=')) return undefined
  // Addresses are bracketed; some relays and old versions log them bare (`to=a@b, `).
  const bare = body.charCodeAt(3) !== 60
  let i = bare ? body.indexOf(', ', 3) : angleEnd(body, 3, ',')
  if (i < 0) return undefined
  const to = bare ? body.slice(3, i) : body.slice(4, i - 1)
  let origTo: string | undefined
  let relay: string | undefined
  let connUse: number | undefined
  let delay: number | undefined
  let delays: Delays | undefined
  let tls: string | undefined
  let dsn: string | undefined
  let status: string | undefined
  let response: string | undefined
  while (body.charCodeAt(i) === 44 && body.charCodeAt(i + 1) === 32) {
    i += 2
    const eq = body.indexOf('=', i)
    if (eq < 0) return undefined
    const key = body.slice(i, eq)
    if (key === 'status') {
      const sp = body.indexOf(' ', eq)
      status = sp < 0 ? body.slice(eq + 1) : body.slice(eq + 1, sp)
      if (sp >= 0) response = body.charCodeAt(sp + 1) === 40 ? parenTail(body, sp + 1) : body.slice(sp + 1)
      i = body.length
      break
    }
    let end: number
    if (body.charCodeAt(eq + 1) === 60) end = angleEnd(body, eq + 1, ',')
    else {
      end = body.indexOf(', ', eq)
      if (end < 0) return undefined
    }
    const value = body.slice(eq + 1, end)
    switch (key) {
      case 'orig_to':
        origTo = unbracket(value)
        break
      case 'relay':
        relay = value
        break
      case 'conn_use':
        connUse = Number(value)
        break
      case 'delay':
        delay = Number(value)
        break
      case 'delays':
        delays = parseDelays(value)
        break
      case 'tls':
        tls = value
        break
      case 'dsn':
        dsn = value
        break
    }
    i = end
  }
  // Address verification probes log `undeliverable-but-not-cached` (`global/verify_clnt.c`).
  if (status === 'undeliverable-but-not-cached') status = 'undeliverable'
  if (relay === undefined || status === undefined || !STATUSES.has(status)) return undefined
  const e = begin(b, 'postfix.delivery')
  e.to = to
  e.origTo = origTo
  e.relay = relay
  e.relayEndpoint = relay.includes('[') ? parseEndpoint(relay) : undefined
  e.connUse = connUse
  e.delay = delay
  e.delays = delays
  e.tls = tls
  e.dsn = dsn
  e.status = status as DeliveryStatus
  e.response = response
  e.queuedAs = response === undefined ? undefined : findQueuedAs(response)
  return e
}

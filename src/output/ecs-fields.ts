/**
 * Helpers shared by the event and transaction ECS mappings: time and IP checks (an
 * Elasticsearch `date` or `ip` field rejects the whole document when a value does not parse,
 * so only values that do are put there), endpoints, the `related.*` collector, delays.
 *
 * @module
 */

import type { Delays, DeliveryStatus, Endpoint } from '../events/index.js'
import type { EcsDocument, EcsEndpoint, MaillogDelays } from './ecs-types.js'

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/

/**
 * Whether a time string is a resolved ISO 8601 instant with an offset (an unresolved event
 * time holds the stamp as written).
 *
 * @example
 * isIsoTime('2025-03-01T12:00:01+01:00') //=> true
 * isIsoTime('Feb 30 12:00:01') //=> false
 */
export const isIsoTime = (s: string | undefined): s is string => s !== undefined && ISO.test(s)

/**
 * Whether `s` is an IPv4 or IPv6 address, as an Elasticsearch `ip` field accepts it.
 *
 * @example
 * isIpAddress('2001:db8::1') //=> true
 * isIpAddress('private/dovecot-lmtp') //=> false
 */
export function isIpAddress(s: string): boolean {
  if (IPV4.test(s)) return true
  if (s.indexOf(':') < 0 || !IPV6_CHARS.test(s)) return false
  try {
    new URL(`http://[${s}]/`)
    return true
  } catch {
    return false
  }
}

/** A host name worth recording: not empty and not Postfix's `unknown` (reverse DNS failed). */
export const knownHost = (name: string | undefined): name is string =>
  name !== undefined && name !== '' && name !== 'unknown'

/** `source.*` / `destination.*` of an endpoint: `ip` only when it is one, `domain` only when known. */
export function ecsEndpoint(e: Endpoint): EcsEndpoint {
  const out: EcsEndpoint = { address: e.ip }
  if (isIpAddress(e.ip)) out.ip = e.ip
  if (knownHost(e.hostname)) out.domain = e.hostname
  if (e.port !== undefined) out.port = e.port
  return out
}

/** Distinct values in first-seen order. */
export class Distinct {
  readonly values: string[] = []
  add(v: string | undefined): void {
    if (v !== undefined && v !== '' && !this.values.includes(v)) this.values.push(v)
  }
}

/** Collects `related.ip`, `related.hosts` and `related.user`. */
export class Related {
  readonly ip = new Distinct()
  readonly hosts = new Distinct()
  readonly user = new Distinct()
  /** Records a peer's IP and host name. */
  peer(p: EcsEndpoint | undefined): void {
    if (!p) return
    this.ip.add(p.ip)
    this.hosts.add(p.domain)
  }
  /** The `related` object, or `undefined` when nothing was seen. */
  build(): EcsDocument['related'] {
    const out: NonNullable<EcsDocument['related']> = {}
    if (this.ip.values.length > 0) out.ip = this.ip.values
    if (this.hosts.values.length > 0) out.hosts = this.hosts.values
    if (this.user.values.length > 0) out.user = this.user.values
    return Object.keys(out).length > 0 ? out : undefined
  }
}

/** Postfix `delays=a/b/c/d` in snake_case. */
export const ecsDelays = (d: Delays | undefined): MaillogDelays | undefined =>
  d && {
    before_queue: d.beforeQueue,
    in_queue: d.inQueue,
    connection: d.connection,
    transmission: d.transmission,
  }

/** Statuses that mean the recipient got the message (or would: address verification). */
export const DELIVERED: ReadonlySet<DeliveryStatus> = new Set(['sent', 'deliverable'])

/** Statuses that mean it never will. */
export const FAILED: ReadonlySet<DeliveryStatus> = new Set(['bounced', 'expired', 'undeliverable'])

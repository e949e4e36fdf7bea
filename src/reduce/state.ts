/**
 * Reducer state: plain JSON data, so a run can be checkpointed and resumed. Everything keyed
 * by text from the log lives in null-prototype objects (no prototype keys), rebuilt as such
 * when a checkpoint is read back.
 *
 * @module
 */

import type { Endpoint } from '../events/index.js'
import type { FilterVerdict, MailboxDelivery, RecipientAttempt, TransactionAction } from '../transaction.js'

/** A transaction being built: the public fields plus bookkeeping. */
export interface Draft {
  id: string
  mta: 'postfix' | 'sendmail'
  host: string
  instance: string
  queueId: string
  start: string
  end: string
  from?: string
  messageId?: string
  client?: Endpoint
  size?: number
  nrcpt?: number
  saslUsername?: string
  uid?: number
  recipients: RecipientAttempt[]
  bounceOf?: string
  bounceQueueId?: string
  next: string[]
  previous: string[]
  rejects: TransactionAction[]
  warnings: TransactionAction[]
  filter?: FilterVerdict
  mailbox?: MailboxDelivery[]
  /** Seen its opening line (smtpd `client=`, pickup `uid=`, a first cleanup line). */
  opened: boolean
  /** Seen its closing line; held a little longer for late links, then emitted. */
  closed: boolean
  /** Reached the queue (cleanup or qmgr logged it). */
  queued: boolean
  /** Log time of the last line, in ms. */
  endMs: number
  /** Sendmail notices log no `nrcpts=`: the number of final recipients that completes them. */
  expectRecipients?: number
}

/** A delivery whose next hop was not in the input yet, waiting for it to show up. */
export interface PendingHop {
  /** Id of the sending transaction. */
  readonly id: string
  readonly host: string
  /** Relay host name and address as the sender logged them. */
  readonly relayHost: string
  readonly relayIp: string
  readonly ms: number
}

/** An smtpd session before its queue id, keyed by host/instance/pid. */
export interface Session {
  readonly client: Endpoint
  /** The transaction the session is carrying, once `client=` was logged. */
  id?: string
  /** The connection broke during DATA/BDAT: the message in progress was never queued. */
  aborted?: true
}

/** Tunables of the reducer, in milliseconds of log time. */
export interface ReducerOptions {
  /** Open transactions without a line for this long are emitted with `complete: false`. Default 7 days. */
  readonly maxAgeMs?: number
  /** Closed transactions wait this long for late links before they are emitted. Default 1 minute. */
  readonly holdMs?: number
  /**
   * Pending links older than this are dropped. A next hop logs a message within seconds of its
   * sender; the margin is for clocks that differ between hosts. Most deliveries go to hosts
   * outside the logs and wait in vain, so this bounds the reducer's memory. Default 10 minutes.
   */
  readonly linkMaxAgeMs?: number
}

/** The whole reducer state. */
export interface ReducerState {
  readonly version: 1
  readonly maxAgeMs: number
  readonly holdMs: number
  readonly linkMaxAgeMs: number
  /** Latest log time seen, in ms. */
  nowMs: number
  /** Log time of the last eviction sweep. */
  sweptMs: number
  /** Open and held (closed, not yet emitted) transactions by id. */
  drafts: Record<string, Draft>
  /** Ids of closed transactions in closing order, waiting to be emitted. */
  held: string[]
  /** Transaction ids by bare queue id, for links across hosts. */
  byQueueId: Record<string, string[]>
  /** Transaction ids by message-id, for the message-id fallback link. */
  byMessageId: Record<string, string[]>
  sessions: Record<string, Session>
  /** Postfix ≥ 3.11 logs a bounce before its notice's first line: notice id → original queue id. */
  pendingBounce: Record<string, { readonly queueId: string; readonly ms: number }>
  /** Deliveries by next-hop queue id whose receiving transaction was not seen yet. */
  pendingHops: Record<string, PendingHop[]>
  /** Sent deliveries without a next-hop queue id, by message-id. */
  pendingByMessageId: Record<string, PendingHop[]>
  /** Mailbox deliveries whose LMTP delivery line was not seen yet, by message-id. */
  pendingMailbox: Record<string, (MailboxDelivery & { readonly ms: number })[]>
}

const DAY = 86_400_000
const MINUTE = 60_000

/** A null-prototype record. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * A fresh reducer state.
 *
 * @example
 * const state = createState({ maxAgeMs: 86_400_000 })
 */
export function createState(options: ReducerOptions = {}): ReducerState {
  return {
    version: 1,
    maxAgeMs: options.maxAgeMs ?? 7 * DAY,
    holdMs: options.holdMs ?? 60_000,
    linkMaxAgeMs: options.linkMaxAgeMs ?? 10 * MINUTE,
    nowMs: 0,
    sweptMs: 0,
    drafts: dict(),
    held: [],
    byQueueId: dict(),
    byMessageId: dict(),
    sessions: dict(),
    pendingBounce: dict(),
    pendingHops: dict(),
    pendingByMessageId: dict(),
    pendingMailbox: dict(),
  }
}

const RECORDS = [
  'drafts',
  'byQueueId',
  'byMessageId',
  'sessions',
  'pendingBounce',
  'pendingHops',
  'pendingByMessageId',
  'pendingMailbox',
] as const

/**
 * Reads a state back from its JSON form (as written by `JSON.stringify`). Throws for a state of
 * another version or shape.
 *
 * @example
 * const state = restoreState(JSON.parse(readFileSync('maillog.state', 'utf8')).reducer)
 */
export function restoreState(json: unknown): ReducerState {
  const s = json as Record<string, unknown> | null
  if (s?.version !== 1 || !Array.isArray(s.held))
    throw new Error('state: not a maillog reducer state (version 1)')
  const out = { ...s } as unknown as Record<string, unknown>
  for (const key of RECORDS) {
    const src = s[key]
    if (typeof src !== 'object' || src === null) throw new Error(`state: missing ${key}`)
    out[key] = Object.assign(dict(), src)
  }
  return out as unknown as ReducerState
}

/**
 * A copy of a string that does not keep the line it was cut from alive. V8 represents a
 * substring as a slice of its parent; a transaction held for minutes would otherwise keep every
 * whole log line it took a field from.
 */
export function own(s: string): string
export function own(s: string | undefined): string | undefined
export function own(s: string | undefined): string | undefined {
  return s === undefined || s.length < 13 ? s : (s + ' ').slice(0, -1)
}

/** An endpoint whose strings are {@link own} copies. */
export function ownEndpoint(e: Endpoint): Endpoint {
  return e.port === undefined
    ? { hostname: own(e.hostname), ip: own(e.ip) }
    : { hostname: own(e.hostname), ip: own(e.ip), port: e.port }
}

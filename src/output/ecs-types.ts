/**
 * The shapes of maillog's Elastic Common Schema documents (see `./ecs.ts`). Written out
 * rather than imported from `@elastic/ecs`, so the published typings do not depend on a dev
 * dependency; test/output/ecs-types.test.ts checks every ECS path here against that package's
 * `Ecs` type, so a misnamed or mistyped ECS field fails the typecheck.
 *
 * @module
 */

import type { MailEventType } from '../events/index.js'

/** ECS version the documents declare. Every field used exists, unchanged, in ECS 8.2 to 9.x. */
export const ECS_VERSION = '8.17.0'

/**
 * Fields outside ECS that Beats (Filebeat) write and Kibana's log views sort by: maillog writes
 * them under the same names so documents sit beside Filebeat's.
 *
 * @example
 * BEATS_FIELDS.includes('log.offset') //=> true
 */
export const BEATS_FIELDS = ['log.offset'] as const

/** `source.*` / `destination.*` of an ECS document. */
export interface EcsEndpoint {
  /** The peer as logged: the IP address, or a socket name such as `private/dovecot-lmtp`. */
  address: string
  /** Present only when `address` is an IPv4 or IPv6 address (an `ip` mapping rejects anything else). */
  ip?: string
  /** Host name as logged; absent when Postfix logged `unknown`. */
  domain?: string
  port?: number
}

/** The ECS part shared by event and transaction documents. */
export interface EcsDocument {
  /** Absent only when the line's time could not be resolved (see `maillog.stamp`). */
  '@timestamp'?: string
  ecs: { version: string }
  message?: string
  event: {
    kind: 'event'
    category?: string[]
    type?: string[]
    action: string
    outcome?: 'success' | 'failure' | 'unknown'
    dataset: 'maillog.event' | 'maillog.transaction'
    module: 'maillog'
    provider?: string
    original?: string
    start?: string
    end?: string
    /** Nanoseconds. */
    duration?: number
  }
  host?: { name: string }
  process?: { name?: string; pid?: number }
  source?: EcsEndpoint
  destination?: EcsEndpoint
  email?: {
    from?: { address: string }
    to?: { address: string[] }
    message_id?: string
    local_id?: string
    direction?: 'inbound' | 'outbound'
    delivery_timestamp?: string
  }
  /** `offset`: the Beats field, the line's byte offset in its file (see {@link BEATS_FIELDS}). */
  log?: { file?: { path: string }; level?: string; offset?: number }
  tls?: {
    version?: string
    version_protocol?: string
    cipher?: string
    established?: boolean
    resumed?: boolean
    client?: { server_name?: string }
  }
  related?: { ip?: string[]; hosts?: string[]; user?: string[] }
}

/** Postfix `delays=a/b/c/d` under `maillog.*`. */
export interface MaillogDelays {
  before_queue: number
  in_queue: number
  connection: number
  transmission: number
}

/** One recipient attempt of a transaction (`maillog.recipients`). */
export interface MaillogAttempt {
  to: string
  orig_to?: string
  status: string
  dsn?: string
  relay?: string
  delay?: number
  delays?: MaillogDelays
  response?: string
  queued_as?: string
  agent?: string
  time: string
}

/** A reject or warning of a transaction (`maillog.rejects`, `maillog.warnings`). */
export interface MaillogAction {
  time: string
  daemon: string
  action: string
  stage?: string
  code?: number
  dsn?: string
  text: string
  to?: string
}

/** The `maillog.*` namespace of a transaction document. */
export interface MaillogTransactionFields {
  type: 'transaction'
  /** The transaction id, `host/instance/queueId`. */
  id: string
  mta: 'postfix' | 'sendmail'
  instance: string
  complete: boolean
  size?: number
  nrcpt?: number
  sasl_username?: string
  uid?: number
  recipients: MaillogAttempt[]
  rejects: MaillogAction[]
  warnings: MaillogAction[]
  bounce_of?: string
  bounce_queue_id?: string
  next?: string[]
  previous?: string[]
  /** The content filter's verdict (amavis). */
  filter?: {
    time: string
    filter: string
    disposition: string
    category?: string
    hits?: number
    mail_id?: string
    queued_as?: string[]
  }
  /** Mailbox deliveries (Zimbra). */
  mailbox?: { time: string; account: string; mailbox_id?: number; item_id: number; folder: string }[]
}

/**
 * The `maillog.*` namespace of an event document: the header fields, then every field of the
 * event that has no ECS home, renamed to snake_case (`queuedAs` → `queued_as`).
 */
export interface MaillogEventFields {
  type: MailEventType
  line: number
  stamp?: string
  time_unresolved?: true
  instance?: string
  service?: string
  daemon?: string
  severity?: string
  readonly [field: string]: unknown
}

/** An event as an ECS document. */
export interface EcsEventDocument extends EcsDocument {
  maillog: MaillogEventFields
}

/** A transaction as an ECS document. */
export interface EcsTransactionDocument extends EcsDocument {
  maillog: MaillogTransactionFields
}

/** Options of `transactionToEcs`. */
export interface EcsTransactionOptions {
  /** `log.file.path`: the file the transaction was read from (transactions do not record it). */
  readonly logFilePath?: string
}

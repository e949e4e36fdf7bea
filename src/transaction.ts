/**
 * The Transaction contract: one message on one server (host, instance, queue id), folded from
 * its events by the reducer, with links to the message's other hops. JSON field names are
 * fixed; see docs/transactions.md.
 *
 * @module
 */

import type { Delays, DeliveryStatus, Endpoint } from './events/index.js'

/** One delivery attempt for one recipient, in log order: a recipient deferred twice and then sent appears three times. */
export interface RecipientAttempt {
  readonly to: string
  readonly origTo?: string
  readonly status: DeliveryStatus
  readonly dsn?: string
  /** `relay=` as logged. */
  readonly relay?: string
  readonly delay?: number
  readonly delays?: Delays
  readonly response?: string
  /** Next hop's queue id from the response (`queued as X`, `forwarded as X`, Sendmail, LMTP forms). */
  readonly queuedAs?: string
  /** Delivery agent (`smtp`, `lmtp`, `local` … or `qmgr` for its own deferrals). */
  readonly agent?: string
  readonly time: string
}

/** A reject, milter or check action that hit a queued message. */
export interface TransactionAction {
  readonly time: string
  /** Daemon that logged it (`smtpd`, `cleanup`). */
  readonly daemon: string
  /** `reject`, `milter-reject`, `hold`, `warning`, `discard`, `redirect`, `filter`, `expired` … */
  readonly action: string
  /** SMTP stage (`RCPT`, `DATA`, `END-OF-MESSAGE`) or check class (`header`, `body`). */
  readonly stage?: string
  readonly code?: number
  readonly dsn?: string
  readonly text: string
  /** Recipient the action was about, when logged. */
  readonly to?: string
}

/** A content filter's verdict on a message (amavis `Passed CLEAN`, `Blocked SPAM` …). */
export interface FilterVerdict {
  readonly time: string
  /** `amavis`. */
  readonly filter: string
  /** `Passed` or `Blocked`. */
  readonly disposition: string
  /** `CLEAN`, `SPAM`, `SPAMMY`, `INFECTED`, `BANNED`, `BAD-HEADER`, `UNCHECKED` … */
  readonly category?: string
  readonly hits?: number
  readonly mailId?: string
  /** Queue ids of the re-injected message. */
  readonly queuedAs?: readonly string[]
}

/** A delivery into a mailbox store (Zimbra mailbox.log `Adding Message` during LMTP). */
export interface MailboxDelivery {
  readonly time: string
  readonly account: string
  readonly mailboxId?: number
  readonly itemId: number
  readonly folder: string
}

/** One message on one server, with every recipient attempt and its links to other hops. */
export interface Transaction {
  /** `host/instance/queueId` (Sendmail: `host/sendmail/queueId`). */
  readonly id: string
  readonly mta: 'postfix' | 'sendmail'
  readonly host: string
  readonly instance: string
  readonly queueId: string
  /** ISO 8601 time of the transaction's first line. */
  readonly start: string
  /** ISO 8601 time of its last line. */
  readonly end: string
  /** Envelope sender, `''` for the null sender. */
  readonly from?: string
  readonly messageId?: string
  /** Previous hop (smtpd `client=`, Sendmail `relay=`). */
  readonly client?: Endpoint
  readonly size?: number
  readonly nrcpt?: number
  readonly saslUsername?: string
  /** Submitting user id (pickup). */
  readonly uid?: number
  /** Every delivery attempt, in order. */
  readonly recipients: readonly RecipientAttempt[]
  /** Queue id of the original message whose delivery notice this is (same host and instance). */
  readonly bounceOf?: string
  /** Queue id of the notice this message generated. */
  readonly bounceQueueId?: string
  /** Ids of the transactions this message was handed to (other hosts, or re-injection on this one). */
  readonly next?: readonly string[]
  /** Ids of the transactions this message came from. */
  readonly previous?: readonly string[]
  /** Rejects after queueing, milter and check rejects. */
  readonly rejects: readonly TransactionAction[]
  /**
   * Non-rejecting actions and warnings: check `warning`/`hold`/`redirect`, expiry, severity
   * lines, OpenDKIM results (`dkim-sign`, `dkim-verify`).
   */
  readonly warnings: readonly TransactionAction[]
  /** The content filter's verdict, when its log is in the input (amavis `Queue-ID:`). */
  readonly filter?: FilterVerdict
  /** Mailbox deliveries of this message's LMTP attempts (Zimbra mailbox.log, matched by message-id and account). */
  readonly mailbox?: readonly MailboxDelivery[]
  /** `true` once closed by its closing line; `false` when flushed at end of input or evicted. */
  readonly complete: boolean
}

/**
 * Shared field types and the fields every event carries.
 *
 * One interface per event shape, discriminated by `type` (`<family>.<daemon>.<what>`).
 * Lines a family recognizes by header but not by body become `<family>.unrecognized`;
 * lines nobody recognizes become `unknown`. Both keep the raw text, so nothing is lost.
 *
 * `time` is ISO 8601 with the offset of the zone it was resolved in
 * (`2025-03-01T12:00:01+01:00`, fractions kept as written). When a stamp cannot be resolved
 * (an impossible date such as `Feb 30`), `time` holds the stamp text as written and
 * `timeUnresolved` is `true`.
 *
 * @module
 */

/** A network peer as Postfix and Sendmail log it: `mail.example.com[192.0.2.1]:25`. */
export interface Endpoint {
  /** Hostname, or `unknown` when reverse DNS failed. */
  readonly hostname: string
  /** IP address (IPv4 or IPv6, without `IPv6:` prefix), or a socket name such as `private/dovecot-lmtp`. */
  readonly ip: string
  /** TCP port, when logged. */
  readonly port?: number
}

/** Log severity prefix Postfix puts before or after the queue id. */
export type Severity = 'warning' | 'error' | 'fatal' | 'panic'

/** Normalized delivery status, lowercase, shared by Postfix and Sendmail. */
export type DeliveryStatus = 'sent' | 'deferred' | 'bounced' | 'expired' | 'deliverable' | 'undeliverable'

/** Postfix delay split `delays=a/b/c/d`, in seconds. */
export interface Delays {
  /** Time before the queue manager, including message transmission. */
  readonly beforeQueue: number
  /** Time in the queue manager. */
  readonly inQueue: number
  /** Connection setup, including DNS, HELO and TLS. */
  readonly connection: number
  /** Message transmission. */
  readonly transmission: number
}

/** Fields every event carries. */
export interface EventBase {
  /** 1-based line number in its source. */
  readonly line: number
  /** File the line came from, when known. */
  readonly source?: string
  /** Byte offset of the (first) line in its file, when the reader counts bytes (ECS `log.offset`). */
  readonly offset?: number
  /** Resolved ISO 8601 time with offset, or the stamp as written when unresolved. */
  readonly time: string
  /** The timestamp exactly as written in the line. */
  readonly stamp: string
  /** Present and `true` only when `time` could not be resolved. */
  readonly timeUnresolved?: true
  /** Host name from the syslog header. */
  readonly host: string
  /** Program name from the syslog header (`postfix/smtpd`). */
  readonly program: string
  /** Process id from the syslog header. */
  readonly pid?: number
}

/** Fields every Postfix event carries, taken from the program name and the message prefix. */
export interface PostfixBase extends EventBase {
  /** Postfix instance (`postfix`, `postfix-out`): the first part of the syslog name. */
  readonly instance: string
  /** Service qualifier between instance and daemon (`submission` in `postfix/submission/smtpd`). */
  readonly service?: string
  /** Daemon name: the last part of the program name (`smtpd`, `qmgr`, `postfix-script`). */
  readonly daemon: string
  /** Queue id the line is about; absent for session lines and `NOQUEUE`. */
  readonly queueId?: string
  /** Severity prefix (`warning:` …), when present. */
  readonly severity?: Severity
  /**
   * How many times the line was logged, when rsyslog folded repeats into one
   * `message repeated N times: [ … ]` line (`$RepeatedMsgReduction on`); the event is the inner line's.
   */
  readonly repeated?: number
}

/** `(success, total)` pair of an smtpd command counter such as `rcpt=0/1`. */
export interface CommandCount {
  readonly ok: number
  readonly total: number
}

/**
 * Client fields appended by smtpd to reject/check lines:
 * `from=<a@b> to=<c@d> proto=ESMTP helo=<h>` (Postfix 3.10 adds `sasl_*`).
 */
export interface Whatsup {
  readonly from?: string
  readonly to?: string
  readonly proto?: string
  readonly helo?: string
  readonly saslMethod?: string
  readonly saslUsername?: string
  readonly saslSender?: string
}

/** SMTP reply split into its parts: `554 5.7.1 <x@ex.com>: Relay access denied`. */
export interface Reply {
  /** SMTP code, when the text starts with one. */
  readonly code?: number
  /** Enhanced status code, when present. */
  readonly dsn?: string
  /** The text after the codes. */
  readonly text: string
}

/**
 * A line no family recognizes (no syslog header, or a program maillog does not parse).
 * Header fields are filled when the header could be read.
 * @example `this is not a syslog line`
 */
export interface UnknownEvent {
  readonly type: 'unknown'
  readonly line: number
  readonly source?: string
  readonly offset?: number
  readonly time?: string
  readonly stamp?: string
  readonly timeUnresolved?: true
  readonly host?: string
  readonly program?: string
  readonly pid?: number
  /** Why it is unknown: `no-header`, `program`, `binary`, `too-long`. */
  readonly reason: UnknownReason
  readonly raw: string
}

/** Why a line became an {@link UnknownEvent}. */
export type UnknownReason = 'no-header' | 'program' | 'binary' | 'too-long'

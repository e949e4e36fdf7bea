/**
 * Every event `type` as runtime data, checked against the union at compile time: adding an
 * event interface without listing it here is a type error.
 *
 * @module
 */

import type { MailEventType } from './events/index.js'

/**
 * All event types maillog emits.
 *
 * @example
 * EVENT_TYPES.includes('postfix.qmgr.queued') //=> true
 */
export const EVENT_TYPES = [
  'postfix.smtpd.connect',
  'postfix.smtpd.disconnect',
  'postfix.smtpd.client',
  'postfix.smtpd.reject',
  'postfix.smtpd.action',
  'postfix.smtpd.proxy-accept',
  'postfix.smtpd.lost-connection',
  'postfix.smtpd.pipelining',
  'postfix.smtpd.sasl-failed',
  'postfix.smtpd.dns-mismatch',
  'postfix.ehlo-discard',
  'postfix.tls.connection',
  'postfix.tls.note',
  'postfix.postscreen.connect',
  'postfix.postscreen.pass',
  'postfix.postscreen.dnsbl',
  'postfix.postscreen.pregreet',
  'postfix.postscreen.hangup',
  'postfix.postscreen.violation',
  'postfix.postscreen.disconnect',
  'postfix.postscreen.listed',
  'postfix.postscreen.veto',
  'postfix.postscreen.reject',
  'postfix.tlsproxy.connect',
  'postfix.tlsproxy.disconnect',
  'postfix.dnsblog.listed',
  'postfix.cache-cleanup',
  'postfix.statistics',
  'postfix.cleanup.message-id',
  'postfix.cleanup.resent-message-id',
  'postfix.cleanup.check',
  'postfix.cleanup.removed',
  'postfix.qmgr.queued',
  'postfix.qmgr.removed',
  'postfix.qmgr.expired',
  'postfix.qmgr.skipped',
  'postfix.delivery',
  'postfix.smtp.host-said',
  'postfix.smtp.connect-error',
  'postfix.smtp.pix',
  'postfix.bounce.notification',
  'postfix.pickup.uid',
  'postfix.postsuper.action',
  'postfix.postsuper.summary',
  'postfix.lifecycle',
  'postfix.diagnostic',
  'postfix.debug',
  'postfix.unrecognized',
  'sendmail.from',
  'sendmail.to',
  'sendmail.dsn',
  'sendmail.reject',
  'sendmail.starttls',
  'sendmail.auth',
  'sendmail.lost-input',
  'sendmail.no-command',
  'sendmail.timeout',
  'sendmail.milter',
  'sendmail.daemon',
  'sendmail.syserr',
  'sendmail.collect',
  'sendmail.clone',
  'sendmail.done',
  'sendmail.queue-run',
  'sendmail.part',
  'sendmail.user-error',
  'sendmail.diagnostic',
  'sendmail.unrecognized',
  'unknown',
] as const satisfies readonly MailEventType[]

type Unlisted = Exclude<MailEventType, (typeof EVENT_TYPES)[number]>
/** Compile-time proof that the list is complete. */
const complete: [Unlisted] extends [never] ? true : Unlisted = true
void complete

/**
 * Every event `type` as runtime data, checked against the union at compile time: adding an
 * event interface without listing it here is a type error.
 *
 * @module
 */

import type { DeliveryStatus, MailEventType } from './events/index.js'

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
  'postfix.smtpd.non-smtp-command',
  'postfix.smtpd.illegal-address',
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
  'postfix.qmgr.corrupt',
  'postfix.delivery',
  'postfix.smtp.host-said',
  'postfix.smtp.connect-error',
  'postfix.smtp.pix',
  'postfix.bounce.notification',
  'postfix.pickup.uid',
  'postfix.postsuper.action',
  'postfix.postsuper.summary',
  'postfix.lifecycle',
  'postfix.sasl-log',
  'postfix.queue-file-error',
  'postfix.config-warning',
  'postfix.command-error',
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
  'sendmail.auth-warning',
  'sendmail.diagnostic',
  'sendmail.unrecognized',
  'zimbra.mailbox.lmtp-delivering',
  'zimbra.mailbox.lmtp-delivered',
  'zimbra.mailbox.lmtp-rejected',
  'zimbra.mailbox.lmtp-discarded',
  'zimbra.mailbox.smtp-sending',
  'zimbra.mailbox.message-added',
  'zimbra.mailbox.item-added',
  'zimbra.mailbox.item-deleted',
  'zimbra.mailbox.item-moved',
  'zimbra.mailbox.item-copied',
  'zimbra.mailbox.filter-action',
  'zimbra.mailbox.login',
  'zimbra.mailbox.logout',
  'zimbra.mailbox.auth-failed',
  'zimbra.mailbox.request',
  'zimbra.mailbox.dav-error',
  'zimbra.mailbox.soap-batch',
  'zimbra.mailbox.session-summary',
  'zimbra.mailbox.imap-select',
  'zimbra.mailbox.command-failed',
  'zimbra.mailbox.throttled',
  'zimbra.mailbox.auth-required',
  'zimbra.mailbox.mailbox-created',
  'zimbra.mailbox.folder-emptied',
  'zimbra.mailbox.mailbox-loaded',
  'zimbra.mailbox.index-batch',
  'zimbra.mailbox.waitset-sweep',
  'zimbra.mailbox.out-of-office',
  'zimbra.mailbox.lmtp-reply',
  'zimbra.mailbox.autocomplete',
  'zimbra.mailbox.servlet',
  'zimbra.mailbox.purge',
  'zimbra.mailbox.datasource-import',
  'zimbra.mailbox.quota',
  'zimbra.mailbox.spam-report',
  'zimbra.mailbox.exception',
  'zimbra.mailbox.record',
  'zimbra.audit.auth',
  'zimbra.audit.auth-failed',
  'zimbra.audit.lockout',
  'zimbra.audit.command',
  'zimbra.audit.record',
  'zimbra.zimbramon.status',
  'zimbra.zimbramon.stat',
  'zimbra.zimbramon.message',
  'zimbra.zmconfigd.service-status',
  'zimbra.zmconfigd.message',
  'zimbra.mailboxdmgr.message',
  'zimbra.saslauthd.auth',
  'zimbra.saslauthd.auth-failed',
  'zimbra.unrecognized',
  'amavis.result',
  'amavis.forward',
  'amavis.checking',
  'amavis.smtp',
  'amavis.part',
  'amavis.timing',
  'amavis.spam-tag',
  'amavis.split',
  'amavis.open-relay',
  'amavis.bounce',
  'amavis.diagnostic',
  'amavis.debug',
  'amavis.unrecognized',
  'unknown',
] as const satisfies readonly MailEventType[]

type Unlisted = Exclude<MailEventType, (typeof EVENT_TYPES)[number]>
/** Compile-time proof that the list is complete. */
const complete: [Unlisted] extends [never] ? true : Unlisted = true
void complete

/**
 * Every delivery `status` (of `postfix.delivery`, `sendmail.to` and transaction attempts).
 *
 * @example
 * DELIVERY_STATUSES.includes('deferred') //=> true
 */
export const DELIVERY_STATUSES = [
  'sent',
  'deferred',
  'bounced',
  'expired',
  'deliverable',
  'undeliverable',
] as const satisfies readonly DeliveryStatus[]

type UnlistedStatus = Exclude<DeliveryStatus, (typeof DELIVERY_STATUSES)[number]>
/** Compile-time proof that the status list is complete. */
const allStatuses: [UnlistedStatus] extends [never] ? true : UnlistedStatus = true
void allStatuses

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
  'zimbra.mailbox.login',
  'zimbra.mailbox.logout',
  'zimbra.mailbox.auth-failed',
  'zimbra.mailbox.request',
  'zimbra.mailbox.quota',
  'zimbra.mailbox.spam-report',
  'zimbra.mailbox.exception',
  'zimbra.mailbox.record',
  'zimbra.audit.auth',
  'zimbra.audit.auth-failed',
  'zimbra.audit.lockout',
  'zimbra.audit.command',
  'zimbra.audit.record',
  'zimbra.unrecognized',
  'amavis.result',
  'amavis.forward',
  'amavis.checking',
  'amavis.smtp',
  'amavis.part',
  'amavis.timing',
  'amavis.spam-tag',
  'amavis.split',
  'amavis.diagnostic',
  'amavis.debug',
  'amavis.unrecognized',
  'unknown',
] as const satisfies readonly MailEventType[]

type Unlisted = Exclude<MailEventType, (typeof EVENT_TYPES)[number]>
/** Compile-time proof that the list is complete. */
const complete: [Unlisted] extends [never] ? true : Unlisted = true
void complete

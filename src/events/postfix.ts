/**
 * Postfix events: one interface per message shape, each with a sample line.
 *
 * @module
 */

import type { CommandCount, Delays, DeliveryStatus, Endpoint, PostfixBase, Reply, Whatsup } from './base.js'

// ---------------------------------------------------------------------------------------------
// smtpd

/**
 * A client connected.
 * @example `postfix/smtpd[4321]: connect from mail.example.com[192.0.2.1]`
 */
export interface PostfixSmtpdConnect extends PostfixBase {
  readonly type: 'postfix.smtpd.connect'
  readonly client: Endpoint
}

/**
 * A client disconnected; command counters as `{ ok, total }` (Postfix ≥ 3.0).
 * @example `postfix/smtpd[4321]: disconnect from h.example[192.0.2.1] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`
 */
export interface PostfixSmtpdDisconnect extends PostfixBase {
  readonly type: 'postfix.smtpd.disconnect'
  readonly client: Endpoint
  /** Per-command counters in logged order, `commands` excluded. */
  readonly counts: { readonly [command: string]: CommandCount }
  /** The `commands=ok/total` summary, when logged. */
  readonly commands?: CommandCount
}

/**
 * A message was received from a client and got a queue id.
 * @example `postfix/smtpd[4321]: 4AbC12: client=h.example[192.0.2.1], sasl_method=PLAIN, sasl_username=alice`
 */
export interface PostfixSmtpdClient extends PostfixBase {
  readonly type: 'postfix.smtpd.client'
  readonly client: Endpoint
  readonly saslMethod?: string
  readonly saslUsername?: string
  readonly saslSender?: string
  /** Queue id on the previous hop, forwarded by XFORWARD (content filters). */
  readonly origQueueId?: string
  /** Client of the previous hop, forwarded by XFORWARD. */
  readonly origClient?: Endpoint
}

/**
 * An access restriction, milter or before-queue proxy rejected a command.
 * `action` is `reject`, `reject_warning` (would reject), `milter-reject` or `proxy-reject`.
 * @example `postfix/smtpd[1]: NOQUEUE: reject: RCPT from h[192.0.2.1]: 554 5.7.1 <x@ex.com>: Relay access denied; from=<a@b> to=<x@ex.com> proto=ESMTP helo=<h>`
 */
export interface PostfixSmtpdReject extends PostfixBase, Whatsup, Reply {
  readonly type: 'postfix.smtpd.reject'
  readonly action: 'reject' | 'reject_warning' | 'milter-reject' | 'proxy-reject'
  /** SMTP stage: `CONNECT`, `HELO`, `EHLO`, `MAIL`, `RCPT`, `DATA`, `END-OF-MESSAGE`, `BDAT`, `VRFY`, `ETRN`… */
  readonly stage: string
  /** Absent only for `proxy-reject`, which logs no client. */
  readonly client?: Endpoint
}

/**
 * A non-rejecting access action: `warn`, `hold`, `discard`, `filter`, `redirect`, `bcc`,
 * `milter-discard`, `milter-hold`…
 * @example `postfix/smtpd[1]: 4AbC12: hold: RCPT from h[192.0.2.1]: <a@b>: Sender address triggers HOLD action; from=<a@b> to=<c@d> proto=ESMTP helo=<h>`
 */
export interface PostfixSmtpdAction extends PostfixBase, Whatsup {
  readonly type: 'postfix.smtpd.action'
  readonly action: string
  readonly stage: string
  readonly client: Endpoint
  /** The explanation, e.g. `<a@b>: Sender address triggers HOLD action`. */
  readonly text: string
}

/**
 * A before-queue content filter accepted a message (`proxy-accept`), with the filter's reply.
 * @example `postfix/smtpd[1]: 4AbC12: proxy-accept: END-OF-MESSAGE: 250 2.0.0 Ok: queued as 4XyZ9; from=<a@b> to=<c@d> proto=ESMTP helo=<h>`
 */
export interface PostfixSmtpdProxyAccept extends PostfixBase, Whatsup, Reply {
  readonly type: 'postfix.smtpd.proxy-accept'
  readonly stage: string
  /** Queue id from `queued as X` in the reply. */
  readonly queuedAs?: string
}

/**
 * A session ended abnormally: `lost connection`, `timeout` or `too many errors`
 * (Postfix ≥ 3.10 prefixes the queue id or `NOQUEUE`).
 * @example `postfix/smtpd[1]: lost connection after DATA (1234 bytes) from h[192.0.2.1]`
 */
export interface PostfixSmtpdLostConnection extends PostfixBase {
  readonly type: 'postfix.smtpd.lost-connection'
  readonly reason: 'lost connection' | 'timeout' | 'too many errors'
  /** The command after which it happened (`DATA`, `RCPT`, `CONNECT`, `UNKNOWN`…). */
  readonly after: string
  /** Bytes received after `DATA`/`BDAT`. */
  readonly bytes?: number
  readonly client: Endpoint
}

/**
 * A client sent commands before the server's reply.
 * @example `postfix/smtpd[1]: improper command pipelining after EHLO from h[192.0.2.1]: QUIT\r\n`
 */
export interface PostfixSmtpdPipelining extends PostfixBase {
  readonly type: 'postfix.smtpd.pipelining'
  readonly after: string
  readonly client: Endpoint
  /** The pipelined input as logged (escaped). */
  readonly input: string
}

/**
 * SASL authentication failed.
 * @example `postfix/smtpd[1]: warning: h[192.0.2.1]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=alice`
 */
export interface PostfixSmtpdSaslFailed extends PostfixBase {
  readonly type: 'postfix.smtpd.sasl-failed'
  readonly client: Endpoint
  readonly mechanism: string
  readonly reason: string
  readonly saslUsername?: string
}

/**
 * Forward-confirmed reverse DNS failed for a client: its name does not resolve, or not to its
 * address (Postfix ≤ 2.8 logs the latter as `192.0.2.1: address not listed for hostname
 * x.example`, without `reason`).
 * @example `postfix/smtpd[1]: warning: hostname x.example does not resolve to address 192.0.2.1: Name or service not known`
 */
export interface PostfixSmtpdDnsMismatch extends PostfixBase {
  readonly type: 'postfix.smtpd.dns-mismatch'
  readonly hostname: string
  readonly ip: string
  /** The resolver's error when the name did not resolve at all. */
  readonly reason?: string
}

/**
 * A client sent a line that is not SMTP, e.g. an HTTP request or a TLS hello on a plain-text
 * port (`smtpd.c:6200`, the first 100 characters).
 * @example `postfix/smtpd[1]: warning: non-SMTP command from h[192.0.2.1]: GET / HTTP/1.1`
 */
export interface PostfixSmtpdNonSmtpCommand extends PostfixBase {
  readonly type: 'postfix.smtpd.non-smtp-command'
  readonly client: Endpoint
  /** The line as received (escaped, at most 100 characters). */
  readonly input: string
}

/**
 * smtpd could not parse the address of a `MAIL FROM` or `RCPT TO` command (`smtpd.c:2555`,
 * `:2584`); the client got a 501 reply.
 * @example `postfix/smtpd[1]: warning: Illegal address syntax from h[192.0.2.1] in RCPT command: <a@b@c>`
 */
export interface PostfixSmtpdIllegalAddress extends PostfixBase {
  readonly type: 'postfix.smtpd.illegal-address'
  readonly client: Endpoint
  /** `MAIL` or `RCPT`. */
  readonly stage: string
  /** The command argument as received. */
  readonly address: string
}

/**
 * smtpd hid EHLO keywords from a client, or smtp ignored keywords of a server
 * (`smtpd_discard_ehlo_keyword_address_maps`, `smtp_discard_ehlo_keyword_address_maps`).
 * @example `postfix/smtpd[1]: discarding EHLO keywords: CHUNKING`
 */
export interface PostfixEhloDiscard extends PostfixBase {
  readonly type: 'postfix.ehlo-discard'
  readonly keywords: readonly string[]
}

// ---------------------------------------------------------------------------------------------
// TLS

/**
 * A TLS session was set up (or resumed: `reused`) by smtpd, smtp, lmtp or tlsproxy.
 * @example `postfix/smtp[1]: Trusted TLS connection established to mx.example[198.51.100.7]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)`
 */
export interface PostfixTlsConnection extends PostfixBase {
  readonly type: 'postfix.tls.connection'
  /** `Anonymous`, `Untrusted`, `Trusted` or `Verified`. */
  readonly trust: string
  readonly reused: boolean
  /** `from` for the server side, `to` for the client side. */
  readonly direction: 'from' | 'to'
  readonly peer: Endpoint
  /** Server name indication (server side, `to <sni>`). */
  readonly sni?: string
  readonly protocol: string
  readonly cipher: string
  readonly bits?: number
  readonly algBits?: number
  /** The rest after the cipher: `key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256`. */
  readonly details?: string
}

/**
 * TLS set-up messages that are not a finished session: `setting up TLS connection`,
 * `SSL_accept error`, `TLS library problem`, certificate verification results.
 * @example `postfix/smtpd[1]: SSL_accept error from h[192.0.2.1]: lost connection`
 */
export interface PostfixTlsNote extends PostfixBase {
  readonly type: 'postfix.tls.note'
  readonly peer?: Endpoint
  readonly text: string
}

// ---------------------------------------------------------------------------------------------
// postscreen

/**
 * @example `postfix/postscreen[1]: CONNECT from [192.0.2.1]:51234 to [198.51.100.1]:25`
 */
export interface PostfixPostscreenConnect extends PostfixBase {
  readonly type: 'postfix.postscreen.connect'
  readonly client: Endpoint
  readonly server?: Endpoint
}

/** @example `postfix/postscreen[1]: PASS NEW [192.0.2.1]:51234` */
export interface PostfixPostscreenPass extends PostfixBase {
  readonly type: 'postfix.postscreen.pass'
  readonly kind: 'NEW' | 'OLD'
  readonly client: Endpoint
}

/** @example `postfix/postscreen[1]: DNSBL rank 3 for [192.0.2.1]:51234` */
export interface PostfixPostscreenDnsbl extends PostfixBase {
  readonly type: 'postfix.postscreen.dnsbl'
  readonly rank: number
  readonly client: Endpoint
}

/** @example `postfix/postscreen[1]: PREGREET 11 after 0.21 from [192.0.2.1]:51234: EHLO x\r\n` */
export interface PostfixPostscreenPregreet extends PostfixBase {
  readonly type: 'postfix.postscreen.pregreet'
  readonly bytes: number
  readonly after: number
  readonly client: Endpoint
  readonly input: string
}

/** @example `postfix/postscreen[1]: HANGUP after 1.2 from [192.0.2.1]:51234 in tests after SMTP handshake` */
export interface PostfixPostscreenHangup extends PostfixBase {
  readonly type: 'postfix.postscreen.hangup'
  readonly after: number
  readonly client: Endpoint
  /** `tests before SMTP handshake`, `tests after SMTP handshake`… */
  readonly stage: string
}

/**
 * A protocol test failed: `COMMAND PIPELINING`, `NON-SMTP COMMAND`, `BARE NEWLINE`,
 * `COMMAND TIME LIMIT`, `COMMAND COUNT LIMIT`, `COMMAND LENGTH LIMIT`, `DATA without valid RCPT`.
 * @example `postfix/postscreen[1]: BARE NEWLINE from [192.0.2.1]:51234 after DATA`
 */
export interface PostfixPostscreenViolation extends PostfixBase {
  readonly type: 'postfix.postscreen.violation'
  readonly test: string
  readonly client: Endpoint
  /** What followed the client, e.g. `after DATA` or `after 0.3: GET / HTTP/1.1`. */
  readonly detail?: string
}

/** @example `postfix/postscreen[1]: DISCONNECT [192.0.2.1]:51234` */
export interface PostfixPostscreenDisconnect extends PostfixBase {
  readonly type: 'postfix.postscreen.disconnect'
  readonly client: Endpoint
}

/**
 * Permanent allow/deny list verdicts (`WHITELISTED` and `BLACKLISTED` before Postfix 3.6).
 * @example `postfix/postscreen[1]: DENYLISTED [192.0.2.1]:51234`
 */
export interface PostfixPostscreenListed extends PostfixBase {
  readonly type: 'postfix.postscreen.listed'
  readonly list: 'ALLOWLISTED' | 'DENYLISTED' | 'WHITELISTED' | 'BLACKLISTED'
  readonly client: Endpoint
}

/** @example `postfix/postscreen[1]: ALLOWLIST VETO [192.0.2.1]:51234` */
export interface PostfixPostscreenVeto extends PostfixBase {
  readonly type: 'postfix.postscreen.veto'
  readonly client: Endpoint
}

/**
 * postscreen's own rejects; the tail is **comma**-separated, unlike smtpd's.
 * @example `postfix/postscreen[1]: NOQUEUE: reject: RCPT from [192.0.2.1]:51234: 550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org; from=<a@b>, to=<c@d>, proto=ESMTP, helo=<h>`
 */
export interface PostfixPostscreenReject extends PostfixBase, Whatsup, Reply {
  readonly type: 'postfix.postscreen.reject'
  readonly stage: string
  readonly client: Endpoint
}

// ---------------------------------------------------------------------------------------------
// tlsproxy

/** @example `postfix/tlsproxy[1]: CONNECT from [192.0.2.1]:51234` */
export interface PostfixTlsproxyConnect extends PostfixBase {
  readonly type: 'postfix.tlsproxy.connect'
  readonly client: Endpoint
}

/** @example `postfix/tlsproxy[1]: DISCONNECT [192.0.2.1]:51234` */
export interface PostfixTlsproxyDisconnect extends PostfixBase {
  readonly type: 'postfix.tlsproxy.disconnect'
  readonly client: Endpoint
}

// ---------------------------------------------------------------------------------------------
// dnsblog, verify, anvil, scache

/** @example `postfix/dnsblog[1]: addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.4` */
export interface PostfixDnsblogListed extends PostfixBase {
  readonly type: 'postfix.dnsblog.listed'
  readonly ip: string
  readonly domain: string
  readonly reply: string
}

/**
 * Periodic cache cleanup of postscreen or verify.
 * @example `postfix/verify[1]: cache btree:/var/lib/postfix/verify_cache full cleanup: retained=12 dropped=3 entries`
 */
export interface PostfixCacheCleanup extends PostfixBase {
  readonly type: 'postfix.cache-cleanup'
  readonly cache: string
  readonly retained: number
  readonly dropped: number
}

/**
 * anvil and scache statistics lines.
 * @example `postfix/anvil[1]: statistics: max connection rate 12/60s for (smtp:192.0.2.1) at Mar  1 12:00:00`
 */
export interface PostfixStatistics extends PostfixBase {
  readonly type: 'postfix.statistics'
  /** `max connection rate`, `max connection count`, `max cache size`, `domain lookup`, `start interval`… */
  readonly metric: string
  /** The value as logged: `12/60s`, `1`, `hits=5 miss=2 success=71%`. */
  readonly value?: string
  /** `service:client` the value is for, e.g. `smtp:192.0.2.1`. */
  readonly subject?: string
  /** Embedded year-less time (`Mar  1 12:00:00`), as written. */
  readonly at?: string
}

// ---------------------------------------------------------------------------------------------
// cleanup

/** @example `postfix/cleanup[1]: 4AbC12: message-id=<20250301.abc@example.org>` */
export interface PostfixCleanupMessageId extends PostfixBase {
  readonly type: 'postfix.cleanup.message-id'
  /** Without angle brackets; `''` for `message-id=<>`. */
  readonly messageId: string
}

/** @example `postfix/cleanup[1]: 4AbC12: resent-message-id=<r.1@example.org>` */
export interface PostfixCleanupResentMessageId extends PostfixBase {
  readonly type: 'postfix.cleanup.resent-message-id'
  readonly messageId: string
}

/**
 * A header/body check or milter acted on a message in cleanup.
 * @example `postfix/cleanup[1]: 4AbC12: reject: header Subject: win from h[192.0.2.1]; from=<a@b> to=<c@d> proto=ESMTP helo=<h>: 550 5.7.1 spam`
 */
export interface PostfixCleanupCheck extends PostfixBase, Whatsup {
  readonly type: 'postfix.cleanup.check'
  /** `reject`, `warning`, `hold`, `discard`, `redirect`, `replace`, `prepend`, `filter`, `info`, `milter-reject`, `milter-discard`, `milter-hold`… */
  readonly action: string
  /** `header`, `body`, `mime-header`, `nested-header` or, for milters, the stage (`END-OF-MESSAGE`). */
  readonly class: string
  /** The matched header or body text (checks), or the reply (milters). */
  readonly text: string
  readonly client?: Endpoint
  /** Text after the tail, e.g. the optional reason of a check action. */
  readonly reason?: string
}

/**
 * Postfix ≥ 3.10: cleanup dropped the message before it was queued.
 * @example `postfix/cleanup[1]: 4AbC12: removed (canceled)`
 */
export interface PostfixCleanupRemoved extends PostfixBase {
  readonly type: 'postfix.cleanup.removed'
  readonly reason: string
}

// ---------------------------------------------------------------------------------------------
// qmgr

/** @example `postfix/qmgr[1]: 4AbC12: from=<alice@example.org>, size=1234, nrcpt=2 (queue active)` */
export interface PostfixQmgrQueued extends PostfixBase {
  readonly type: 'postfix.qmgr.queued'
  readonly from: string
  readonly size: number
  readonly nrcpt: number
}

/** @example `postfix/qmgr[1]: 4AbC12: removed` */
export interface PostfixQmgrRemoved extends PostfixBase {
  readonly type: 'postfix.qmgr.removed'
}

/** @example `postfix/qmgr[1]: 4AbC12: from=<alice@example.org>, status=expired, returned to sender` */
export interface PostfixQmgrExpired extends PostfixBase {
  readonly type: 'postfix.qmgr.expired'
  readonly from: string
  readonly status: 'expired' | 'force-expired'
}

/** @example `postfix/qmgr[1]: 4AbC12: skipped, still being delivered` */
export interface PostfixQmgrSkipped extends PostfixBase {
  readonly type: 'postfix.qmgr.skipped'
}

/**
 * qmgr could not read a queue file and moved it out of the way to the `corrupt` queue
 * (`qmgr/qmgr_active.c`, `qmgr_active_corrupt()`): the message will not be delivered. The line
 * has no queue-id prefix; `queueId` is the quoted file name.
 * @example `postfix/qmgr[1]: warning: saving corrupt file "4AbC12" from queue "active" to queue "corrupt"`
 */
export interface PostfixQmgrCorrupt extends PostfixBase {
  readonly type: 'postfix.qmgr.corrupt'
  readonly queueId: string
  /** The queue it was taken from (`active`). */
  readonly queue: string
}

// ---------------------------------------------------------------------------------------------
// delivery agents

/**
 * A delivery attempt by smtp, lmtp, local, virtual, pipe, error, discard, retry or qmgr.
 * @example `postfix/smtp[1]: 4AbC12: to=<bob@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=1.2, delays=0.1/0.01/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4XyZ9)`
 */
export interface PostfixDelivery extends PostfixBase {
  readonly type: 'postfix.delivery'
  readonly to: string
  readonly origTo?: string
  /** `relay=` as logged: `mx[ip]:25`, `local`, `none`, `h[private/dovecot-lmtp]`. */
  readonly relay: string
  /** The relay as an endpoint, when it has the `host[addr]` form. */
  readonly relayEndpoint?: Endpoint
  readonly connUse?: number
  readonly delay?: number
  readonly delays?: Delays
  /** Postfix ≥ 3.11 `tls=` feature status, as logged (`may`, `may:none`, `!verify:downgrade`). */
  readonly tls?: string
  readonly dsn?: string
  readonly status: DeliveryStatus
  /** The text inside the balanced parentheses after the status. */
  readonly response?: string
  /** Next hop's queue id from `queued as X` / `forwarded as X` in the response. */
  readonly queuedAs?: string
}

/**
 * Non-final smtp/lmtp client messages: the remote said something, or the conversation failed.
 * @example `postfix/smtp[1]: 4AbC12: host mx.example.net[198.51.100.7] said: 451 4.7.1 Try again later (in reply to RCPT TO command)`
 */
export interface PostfixSmtpHostSaid extends PostfixBase {
  readonly type: 'postfix.smtp.host-said'
  /** `said`, `refused to talk to me`, `lost connection`, `timed out`… */
  readonly kind: string
  readonly peer: Endpoint
  readonly text: string
}

/** @example `postfix/smtp[1]: connect to mx.example.net[198.51.100.7]:25: Connection refused` */
export interface PostfixSmtpConnectError extends PostfixBase {
  readonly type: 'postfix.smtp.connect-error'
  readonly peer: Endpoint
  readonly reason: string
}

/** @example `postfix/smtp[1]: 4AbC12: enabling PIX workarounds: disable_esmtp delay_dotcrlf for mx[198.51.100.7]:25` */
export interface PostfixSmtpPix extends PostfixBase {
  readonly type: 'postfix.smtp.pix'
  readonly workarounds: string
  readonly peer: Endpoint
}

// ---------------------------------------------------------------------------------------------
// bounce, pickup, postsuper, master, script

/**
 * bounce/defer/trace created a notification message with a new queue id.
 * @example `postfix/bounce[1]: 4AbC12: sender non-delivery notification: 4XyZ9`
 */
export interface PostfixBounceNotification extends PostfixBase {
  readonly type: 'postfix.bounce.notification'
  /** `sender non-delivery`, `postmaster non-delivery`, `sender delay`, `postmaster delay`, `sender delivery status`. */
  readonly kind: string
  readonly notificationQueueId: string
}

/** @example `postfix/pickup[1]: 4AbC12: uid=1000 from=<alice>` */
export interface PostfixPickupUid extends PostfixBase {
  readonly type: 'postfix.pickup.uid'
  readonly uid: number
  readonly from: string
  readonly origId?: string
}

/** @example `postfix/postsuper[1]: 4AbC12: removed` */
export interface PostfixPostsuperAction extends PostfixBase {
  readonly type: 'postfix.postsuper.action'
  /** `removed`, `requeued`, `placed on hold`, `released from hold`, `expired`, `force-expired`. */
  readonly action: string
}

/** @example `postfix/postsuper[1]: Deleted: 3 messages` */
export interface PostfixPostsuperSummary extends PostfixBase {
  readonly type: 'postfix.postsuper.summary'
  /** `Deleted`, `Requeued`, `Placed on hold`, `Released from hold`, `Force-expired`… */
  readonly action: string
  readonly count: number
}

/**
 * master daemon and postfix-script lifecycle: start, stop, reload, master's reports on child
 * processes that died (`warning: process /usr/libexec/postfix/smtp pid 812 exit status 1`), and
 * the warnings of the check postfix-script runs at start (`warning: damaged message: corrupt/4AbC12`).
 * @example `postfix/master[1]: daemon started -- version 3.8.6, configuration /etc/postfix`
 */
export interface PostfixLifecycle extends PostfixBase {
  readonly type: 'postfix.lifecycle'
  /**
   * `started`, `reload`, `terminating`, `starting`, `stopping`, `refreshing`, `aborting`,
   * `running`, `not running`, `already running`, `waiting`, `restart`, `startup failed`,
   * `check failed`, `check warning`; for child processes `process exit`, `process killed`,
   * `process stopped`, `throttling`.
   */
  readonly action: string
  readonly version?: string
  readonly configuration?: string
  /** The signal that ended master, or that killed or stopped a child process. */
  readonly signal?: number
  /** The program of a child process master reports on (`/usr/libexec/postfix/smtpd`). */
  readonly command?: string
  /** A child's non-zero exit status. */
  readonly code?: number
  readonly text: string
}

/**
 * A message of the Cyrus SASL library, logged by smtpd (or smtp/lmtp as SASL client) through
 * `xsasl_cyrus_log.c:51-97`: `failure` for a refused password, `problem` for a library error
 * (such as a saslauthd that does not answer); `info`, `debug`, `trace` and `pass` only with
 * verbose logging. The line names no client: smtpd's own `SASL … authentication failed` line
 * (`postfix.smtpd.sasl-failed`) follows with the client, so these are not counted as attempts.
 * @example `postfix/smtpd[1]: warning: SASL authentication failure: Password verification failed`
 */
export interface PostfixSaslLog extends PostfixBase {
  readonly type: 'postfix.sasl-log'
  readonly level: 'failure' | 'problem' | 'info' | 'debug' | 'trace' | 'pass'
  /** The library's message. */
  readonly text: string
}

/**
 * A delivery agent could not open the queue file of a delivery request (`deliver_request.c:359`);
 * typically the message was removed (postsuper -d) while qmgr still had it in memory. The
 * queue id comes from the text, so the warning lands on that message's transaction.
 * @example `postfix/smtp[1]: warning: open active 4AbC12: No such file or directory`
 */
export interface PostfixQueueFileError extends PostfixBase {
  readonly type: 'postfix.queue-file-error'
  /** Queue directory the request named (`active`). */
  readonly queue: string
  /** The system error. */
  readonly reason: string
  /** The message after the severity. */
  readonly text: string
}

/**
 * A configuration mistake any daemon or command reports when it reads its configuration:
 * `override` — a parameter set twice in a configuration file (`util/dict.c:550`);
 * `stale-database` — an indexed table older than its source (`postmap` not run; `dict_db.c:808`,
 * `dict_cdb.c:288`, `dict_lmdb.c:673`, `dict_dbm.c:492`, `dict_sdbm.c:466`);
 * `domain-conflict` — a domain listed in two address classes (`trivial-rewrite/resolve.c:499-636`);
 * `unsupported-dictionary` — a table type the build does not support (`dict_open.c:534`,
 * `dynamicmaps.c:147-159`, `dict_surrogate.c:81-115`).
 * @example `postfix/pickup[1]: warning: /etc/postfix/main.cf, line 48: overriding earlier entry: virtual_alias_maps=hash:/etc/postfix/virtual`
 */
export interface PostfixConfigWarning extends PostfixBase {
  readonly type: 'postfix.config-warning'
  readonly kind: 'override' | 'stale-database' | 'domain-conflict' | 'unsupported-dictionary'
  /** The configuration file (`override`) or the table's source file (`stale-database`). */
  readonly file?: string
  /** Line in `file` (`override`); `line` is the log's own. */
  readonly fileLine?: number
  /** The indexed table file (`stale-database`). */
  readonly database?: string
  /** Parameters named: the one set twice, or the two lists the domain is in. */
  readonly parameters?: readonly string[]
  /** The domain listed twice (`domain-conflict`). */
  readonly domain?: string
  /** The table type (`unsupported-dictionary`). */
  readonly dictionaryType?: string
  /** The message after the severity. */
  readonly text: string
}

/**
 * A warning or error of a Postfix command run by a user or a script — `postqueue`, `postdrop`,
 * the `sendmail` compatibility command, `postalias`, `postmap`, `postcat`, `postconf`,
 * `postkick`, `postlock`, `postmulti` — that has no more specific event. `sendmail` and
 * `postdrop` name the user first (`root(0): …`, `sendmail.c:798-1026`; `uid=0: …`,
 * `postdrop.c:505-625`).
 * @example `postfix/postqueue[1]: fatal: Queue report unavailable - mail system is down`
 */
export interface PostfixCommandError extends PostfixBase {
  readonly type: 'postfix.command-error'
  /** The user the command ran as, when logged by name. */
  readonly user?: string
  /** The user id, when logged. */
  readonly uid?: number
  /** The message after the severity and the user. */
  readonly text: string
}

/**
 * A `warning:`/`error:`/`fatal:`/`panic:` line, or another informational line of a known
 * daemon, that has no more specific event. `client` is set when the text names one.
 * @example `postfix/qmgr[1]: warning: connect to transport private/hold: No such file or directory`
 */
export interface PostfixDiagnostic extends PostfixBase {
  readonly type: 'postfix.diagnostic'
  readonly text: string
  readonly client?: Endpoint
}

/**
 * Verbose (`-v`, `debug_peer_list`) output: internal function traces, attribute dumps and
 * the SMTP conversation (`> host[ip]: 250 Ok`, `< host[ip]: MAIL FROM:<a>`).
 * @example `postfix/qmgr[1]: qmgr_scan_start: start incoming queue scan`
 */
export interface PostfixDebug extends PostfixBase {
  readonly type: 'postfix.debug'
  readonly text: string
}

/**
 * A line under a Postfix program name whose message no grammar knows.
 * @example `postfix/smtpd[1]: some message from a future Postfix`
 */
export interface PostfixUnrecognized extends PostfixBase {
  readonly type: 'postfix.unrecognized'
  readonly raw: string
  /** The message after the syslog header. */
  readonly message: string
}

/** Every Postfix event. */
export type PostfixEvent =
  | PostfixSmtpdConnect
  | PostfixSmtpdDisconnect
  | PostfixSmtpdClient
  | PostfixSmtpdReject
  | PostfixSmtpdAction
  | PostfixSmtpdProxyAccept
  | PostfixSmtpdLostConnection
  | PostfixSmtpdPipelining
  | PostfixSmtpdSaslFailed
  | PostfixSmtpdDnsMismatch
  | PostfixSmtpdNonSmtpCommand
  | PostfixSmtpdIllegalAddress
  | PostfixEhloDiscard
  | PostfixTlsConnection
  | PostfixTlsNote
  | PostfixPostscreenConnect
  | PostfixPostscreenPass
  | PostfixPostscreenDnsbl
  | PostfixPostscreenPregreet
  | PostfixPostscreenHangup
  | PostfixPostscreenViolation
  | PostfixPostscreenDisconnect
  | PostfixPostscreenListed
  | PostfixPostscreenVeto
  | PostfixPostscreenReject
  | PostfixTlsproxyConnect
  | PostfixTlsproxyDisconnect
  | PostfixDnsblogListed
  | PostfixCacheCleanup
  | PostfixStatistics
  | PostfixCleanupMessageId
  | PostfixCleanupResentMessageId
  | PostfixCleanupCheck
  | PostfixCleanupRemoved
  | PostfixQmgrQueued
  | PostfixQmgrRemoved
  | PostfixQmgrExpired
  | PostfixQmgrSkipped
  | PostfixQmgrCorrupt
  | PostfixDelivery
  | PostfixSmtpHostSaid
  | PostfixSmtpConnectError
  | PostfixSmtpPix
  | PostfixBounceNotification
  | PostfixPickupUid
  | PostfixPostsuperAction
  | PostfixPostsuperSummary
  | PostfixLifecycle
  | PostfixSaslLog
  | PostfixQueueFileError
  | PostfixConfigWarning
  | PostfixCommandError
  | PostfixDiagnostic
  | PostfixDebug
  | PostfixUnrecognized

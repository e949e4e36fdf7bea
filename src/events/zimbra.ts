/**
 * Zimbra events: log4j records of `mailbox.log` (`zimbra.mailbox.*`) and `audit.log`
 * (`zimbra.audit.*`, the `security` category). One event per record; a record is its first
 * line plus the continuation lines that follow it (stack traces, wrapped text).
 *
 * @module
 */

import type { Log4jContext, Log4jLevel } from '../envelope/log4j.js'
import type { EventBase } from './base.js'

export type { Log4jContext, Log4jLevel } from '../envelope/log4j.js'

/** A Java exception read from a stack trace, with its `Caused by:` chain. */
export interface JavaException {
  /** Class name (`com.zimbra.common.service.ServiceException`, `java.lang.NullPointerException`). */
  readonly class: string
  /** Text after `Class: `, when present (several lines joined with `\n`). */
  readonly message?: string
  /** Zimbra `ExceptionId:` line (`qtp12-34:1709547662481:5f1c0b2a`). */
  readonly id?: string
  /** Zimbra `Code:` line value (`service.FAILURE`, `mail.NO_SUCH_MSG`), without its ` Arg:` suffixes. */
  readonly code?: string
  /** Stack frames as written after `at ` (`com.zimbra.cs.mailbox.Mailbox.getItemById(Mailbox.java:2711)`). */
  readonly frames: readonly string[]
  /** The `Caused by:` exception. */
  readonly causedBy?: JavaException
}

/**
 * Fields of every Zimbra record. `line` is the first line of the record and `endLine` the last
 * (present only when the record spans lines); `message` is the whole text after `category - `,
 * continuation lines included (joined with `\n`), so nothing of the record is lost.
 * `host`, `program` and `pid` are set only for a record carried in a syslog line (`mailboxd:`).
 */
export interface ZimbraBase {
  readonly line: number
  /** Last line of a multi-line record. */
  readonly endLine?: number
  readonly source?: string
  readonly offset?: number
  /** ISO 8601 with the offset of the parser's zone (log4j stamps carry none), or the stamp text. */
  readonly time: string
  /** The stamp as written (`2024-03-04 10:15:02,481`). */
  readonly stamp: string
  readonly timeUnresolved?: true
  readonly host?: string
  readonly program?: string
  readonly pid?: number
  readonly level: Log4jLevel
  /** Thread name; a Jetty thread carries the request URI after the first `:`. */
  readonly thread: string
  /** The `[key=value;…]` logging context. */
  readonly context: Log4jContext
  /** Logger category (`lmtp`, `mailop`, `imap`, `soap`, `SoapEngine`, `security` …). */
  readonly category: string
  /** The exception of a stack trace that follows the first line, when there is one. */
  readonly exception?: JavaException
  /** The whole message: first-line text and every continuation line, joined with `\n`. */
  readonly message: string
}

/** Client fields taken from the logging context. */
export interface ZimbraClient {
  /** The client: the first `oip` (original IP behind the proxy) or else `ip`. */
  readonly clientIp?: string
  /** User agent (`ua=`). */
  readonly userAgent?: string
}

// ---------------------------------------------------------------------------------------------
// mailbox.log — LMTP

/**
 * The LMTP server starts a delivery (`ZimbraLmtpBackend.java:592-596`); 10.1+ may log `started`
 * and `completed` variants. `size` is absent when logged as `unspecified`.
 * @example `2024-03-04 10:15:02,481 INFO  [LmtpServer-7] [ip=10.0.0.2;] lmtp - Delivering message: size=2987 bytes, nrcpts=2, sender=alice@example.org, msgid=<c0ffee.1@example.org>`
 */
export interface ZimbraLmtpDelivering extends ZimbraBase {
  readonly type: 'zimbra.mailbox.lmtp-delivering'
  /** `started` / `completed` for the extended-logging variants (`lmtp_extended_logs_enabled`). */
  readonly phase?: 'started' | 'completed'
  readonly size?: number
  readonly nrcpts: number
  /** Envelope sender, `''` for the null sender. */
  readonly sender: string
  /** Message-ID without angle brackets; absent when the message has none. */
  readonly messageId?: string
  /** The MTA that connected (context `ip`). */
  readonly clientIp?: string
}

/** Fields of `Adding Message` (`Message.java:599-602`). */
export interface ZimbraMessageFields {
  /** Account name of the mailbox (context `name`). */
  readonly account?: string
  /** Mailbox id (context `mid`). */
  readonly mailboxId?: number
  /** The new item id. */
  readonly itemId: number
  /** Header sender (10.1+). */
  readonly sender?: string
  /** Message-ID without angle brackets; absent when logged as `null`. */
  readonly messageId?: string
  /** Conversation id; absent when -1 (no conversation). */
  readonly conversationId?: number
  readonly folderId: number
  readonly folderName: string
  /** Account UUID (`acct=`, 8.8.5+). */
  readonly accountId?: string
}

/**
 * A message delivered by LMTP into a mailbox: `mailop - Adding Message` on an `LmtpServer-n`
 * thread. Zimbra logs no other per-recipient "delivered" line (`ZimbraLmtpBackend.java`).
 * @example `2024-03-04 10:15:02,530 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;ip=10.0.0.2;] mailop - Adding Message: id=4711, Message-ID=<c0ffee.1@example.org>, parentId=-1, folderId=2, folderName=Inbox acct=6d3a1f0e-0000-4000-8000-00000000b0b0.`
 */
export interface ZimbraLmtpDelivered extends ZimbraBase, ZimbraMessageFields {
  readonly type: 'zimbra.mailbox.lmtp-delivered'
}

/**
 * LMTP refused a recipient or a message: `rejecting message from=…,to=…: reason`,
 * `rejecting address …: no account`, and the temporary `try again for …` forms
 * (`ZimbraLmtpBackend.java:138-188,616,657,752-777`).
 * @example `2024-03-04 10:16:00,002 INFO  [LmtpServer-8] [name=carol@example.com;mid=14;ip=10.0.0.2;] lmtp - rejecting message from=alice@example.org,to=carol@example.com: overquota`
 */
export interface ZimbraLmtpRejected extends ZimbraBase {
  readonly type: 'zimbra.mailbox.lmtp-rejected'
  /** `true` for `try again` (4xx), `false` for `rejecting` (5xx). */
  readonly temporary: boolean
  /** Envelope sender, when the line names it. */
  readonly sender?: string
  readonly recipient: string
  /** Reason text (`overquota`, `account or mailbox not found`, `no account` …), when logged. */
  readonly reason?: string
}

/**
 * LMTP accepted a message but stored nothing: local delivery disabled, or a duplicate
 * Message-ID (`ZimbraLmtpBackend.java:632,665`).
 * @example `2024-03-04 10:16:10,100 INFO  [LmtpServer-9] [name=bob@example.com;mid=12;ip=10.0.0.2;] lmtp - Not delivering message with duplicate Message-ID <c0ffee.1@example.org>`
 */
export interface ZimbraLmtpDiscarded extends ZimbraBase {
  readonly type: 'zimbra.mailbox.lmtp-discarded'
  readonly sender?: string
  readonly recipient?: string
  readonly messageId?: string
  /** `local delivery is disabled` or `duplicate`. */
  readonly reason: string
}

/**
 * The mailbox server hands a message to the MTA (web client or SOAP send, notification, read
 * receipt): `Sending message to MTA at %s: Message-ID=%s…` (`MailSender.java:880-962`). Size,
 * sender and recipients are logged since 8.8.8.
 * @example `2024-03-04 10:20:00,020 INFO  [qtp1-42:https://mail.example.com/service/soap/SendMsgRequest] [name=bob@example.com;mid=12;] smtp - Sending message to MTA at mta.example.com: Message-ID=<r1@example.com>, replyType=r, size=2048, sender=bob@example.com, nrcpts=1, to=alice@example.org`
 */
export interface ZimbraSmtpSending extends ZimbraBase {
  readonly type: 'zimbra.mailbox.smtp-sending'
  /** The sending account (context `name`). */
  readonly account?: string
  /** SMTP host the message went to. */
  readonly mta?: string
  /** Message-ID without angle brackets. */
  readonly messageId?: string
  /** Item id or Message-ID of the message replied to or forwarded. */
  readonly origMsgId?: string
  /** `r` reply, `w` forward. */
  readonly replyType?: string
  readonly size?: number
  /** Envelope sender. */
  readonly sender?: string
  readonly nrcpts?: number
  readonly recipients?: readonly string[]
  /** Why a message was sent automatically (`notify`, `read receipt`). */
  readonly reason?: string
}

// ---------------------------------------------------------------------------------------------
// mailbox.log — mailop

/**
 * A message was added to a mailbox other than by LMTP (sent copy, draft, IMAP APPEND, import).
 * @example `2024-03-04 10:20:00,010 INFO  [qtp1-42:https://mail.example.com/service/soap/SendMsgRequest] [name=bob@example.com;mid=12;oip=198.51.100.7;] mailop - Adding Message: id=4720, Message-ID=<r1@example.com>, parentId=-1, folderId=5, folderName=Sent acct=6d3a1f0e-0000-4000-8000-00000000b0b0.`
 */
export interface ZimbraMessageAdded extends ZimbraBase, ZimbraMessageFields {
  readonly type: 'zimbra.mailbox.message-added'
}

/**
 * Another item was added or modified: `Adding Folder …`, `Adding Tag …`, `adding contact …`,
 * `modifying contact …`, `Adding CalendarItem …`, `Adding Document …`
 * (`Contact.java:718,734`, `Tag.java:240`, `Document.java:267`, `Mountpoint.java:180` …).
 * @example `2024-03-04 10:21:00,000 INFO  [qtp1-43] [name=bob@example.com;mid=12;] mailop - Adding Tag important: id=64.`
 */
export interface ZimbraItemAdded extends ZimbraBase {
  readonly type: 'zimbra.mailbox.item-added'
  /** `added` or `modified`. */
  readonly action: 'added' | 'modified'
  /** Item kind, lowercase (`tag`, `folder`, `contact`, `calendaritem`, `document` …). */
  readonly itemType: string
  /** Name, email or subject, when logged. */
  readonly name?: string
  readonly itemId?: number
  readonly folderId?: number
  readonly folderName?: string
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * Items were deleted: `Deleting Message (id=257).`, `Deleting MESSAGES: 257,258.`,
 * `Deleting Folder old (id=300).` (`MailItem.java:3278-3301`).
 * @example `2024-03-04 10:22:00,000 INFO  [qtp1-44] [name=bob@example.com;mid=12;] mailop - Deleting MESSAGES: 257,258.`
 */
export interface ZimbraItemDeleted extends ZimbraBase {
  readonly type: 'zimbra.mailbox.item-deleted'
  /** Item kind, lowercase (`message`, `conversation`, `folder`, `contact` …). */
  readonly itemType: string
  readonly itemIds: readonly number[]
  /** Folder/tag name or contact email, when logged. */
  readonly name?: string
  readonly account?: string
  readonly mailboxId?: number
}

/** A `Folder <name> (id=N)` / `Message (id=N)` mention (`MailItem.getMailopContext`). */
export interface ZimbraItemRef {
  /** Item kind, lowercase. */
  readonly itemType: string
  readonly name?: string
  readonly id?: number
}

/**
 * Items were moved: `moving Message (id=4711) to Folder Junk (id=4)`, or a conversation with
 * `Moving Conversation (id=-4711) to Folder Trash (id=3).  Affected message ids: 4711,4712.`
 * (`MailItem.java:3044`, `Folder.java:1241`, `Conversation.java:599-600`).
 * @example `2024-03-04 10:23:00,000 INFO  [ImapServer-3] [name=bob@example.com;mid=12;ip=10.0.0.3;] mailop - moving Message (id=4711) to Folder Junk (id=4)`
 */
export interface ZimbraItemMoved extends ZimbraBase {
  readonly type: 'zimbra.mailbox.item-moved'
  readonly item: ZimbraItemRef
  readonly target: ZimbraItemRef
  /** Message ids a conversation move affected. */
  readonly messageIds?: readonly number[]
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * An item was copied: `Copying Message (id=4711): copyId=4800, folderId=5, folderName=Sent, parentId=-1.`
 * and `Performing IMAP copy of …` (`MailItem.java:2691,2797`).
 * @example `2024-03-04 10:24:00,000 INFO  [ImapServer-3] [name=bob@example.com;mid=12;] mailop - Performing IMAP copy of Message (id=4711): copyId=4801, folderId=7, folderName=Archive, parentId=-1.`
 */
export interface ZimbraItemCopied extends ZimbraBase {
  readonly type: 'zimbra.mailbox.item-copied'
  readonly item: ZimbraItemRef
  readonly copyId: number
  readonly folderId: number
  readonly folderName: string
  readonly imap: boolean
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * A Sieve filter acted on a delivered message: `discard`, `redirect`, `reply`, `notify`,
 * `reject`, `ereject` (refused in the LMTP dialogue), or `fileinto-failed` (the message went to a
 * fallback folder) (`ZimbraMailAdapter.java:287-289,378-398,413-467`; `, sender=…, MsgId=…` tails
 * with `lmtp_extended_logs_enabled`, `FilterUtil.java:1110-1114`).
 * @example `2024-03-04 10:15:02,520 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;ip=10.0.0.2;] filter - Redirecting message to carol@example.org.`
 */
export interface ZimbraFilterAction extends ZimbraBase {
  readonly type: 'zimbra.mailbox.filter-action'
  readonly action: string
  /** Redirect or notification address, or the folder a `fileinto` could not use. */
  readonly destination?: string
  /** The folder the message was filed to instead. */
  readonly fallback?: string
  /** The reject text, or why a `fileinto` failed. */
  readonly reason?: string
  /** Header sender of the message. */
  readonly sender?: string
  /** Message-ID without angle brackets. */
  readonly messageId?: string
  /** The mailbox the filter belongs to (context `name`). */
  readonly account?: string
}

// ---------------------------------------------------------------------------------------------
// mailbox.log — access

/** Access protocol as Zimbra names it (`imap`, `pop3`, `soap`, `http_basic`, `zsync` …). */
export type ZimbraProtocol = string

/**
 * A user logged in over IMAP or POP3: `user %s authenticated, mechanism=%s[ [TLS]]`
 * (`ImapHandler.java:1792-1793`, `Pop3Handler.java:593-594`). SOAP/web logins are in audit.log.
 * @example `2024-03-04 10:22:05,310 INFO  [ImapSSLServer-42] [name=bob@example.com;ip=10.0.0.3;oip=198.51.100.7;ua=Thunderbird/115.0;cid=1187;] imap - user bob@example.com authenticated, mechanism=LOGIN [TLS]`
 */
export interface ZimbraLogin extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.login'
  readonly protocol: ZimbraProtocol
  readonly account: string
  /** SASL mechanism or `LOGIN`/`USER`. */
  readonly mechanism: string
  readonly tls: boolean
}

/**
 * A session ended: IMAP `dropping connection for user %s (LOGOUT|server-initiated)`, POP3
 * `quit from client` / `disconnected without quit` (`ImapHandler.java:4840`,
 * `NioImapHandler.java:226`, `Pop3Handler.java:203,456`).
 * @example `2024-03-04 10:40:00,000 INFO  [ImapSSLServer-42] [name=bob@example.com;ip=10.0.0.3;] imap - dropping connection for user bob@example.com (LOGOUT)`
 */
export interface ZimbraLogout extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.logout'
  readonly protocol: ZimbraProtocol
  /** Account from the message or the context `name`. */
  readonly account?: string
  /** `LOGOUT`, `server-initiated`, `quit`, `disconnected`; or why the server dropped it (`user services are disabled`, `too many errors`). */
  readonly reason: string
}

/**
 * A login failed: IMAP `authentication failed for [%s] (reason)`, SOAP
 * `handler exception: authentication failed for [%s], reason` (`ImapHandler.java:1732`,
 * `SoapEngine.java:669-674`, `AccountServiceException.java:131-146`), and the SASL checks of the
 * `account` category: `authentication failed for %s (no such account)`, `Authentication failed -
 * imap not enabled for %s`, `authorization failed for %s (…)` (`PlainAuthenticator.java:90,96`,
 * `Authenticator.java:216,222`, `GssAuthenticator.java:224`); their protocol comes from the thread
 * (`ImapServer-n` → `imap`, `Pop3Server-n` → `pop3`, Jetty → `http`, else `unknown`).
 * @example `2024-03-04 10:21:40,119 INFO  [qtp1-219:https://mail.example.com/service/soap/AuthRequest] [oip=198.51.100.7;ua=zclient/10.0.7_GA;] SoapEngine - handler exception: authentication failed for [bob], invalid password`
 */
export interface ZimbraAuthFailed extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.auth-failed'
  readonly protocol: ZimbraProtocol
  /** The name as typed by the client (between `[` `]`). */
  readonly account: string
  /** `invalid password`, `account lockout`, `account not found`, `account(or domain) status is …`. */
  readonly reason?: string
}

/**
 * A protocol request and its duration: SOAP `%s elapsed=%d`, `(batch) %s elapsed=%d`,
 * `%s proxy=%s,elapsed=%d`, IMAP `%s elapsed=%d (NIO|TCP)`, POP3 `%s elapsed=%d`
 * (`SoapEngine.java:473,493,509`, `NioImapHandler.java:145`, `Pop3Handler.java:166`), CalDAV/CardDAV
 * `DavServlet operation %s to %s (depth: %s) finished in %dms` (`DavServlet.java:448`, every DAV
 * request, whatever its outcome).
 * @example `2024-03-04 10:21:40,200 INFO  [qtp1-220:https://mail.example.com/service/soap/AuthRequest] [name=bob@example.com;oip=198.51.100.7;] soap - AuthRequest elapsed=58`
 */
export interface ZimbraRequest extends ZimbraBase {
  readonly type: 'zimbra.mailbox.request'
  readonly protocol: 'soap' | 'imap' | 'pop3' | 'dav'
  /** SOAP request name, IMAP/POP3 command or DAV method (`AuthRequest`, `SELECT`, `RETR`, `PROPFIND`, `(unknown)`). */
  readonly command: string
  /** Milliseconds. */
  readonly elapsed: number
  /** SOAP request inside a `BatchRequest`. */
  readonly batch?: true
  /** SOAP request proxied to this server. */
  readonly proxy?: string
  /** DAV: the path below `/dav` (`/bob@example.com/Calendar/`), as the servlet decoded it. */
  readonly path?: string
  /** DAV: the `Depth` header (`zero`, `one`, `infinity`). */
  readonly depth?: string
  readonly account?: string
}

/**
 * A CalDAV/CardDAV request failed: `sending http error %d because: %s`, or `%s not found` for a
 * missing resource (`DavServlet.java:412,423-425`; a `request` line with the timing follows).
 * @example `2024-03-04 10:30:00,120 INFO  [qtp1-301:https://mail.example.com/dav/bob@example.com/Calendar/] [name=bob@example.com;ip=198.51.100.7;ua=DAVx5/4.3;] dav - sending http error 403 because: permission denied`
 */
export interface ZimbraDavError extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.dav-error'
  /** HTTP status sent (404 for `… not found`). */
  readonly httpStatus: number
  /** The exception's message. */
  readonly reason?: string
  /** The resource URI, for `… not found`. */
  readonly path?: string
  readonly account?: string
}

/**
 * A SOAP `BatchRequest` began: the request name alone, logged before its sub-requests'
 * `(batch) X elapsed=N` lines (`SoapEngine.java:466`), or, from 8.8.7 on, `BatchRequest [%s] contains
 * %d sub-request(s): %s` with the URI and the sub-request names (`SoapEngine.java:353`, category
 * `SoapEngine`).
 * @example `2024-03-04 10:21:41,002 INFO  [qtp1-221:https://mail.example.com/service/soap/BatchRequest] [name=bob@example.com;mid=12;oip=198.51.100.7;ua=ZimbraWebClient - FF115 (Linux)/10.0.7_GA;] soap - BatchRequest`
 */
export interface ZimbraSoapBatch extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.soap-batch'
  /** Sub-request names, in order (`GetInfoRequest`, `SearchRequest`). */
  readonly requests?: readonly string[]
  /** Request URI (`/service/soap/BatchRequest`). */
  readonly path?: string
  readonly account?: string
}

/**
 * A SOAP request for an account homed on another server is proxied there: `Proxying request:
 * requestedAccountId=%s authAcct name=%s id=%s reason: %s`, or `… authAcct <null> reason: %s`
 * without an authenticated account (`DocumentHandler.java:495-499`). The reason is
 * `Provisioning.onLocalServer`'s (`Provisioning.java:1507`): `onLocalSvr=false isLocal=false
 * target=HOST localhost=HOST account=NAME`. A `soap - X proxy=HOST,elapsed=N` line follows.
 * @example `2024-03-04 10:24:00,100 INFO  [qtp1-230:https://mail.example.com/service/soap/GetFolderRequest] [name=bob@example.com;mid=12;oip=198.51.100.7;] soap - Proxying request: requestedAccountId=6c1b3f0e-2a47-4d5e-9b8a-0f3e2d1c4b5a authAcct name=bob@example.com id=0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d reason: onLocalSvr=false isLocal=false target=mbox2.example.com localhost=mbox1.example.com account=carol@example.com`
 */
export interface ZimbraSoapProxy extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.soap-proxy'
  /** Id of the account the request is for (a shared folder's owner, a delegated mailbox). */
  readonly requestedAccountId: string
  /** Name of the authenticated account; absent for `authAcct <null>`. */
  readonly authAccount?: string
  readonly authAccountId?: string
  /** Why the account is not local, as logged (absent when empty). */
  readonly reason?: string
  /** The requested account's mail host: the reason's `target=` (absent for `null`). */
  readonly homeServer?: string
  readonly account?: string
}

/**
 * An account's password was set or changed (by its owner, an admin, or a reset):
 * `password changed for %s` (`LdapProvisioning.java:6329`, ZCS 8.8.12+).
 * @example `2024-03-04 10:25:00,000 INFO  [qtp1-231:https://mail.example.com/service/soap/ChangePasswordRequest] [name=bob@example.com;mid=12;oip=198.51.100.7;ua=ZimbraWebClient - FF115 (Linux)/10.0.7_GA;] account - password changed for bob@example.com`
 */
export interface ZimbraPasswordChanged extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.password-changed'
  /** The account whose password changed. */
  readonly account: string
  /** Who asked: the context's `aname` (an admin), else `name`. */
  readonly actor?: string
}

/**
 * The proxy in front of a POP3 server named the client it relays, by the `XOIP` command:
 * `POP3 client identified as: %s` (`Pop3Handler.java:792`; IMAP's `ID` equivalent is DEBUG).
 * @example `2024-03-04 10:26:00,000 INFO  [Pop3Server-4] [ip=10.0.0.5;oip=198.51.100.9;] pop - POP3 client identified as: 198.51.100.9`
 */
export interface ZimbraClientIdentified extends ZimbraBase {
  readonly type: 'zimbra.mailbox.client-identified'
  readonly protocol: 'pop3'
  /** The client's address as the proxy gave it. */
  readonly originalIp: string
  /** The proxy's address: the context's `ip`. */
  readonly proxyIp?: string
}

/**
 * An IMAP or POP3 connection closed, with its totals: `[CMD=n, …] MailboxSize:a->b
 * InboxNumMsgs:a->b[ TrashNumMsgs:a->b] read[n] write[n] time[ms]` (`NioImapHandler.java:171-177`,
 * `NioPop3Handler.java:57-62`; 8.8.15 patch releases from late 2019 on).
 * @example `2024-03-04 10:40:00,000 INFO  [ImapSSLServer-42] [name=bob@example.com;mid=12;ip=10.0.0.3;oip=198.51.100.7;cid=1187;] imap - [LOGIN=1, SELECT=2, FETCH=14, LOGOUT=1] MailboxSize:524288->530112 InboxNumMsgs:120->121 TrashNumMsgs:3->3 read[812] write[40960] time[65012]`
 */
export interface ZimbraSessionSummary extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.session-summary'
  readonly protocol: 'imap' | 'pop3'
  readonly account?: string
  /** How many times each command was sent, in the order logged. */
  readonly commandCounts: readonly { readonly command: string; readonly count: number }[]
  /** Mailbox size in bytes at the start and the end of the session. */
  readonly mailboxSize: readonly [before: number, after: number]
  /** Messages in the Inbox at the start and the end. */
  readonly inboxMessages: readonly [before: number, after: number]
  /** Messages in the Trash at the start and the end (IMAP only). */
  readonly trashMessages?: readonly [before: number, after: number]
  readonly bytesRead: number
  readonly bytesWritten: number
  /** Session length in milliseconds. */
  readonly duration: number
}

/**
 * An IMAP client selected (or examined) a folder: `selected folder %s` (`ImapHandler.java:1237`).
 * @example `2024-03-04 10:22:06,001 INFO  [ImapSSLServer-42] [name=bob@example.com;ip=10.0.0.3;] imap - selected folder INBOX`
 */
export interface ZimbraImapSelect extends ZimbraBase {
  readonly type: 'zimbra.mailbox.imap-select'
  /** Folder path as the server names it (`INBOX`, `Sent`, `/home/carol/Shared`). */
  readonly folder: string
  readonly account?: string
}

/**
 * An IMAP command refused: `%s failed: <reason>: <path>`, `%s failed` (with a stack trace),
 * `AUTHENTICATE failed; mechanism: …` (`ImapHandler.java:1768,1857-1863,2015-2083,2819-2834,2957-2969`).
 * @example `2024-03-04 10:22:07,000 INFO  [ImapSSLServer-42] [name=bob@example.com;ip=10.0.0.3;] imap - SELECT failed: no such folder: Archive/2019`
 */
export interface ZimbraCommandFailed extends ZimbraBase {
  readonly type: 'zimbra.mailbox.command-failed'
  readonly protocol: 'imap'
  /** The command (`SELECT`, `STATUS`, `APPEND`, `DELETE`, `RENAME`, `SUBSCRIBE` …). */
  readonly command: string
  /** `no such folder`, `permission denied`, `folder not visible` … or the text after the command. */
  readonly reason?: string
  /** The folder path the reason names. */
  readonly path?: string
  readonly account?: string
}

/**
 * A client was refused for making too many requests: IMAP `too many IMAP requests from account|original
 * remote ip|remote ip %s dropping connection`, POP3 `throttling POP3 connection for …`
 * (`ImapHandler.java:486-494`, `Pop3Handler.java:242-253`).
 * @example `2024-03-04 10:30:00,000 WARN  [Pop3SSLServer-7] [ip=10.0.0.3;oip=203.0.113.9;] pop - throttling POP3 connection for original remote IP 203.0.113.9`
 */
export interface ZimbraThrottled extends ZimbraBase {
  readonly type: 'zimbra.mailbox.throttled'
  readonly protocol: 'imap' | 'pop3'
  /** What the limit was counted on: the account, the original (proxied) client, or the connecting address. */
  readonly basis: 'account' | 'original-ip' | 'ip'
  /** Account UUID, when throttled by account. */
  readonly accountId?: string
  /** The throttled address, or the context client when throttled by account. */
  readonly clientIp?: string
  readonly account?: string
}

/**
 * A SOAP request without valid credentials, logged without a stack: `auth credentials have
 * expired[: detail]: <what failed>`, `no valid authtoken present[ for EMAIL]: <what failed>`
 * (`SoapEngine.java:137-145`, `ServiceException.java:376,400,404`).
 * @example `2024-03-04 10:50:00,000 INFO  [qtp1-80:https://mail.example.com/service/soap/NoOpRequest] [name=bob@example.com;oip=198.51.100.7;ua=ZimbraWebClient - FF115 (Linux)/10.0.7_GA;] SoapEngine - auth credentials have expired: handler exception`
 */
export interface ZimbraAuthRequired extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.mailbox.auth-required'
  /** `expired` (AUTH_EXPIRED) or `missing` (AUTH_REQUIRED). */
  readonly reason: 'expired' | 'missing'
  /** The account the message names (`no valid authtoken present for EMAIL`), else the context `name`. */
  readonly account?: string
  /** The rest of the text (`handler exception`, `cannot dispatch request`). */
  readonly detail?: string
}

// ---------------------------------------------------------------------------------------------
// mailbox.log — mailbox life cycle, lookups

/**
 * A mailbox was created for an account (first login or delivery): `mailbox - Creating mailbox with
 * id %d and group id %d for %s.` (`MailboxManager.java:894`), then, once it is open, `mbxmgr -
 * Mailbox %d account %s CREATED` (`MailboxManager.java:130`) with the account id: one creation
 * gives both lines, so count one of them (the `mbxmgr` one has `accountId`).
 * @example `2024-03-04 09:00:00,000 INFO  [LmtpServer-1] [] mailbox - Creating mailbox with id 31 and group id 31 for dan@example.com.`
 */
export interface ZimbraMailboxCreated extends ZimbraBase {
  readonly type: 'zimbra.mailbox.mailbox-created'
  readonly mailboxId: number
  /** Database group (`mboxgroupN`); not on the `mbxmgr` line. */
  readonly groupId?: number
  /** Account name; not on the `mbxmgr` line. */
  readonly account?: string
  /** Account id (`mbxmgr` line). */
  readonly accountId?: string
}

/**
 * A folder was emptied (Trash, Junk, or a user folder): `Emptying %d items from %s,
 * removeSubfolders=%b.` (ZCS 6.0.8-7.1, zm-mailbox commit 57f9a42500 `Mailbox.java`; later
 * releases log each deletion as `mailop - Deleting …` instead).
 * @example `2013-07-18 15:25:08,962 INFO  [qtp1-4364:https://mail.example.com/service/soap/FolderActionRequest] [name=bob@example.com;mid=12;] mailbox - Emptying 9 items from /Trash, removeSubfolders=true.`
 */
export interface ZimbraFolderEmptied extends ZimbraBase {
  readonly type: 'zimbra.mailbox.folder-emptied'
  /** Folder path (`/Trash`). */
  readonly folder: string
  readonly itemCount: number
  /** Whether subfolders were removed too. */
  readonly subfolders: boolean
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * A batch of mail items was indexed: `index - Batch complete processed=%d,failed=%d,elapsed=%d
 * (%.2f items/sec)` (`MailboxIndex.java:465`, after delivery or a search triggers deferred
 * indexing), `Re-index completed items=%d,failed=%d,elapsed=%d (avg %d ms/item, %d items/sec)`
 * (`MailboxIndex.java:600`), and ZCS 6-7 `Deferred Indexing: submitted %d items in %dms (%s/sec).
 * (%d items failed to index).  IndexDeferredCount now at %d NumNotSubmitted= %d` (zm-mailbox
 * commit 5beb81feeb^ `IndexHelper.java:370-372`, category `mailbox`, later `index`), where the
 * count is of items submitted without failure.
 * @example `2024-03-04 10:15:03,000 INFO  [Index-3] [name=bob@example.com;mid=12;] index - Batch complete processed=14,failed=0,elapsed=231 (60.61 items/sec)`
 */
export interface ZimbraIndexBatch extends ZimbraBase {
  readonly type: 'zimbra.mailbox.index-batch'
  /** `batch` (deferred indexing), `reindex` (a full re-index ended), `deferred` (ZCS 6-7). */
  readonly kind: 'batch' | 'reindex' | 'deferred'
  /** Items processed (`deferred`: submitted without failure). */
  readonly processed: number
  readonly failed: number
  /** Milliseconds. */
  readonly elapsed: number
  /** `deferred`: items still waiting to be indexed. */
  readonly pending?: number
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * The WaitSet sweeper's minute report (`WaitSetMgr.java:331,335`): `WaitSet sweeper: %d active
 * WaitSets (%d accounts) - %d sets with blocked callbacks` (WaitSets are the long polls of the web
 * client, Zimbra Desktop and proxies), or `WaitSet sweeper timing out %d WaitSets due to inactivity`.
 * @example `2024-03-04 10:16:00,000 INFO  [Timer-Zimbra] [] session - WaitSet sweeper: 12 active WaitSets (12 accounts) - 9 sets with blocked callbacks`
 */
export interface ZimbraWaitsetSweep extends ZimbraBase {
  readonly type: 'zimbra.mailbox.waitset-sweep'
  /** Active WaitSets (absent on a time-out line). */
  readonly active?: number
  readonly accounts?: number
  /** WaitSets with a client waiting on them. */
  readonly blocked?: number
  /** WaitSets removed for inactivity. */
  readonly timedOut?: number
}

/**
 * An out-of-office (vacation) reply was sent: `outofoffice sent dest='%s' rcpt='%s' mid=%d`
 * (`Notification.java:349`), on the LMTP thread of the message that triggered it.
 * @example `2024-03-04 10:15:04,000 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;ip=10.0.0.2;] mailbox - outofoffice sent dest='carol@example.org' rcpt='bob@example.com' mid=4712`
 */
export interface ZimbraOutOfOffice extends ZimbraBase {
  readonly type: 'zimbra.mailbox.out-of-office'
  /** Who got the reply: the sender of the triggering message. */
  readonly destination: string
  /** The address the triggering message was sent to (one of the account's). */
  readonly recipient: string
  /** Item id of the triggering message. */
  readonly itemId?: number
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * A copy of a message goes to a legal-intercept address (`zimbraInterceptAddress`): `Sending
 * intercept of message %s to %s.` (`Notification.java:620`), once per intercept address, for
 * messages received, sent or saved by the intercepted account.
 * @example `2024-03-04 10:15:04,100 INFO  [LmtpServer-7] [name=bob@example.com;mid=12;ip=10.0.0.2;] mailbox - Sending intercept of message <20240304101502.4711@example.org> to lawful@example.com.`
 */
export interface ZimbraIntercept extends ZimbraBase {
  readonly type: 'zimbra.mailbox.intercept'
  /** Message-ID of the intercepted message, as logged (absent for `null`). */
  readonly messageId?: string
  /** The intercept address the copy is sent to. */
  readonly destination: string
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * A failed LMTP reply: `S: %s (%s)`, the reply (`code[ enhanced] text`) and the command it
 * answers (`LmtpHandler.java:284`, `LmtpReply.java:79-88`; successful replies are TRACE).
 * @example `2024-03-04 10:15:05,000 INFO  [LmtpServer-8] [ip=10.0.0.2;] lmtp - S: 550 5.1.1 No such user here (RCPT TO:<nobody@example.com>)`
 */
export interface ZimbraLmtpReply extends ZimbraBase {
  readonly type: 'zimbra.mailbox.lmtp-reply'
  /** Reply code (`550`). */
  readonly code: number
  /** Enhanced status code (`5.1.1`). */
  readonly dsn?: string
  readonly text: string
  /** The command line answered (`RCPT TO:<…>`); absent for `<none>`. */
  readonly command?: string
  /** The address of a `RCPT TO` command. */
  readonly recipient?: string
}

/**
 * A mailbox was loaded into memory (its first use since mailboxd started, or after eviction):
 * `cache - initializing folder and tag caches for mailbox %d` (`Mailbox.java:2323`), then `mbxmgr -
 * Mailbox %d account %s LOADED` once it is open (`MailboxManager.java:123`): one load gives both
 * lines, so count one of them (the `mbxmgr` one has `accountId`).
 * @example `2024-03-04 09:01:00,000 INFO  [ImapSSLServer-3] [name=bob@example.com;mid=12;ip=10.0.0.3;] cache - initializing folder and tag caches for mailbox 12`
 */
export interface ZimbraMailboxLoaded extends ZimbraBase {
  readonly type: 'zimbra.mailbox.mailbox-loaded'
  readonly mailboxId: number
  readonly account?: string
  /** Account id (`mbxmgr` line). */
  readonly accountId?: string
}

/**
 * A mailbox left maintenance (a restore, a move, a re-index that locked it) and is usable again:
 * `Mailbox %d account %s AVAILABLE` (`MailboxManager.java:116`).
 * @example `2024-03-04 09:05:00,000 INFO  [qtp1-95:https://mail.example.com/service/admin/soap/RestoreRequest] [name=admin@example.com;] mbxmgr - Mailbox 12 account 0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d AVAILABLE`
 */
export interface ZimbraMailboxAvailable extends ZimbraBase {
  readonly type: 'zimbra.mailbox.mailbox-available'
  readonly mailboxId: number
  readonly accountId: string
}

/**
 * A mailbox was deleted (the account was deleted or its mailbox moved away):
 * `Mailbox for account %s DELETED` (`MailboxManager.java:137`), the id lower-cased.
 * @example `2024-03-04 09:06:00,000 INFO  [qtp1-96:https://mail.example.com/service/admin/soap/DeleteAccountRequest] [name=admin@example.com;] mbxmgr - Mailbox for account 0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d DELETED`
 */
export interface ZimbraMailboxDeleted extends ZimbraBase {
  readonly type: 'zimbra.mailbox.mailbox-deleted'
  readonly accountId: string
}

/**
 * Contact autocomplete timings in milliseconds: `autocomplete: overall=%dms, ranking=%dms,
 * folder=%dms, gal=%dms` (`ContactAutoComplete.java:443`).
 * @example `2024-03-04 09:02:00,000 INFO  [qtp1-90:https://mail.example.com/service/soap/AutoCompleteRequest] [name=bob@example.com;mid=12;] gal - autocomplete: overall=296ms, ranking=227ms, folder=2ms, gal=67ms`
 */
export interface ZimbraAutocomplete extends ZimbraBase {
  readonly type: 'zimbra.mailbox.autocomplete'
  /** The whole lookup (`overall=`). */
  readonly elapsed: number
  /** `ranking=` */
  readonly rankingElapsed: number
  /** `folder=`: the search of the account's contact folders. */
  readonly folderElapsed: number
  /** `gal=`: the global address list lookup. */
  readonly galElapsed: number
  readonly account?: string
}

/**
 * A servlet starting or stopping, the first and last lines of a mailboxd run: `Servlet %s
 * starting up`, `Servlet %s shutting down` (`ContentServlet.java:398,406`, `FileUploadServlet.java:986` …).
 * @example `2024-03-04 01:56:18,725 INFO  [main] [] soap - Servlet SoapServlet starting up`
 */
export interface ZimbraServlet extends ZimbraBase {
  readonly type: 'zimbra.mailbox.servlet'
  readonly servlet: string
  readonly state: 'starting' | 'stopping'
}

/**
 * The retention purge started on a mailbox (`Purging messages.`, `Mailbox.java:9282`), run by the
 * `MailboxPurge` thread for each mailbox in turn.
 * @example `2024-03-04 03:00:00,000 INFO  [MailboxPurge] [name=bob@example.com;mid=12;] purge - Purging messages.`
 */
export interface ZimbraPurge extends ZimbraBase {
  readonly type: 'zimbra.mailbox.purge'
  readonly account?: string
  readonly mailboxId?: number
}

/**
 * An external account import (POP3/IMAP/CalDAV data source) started or ended:
 * `Importing data for data source '%s'`, `Import completed for data source '%s'`
 * (`DataSourceManager.java:405,414`; `completed` is logged after a failure too).
 * @example `2024-03-04 10:00:00,000 INFO  [ScheduledTask-3] [name=bob@example.com;mid=12;ds=Gmail;] datasource - Importing data for data source 'Gmail'`
 */
export interface ZimbraDatasourceImport extends ZimbraBase {
  readonly type: 'zimbra.mailbox.datasource-import'
  readonly phase: 'started' | 'completed'
  readonly dataSource: string
  readonly account?: string
}

// ---------------------------------------------------------------------------------------------
// mailbox.log — quota, spam training, exceptions, the rest

/**
 * Quota: a warning message sent (`QuotaWarning.java:85`), or a quota exceeded
 * (`mailbox exceeded quota of N bytes`, `MailServiceException.java:389-390`; IMAP
 * `APPEND failed: quota exceeded`, `ImapHandler.java:2971`).
 * @example `2024-03-04 10:25:00,000 INFO  [LmtpServer-10] [name=carol@example.com;mid=14;] lmtp - Sending quota warning: mbox size=96000000, quota=100000000, lastWarnTime=null, warnInterval=86400000ms, warnPercent=90`
 */
export interface ZimbraQuota extends ZimbraBase {
  readonly type: 'zimbra.mailbox.quota'
  readonly kind: 'warning' | 'exceeded'
  readonly account?: string
  /** Mailbox size in bytes, when logged. */
  readonly size?: number
  /** Quota in bytes, when logged. */
  readonly quota?: number
  /** Warning threshold in percent. */
  readonly warnPercent?: number
}

/**
 * A spam/ham training report was sent (`SpamHandler.java:131,178-189`).
 * @example `2024-03-04 10:26:00,000 INFO  [Junk-NotJunk-Handler] [] misc - Sent SpamReport{account=bob@example.com, mbox=12, msgId=4711, isSpam=true, origIp=198.51.100.7, action=move, srcFolder=/Inbox, destFolder=/Junk, destAccount=null, reportRecipient=spam.training@example.com}`
 */
export interface ZimbraSpamReport extends ZimbraBase {
  readonly type: 'zimbra.mailbox.spam-report'
  /** `true` for spam (Junk), `false` for ham (Not Junk). */
  readonly spam: boolean
  readonly account?: string
  readonly mailboxId?: number
  readonly itemId?: number
  readonly action?: string
  readonly sourceFolder?: string
  readonly destinationFolder?: string
  readonly reportRecipient?: string
  readonly clientIp?: string
}

/**
 * A record with a Java stack trace and no more specific event.
 * @example `2024-06-05 07:57:01,094 WARN  [qtp1-90:https://mail.example.com/service/soap/GetFreeBusyRequest] [name=bob@example.com;mid=12;] SoapEngine - handler exception` + `java.lang.NullPointerException: …` + `\tat …`
 */
export interface ZimbraException extends ZimbraBase {
  readonly type: 'zimbra.mailbox.exception'
  readonly exception: JavaException
}

/**
 * Any other mailbox.log record: the generic typed form (level, thread, context, category,
 * message).
 * @example `2024-03-04 10:30:00,000 INFO  [MailboxPurge] [name=bob@example.com;mid=12;] purge - Purging messages.`
 */
export interface ZimbraRecord extends ZimbraBase {
  readonly type: 'zimbra.mailbox.record'
}

// ---------------------------------------------------------------------------------------------
// audit.log (category `security`)

/** Fields of `cmd=Auth; account=…; protocol=…;` lines (`LdapProvisioning.java:5448-5456`). */
export interface ZimbraAuditAuthFields extends ZimbraClient {
  /** `Auth`, `AdminAuth`, `PreAuth`, `SSOAuth`, `DelegateAuth` … */
  readonly command: string
  readonly account?: string
  readonly protocol?: ZimbraProtocol
}

/**
 * A successful authentication.
 * @example `2024-03-04 10:21:42,001 INFO  [ImapSSLServer-42] [ip=10.0.0.3;oip=198.51.100.7;ua=Thunderbird/115.0;] security - cmd=Auth; account=bob@example.com; protocol=imap;`
 */
export interface ZimbraAuditAuth extends ZimbraBase, ZimbraAuditAuthFields {
  readonly type: 'zimbra.audit.auth'
  /** `admin=true|false` of `cmd=PreAuth`. */
  readonly admin?: boolean
}

/**
 * A failed authentication: `error=authentication failed for [name], reason;`
 * (`LdapProvisioning.java:5451-5456`), or `Error occurred during authentication: authentication
 * failed for [%s]. Reason: account not found.` (`service/account/Auth.java:283-285`).
 * @example `2024-03-04 10:21:40,118 WARN  [qtp1-219:https://mail.example.com/service/soap/AuthRequest] [oip=198.51.100.7;ua=zclient/10.0.7_GA;] security - cmd=Auth; account=bob@example.com; protocol=soap; error=authentication failed for [bob], invalid password;`
 */
export interface ZimbraAuditAuthFailed extends ZimbraBase, ZimbraAuditAuthFields {
  readonly type: 'zimbra.audit.auth-failed'
  /** The name as the client typed it (inside `[…]`). */
  readonly typedName?: string
  /** `invalid password`, `account lockout`, `account not found` …, or the whole error text. */
  readonly reason?: string
  /** The `error=` text as logged. */
  readonly error?: string
}

/**
 * Password lockout: triggered (`locked`), lifted by a good login (`unlocked`), a failure while
 * already locked (`already-locked`), a suppressed lockout (`suppressed`)
 * (`LdapLockoutPolicy.java:120-122,208,213,221-222`).
 * @example `2024-03-04 10:21:45,000 INFO  [qtp1-221] [oip=198.51.100.7;] security - cmd=Auth; account=bob@example.com; error=account lockout due to too many failed logins;`
 */
export interface ZimbraAuditLockout extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.audit.lockout'
  readonly state: 'locked' | 'unlocked' | 'already-locked' | 'suppressed'
  /** Account from the message or the context `name`. */
  readonly account?: string
}

/**
 * Any other `cmd=…;` line: administration (`CreateAccount`, `ModifyAccount`, `DeleteDomain`,
 * `SetPassword` …) and account changes (`ChangePassword`). `attributes` holds every other
 * `key=value;` pair in order; a key logged several times gets an array.
 * @example `2024-03-04 11:00:00,000 INFO  [qtp1-300:https://mail.example.com:7071/service/admin/soap/CreateAccountRequest] [name=admin@example.com;oip=10.0.0.9;] security - cmd=CreateAccount; name=dan@example.com; zimbraCOSId=e00428a1-0c00-11d9-836a-000d93afea2a;`
 */
export interface ZimbraAuditCommand extends ZimbraBase, ZimbraClient {
  readonly type: 'zimbra.audit.command'
  readonly command: string
  /** Who did it (context `name`, or `aname` when an admin acts on behalf). */
  readonly actor?: string
  readonly attributes: { readonly [key: string]: string | readonly string[] }
}

/**
 * Any other audit (`security`) record.
 * @example `2024-03-04 11:05:00,000 INFO  [qtp1-301] [] security - Error extracting auth token from the request.`
 */
export interface ZimbraAuditRecord extends ZimbraBase {
  readonly type: 'zimbra.audit.record'
}

/**
 * A Zimbra record whose header maillog could not read past the level: a line cut short, a thread
 * name without its `]`, or a `mailboxd` syslog line whose message is not a log4j record.
 * Continuation lines that follow a damaged log4j line still belong to it (`endLine`).
 * @example `2024-01-02 13:44:21,085 WARN  [qtp7-5095:https://mail.example.com/service/soap/] [name=bob;ua=Outlook/16.0 (16.0.5401.1>`
 */
export interface ZimbraUnrecognized {
  readonly type: 'zimbra.unrecognized'
  readonly line: number
  readonly endLine?: number
  readonly source?: string
  readonly offset?: number
  readonly time?: string
  readonly stamp?: string
  readonly timeUnresolved?: true
  readonly host?: string
  readonly program?: string
  readonly pid?: number
  readonly level?: Log4jLevel
  /** The first line as written. */
  readonly raw: string
  /** The text after the level (log4j) or the syslog header, continuation lines joined with `\n`. */
  readonly message: string
}

// ---------------------------------------------------------------------------------------------
// zimbra.log — Zimbra's own syslog programs

/**
 * A `zmstatuslog` service status (every two minutes from cron): `PID:info: DATE, STATUS: host:
 * service: Running|Stopped` (zm-core-utils `src/libexec/zmstatuslog:89`, written through
 * `Zimbra::Mon::Logger::LogStats`). When `zmcontrol status` could not tell the services
 * (`STATUS: : Unable: to determine enabled services. …`), `service` is empty and `status` holds
 * zmcontrol's message.
 * @example `Mar  4 10:40:07 mbox1 zimbramon[29053]: 29053:info: 2024-03-04 10:40:01, STATUS: mbox1.example.com: mailbox: Running`
 */
export interface ZimbraMonStatus extends EventBase {
  readonly type: 'zimbra.zimbramon.status'
  /** Syslog level word after the pid (`info`). */
  readonly level: string
  /** When the status was taken (`2024-03-04 10:40:01`, the server's local time). */
  readonly checked: string
  /** Server the status is for. */
  readonly serverName: string
  /** Service (`mailbox`, `mta`, `antivirus`, `ldap` …). */
  readonly service: string
  /** `Running`, `Stopped` … as logged. */
  readonly status: string
  /** `true` for `Running`. */
  readonly running: boolean
}

/**
 * A `zmstat` sample: `PID:info: zmstat cpu.csv: HEADERS:: VALUES` (zm-core-utils
 * `src/libexec/zmstat-cpu:215`, `zmstat-df:158` …). Columns and values are split on `, `.
 * Two other samples take the same form: zmlogprocess's per-host MTA counters
 * (`MTA: host: mta_count,mta_volume:: 12,48210`, `zmlogprocess:288`; `file` is `MTA: host`) and
 * zmqueuelog's queue size (`DATE, QUEUE: KB MSGS`, `zmqueuelog:79`; `file` is `QUEUE`, columns
 * `timestamp`, `kb`, `msgs`).
 * @example `Mar  4 10:41:00 mbox1 zimbramon[17392]: 17392:info: zmstat cpu.csv: timestamp, cpu:user, cpu:idle:: 03/04/2024 10:41:00, 8.6, 89.5`
 */
export interface ZimbraMonStat extends EventBase {
  readonly type: 'zimbra.zimbramon.stat'
  readonly level: string
  /** Statistics file (`cpu.csv`, `df.csv`, `mtaqueue.csv` …), `MTA: host` or `QUEUE`. */
  readonly file: string
  readonly columns: readonly string[]
  readonly values: readonly string[]
}

/**
 * Any other `zimbramon` line: `PID:level: text`, the Perl monitoring and control scripts
 * (`zmcontrol`, `zmmtaconfig`, `zmconfigd` …) logging through `Zimbra::Mon::Logger`
 * (zm-build `lib/Zimbra/Mon/Logger.pm:30-31,48-66`).
 * @example `Mar  4 07:15:47 mbox1 zimbramon[6828]: 6828:info: Starting mailbox via zmcontrol`
 */
export interface ZimbraMonMessage extends EventBase {
  readonly type: 'zimbra.zimbramon.message'
  /** `info`, `err`, `debug`, `crit` … as logged. */
  readonly level: string
  /** The script that logged it, when the text starts with `name: ` (`zmmtaconfig`). */
  readonly component?: string
  /** Text after the level (and the component), trailing blanks removed. */
  readonly text: string
}

/**
 * The mailboxd manager (`zmmailboxdmgr`, `zmtomcatmgr` before 5.0) starting, stopping and
 * watching the mailbox JVM: `status requested`, `start requested`, `manager started
 * mailboxd/JVM with pid N`, `stale pid N found in FILE` … (ZimbraLauncher
 * `src/launcher/zmmailboxdmgr.c`, its `syslog(LOG_INFO, …)` calls).
 * @example `Mar  4 07:16:09 mbox1 zmmailboxdmgr[9049]: manager started mailboxd/JVM with pid 9052`
 */
export interface ZimbraMailboxdManager extends EventBase {
  readonly type: 'zimbra.mailboxdmgr.message'
  /** `status`, `start`, `stop`, `restart`, `shutdown`, `bounce` for `X requested` lines. */
  readonly request?: string
  /** The mailboxd JVM pid the line names (`started mailboxd/JVM with pid N`, `wrote java pid N`). */
  readonly mailboxdPid?: number
  readonly text: string
}

/**
 * An SMTP AUTH check by `saslauthd` against the mailbox server (Zimbra's `auth_zimbra`
 * mechanism): `auth_zimbra: NAME auth OK`.
 * @example `Mar  4 17:48:38 mta1 saslauthd[12374]: auth_zimbra: bob@example.com auth OK`
 */
export interface ZimbraSaslauthdAuth extends EventBase {
  readonly type: 'zimbra.saslauthd.auth'
  /** The name as the client typed it. */
  readonly account: string
}

/**
 * A failed `auth_zimbra` check: `auth_zimbra: NAME auth failed: REASON`; the reason is the
 * mailbox server's fault text (`authentication failed for [NAME]`, `account lockout` …).
 * @example `Mar  4 21:38:26 mta1 saslauthd[29157]: auth_zimbra: bob@example.com auth failed: authentication failed for [bob@example.com]`
 */
export interface ZimbraSaslauthdAuthFailed extends EventBase {
  readonly type: 'zimbra.saslauthd.auth-failed'
  readonly account: string
  readonly reason?: string
}

/**
 * `zmconfigd` saw a service change state: `Service status change: %s %s changed from %s to %s`
 * (zm-core-utils `src/libexec/zmconfigd:76`).
 * @example `Mar  4 16:35:42 mbox1 zmconfigd[14198]: Service status change: mbox1.example.com mailboxd changed from stopped to running`
 */
export interface ZimbraConfigdServiceStatus extends EventBase {
  readonly type: 'zimbra.zmconfigd.service-status'
  readonly serverName: string
  readonly service: string
  /** The state before (`stopped`, `running`). */
  readonly previous: string
  readonly status: string
}

/**
 * Any other `zmconfigd` line: start-up, watchdog, configuration rewrites (zm-core-utils
 * `src/libexec/zmconfigd`, `Log.logMsg` calls).
 * @example `Mar  4 16:35:00 mbox1 zmconfigd[14198]: Watchdog: service antivirus status is OK.`
 */
export interface ZimbraConfigdMessage extends EventBase {
  readonly type: 'zimbra.zmconfigd.message'
  readonly text: string
}

/** Events of Zimbra's own syslog programs in zimbra.log. */
export type ZimbraSyslogEvent =
  | ZimbraMonStatus
  | ZimbraMonStat
  | ZimbraMonMessage
  | ZimbraConfigdServiceStatus
  | ZimbraConfigdMessage
  | ZimbraMailboxdManager
  | ZimbraSaslauthdAuth
  | ZimbraSaslauthdAuthFailed

/** Every Zimbra event. */
export type ZimbraEvent =
  | ZimbraLmtpDelivering
  | ZimbraLmtpDelivered
  | ZimbraLmtpRejected
  | ZimbraLmtpDiscarded
  | ZimbraSmtpSending
  | ZimbraMessageAdded
  | ZimbraItemAdded
  | ZimbraItemDeleted
  | ZimbraItemMoved
  | ZimbraItemCopied
  | ZimbraFilterAction
  | ZimbraLogin
  | ZimbraLogout
  | ZimbraAuthFailed
  | ZimbraRequest
  | ZimbraDavError
  | ZimbraSoapBatch
  | ZimbraSoapProxy
  | ZimbraPasswordChanged
  | ZimbraClientIdentified
  | ZimbraSessionSummary
  | ZimbraImapSelect
  | ZimbraCommandFailed
  | ZimbraThrottled
  | ZimbraAuthRequired
  | ZimbraMailboxCreated
  | ZimbraFolderEmptied
  | ZimbraMailboxLoaded
  | ZimbraMailboxAvailable
  | ZimbraMailboxDeleted
  | ZimbraIndexBatch
  | ZimbraWaitsetSweep
  | ZimbraOutOfOffice
  | ZimbraIntercept
  | ZimbraLmtpReply
  | ZimbraAutocomplete
  | ZimbraServlet
  | ZimbraPurge
  | ZimbraDatasourceImport
  | ZimbraQuota
  | ZimbraSpamReport
  | ZimbraException
  | ZimbraRecord
  | ZimbraAuditAuth
  | ZimbraAuditAuthFailed
  | ZimbraAuditLockout
  | ZimbraAuditCommand
  | ZimbraAuditRecord
  | ZimbraUnrecognized
  | ZimbraSyslogEvent

/**
 * Sendmail events (`sendmail`, `sm-mta`, `sm-msp-queue`, `sm-*`): one interface per message
 * shape, each with a sample line. Types are `sendmail.<what>`: Sendmail is one program, so the
 * daemon part of the name is left out.
 *
 * Peers: Sendmail logs a peer as `[user@]host [address] [(may be forged)]` (the `$_` macro,
 * `headers.c:1171-1190`), or as a bare name when it has no address (`relay=root@localhost`,
 * `relay=mx.example.net.` of a failed connection). `relay` is the parsed `{ hostname, ip }`,
 * present when an address in brackets was logged; `hostname` is `unknown` when Sendmail knew
 * only the address (`[192.0.2.1]`). `relayText` always keeps the value as written.
 *
 * @module
 */

import type { DeliveryStatus, Endpoint, EventBase, Reply } from './base.js'

/** Fields every Sendmail event carries. */
export interface SendmailBase extends EventBase {
  /** Queue id the line is about (`521C01ab012345`); absent for `NOQUEUE` and unprefixed lines. */
  readonly queueId?: string
  /**
   * Only on events `joinSendmailParts` built from several lines (`QID[n]:` parts, `to=… [more]`):
   * the number of the last of those lines; `line` is the first.
   */
  readonly lastLine?: number
}

/** The peer fields of a Sendmail line that names one (`relay=`, the client of a session). */
export interface SendmailPeer {
  /** The peer parsed, when an address in brackets was logged. */
  readonly relay?: Endpoint
  /** The peer as written: `mail.example.org [192.0.2.10] (may be forged)`, `root@localhost`. */
  readonly relayText?: string
  /** `true` when Sendmail flagged the reverse name as `(may be forged)`. */
  readonly mayBeForged?: true
}

/**
 * A message was received: envelope sender and message facts (`headers.c:1216-1255` logsender).
 * @example `sm-mta[1234]: 521C01ab012345: from=<alice@example.org>, size=2413, class=0, nrcpts=1, msgid=<20250301.ABC@example.org>, bodytype=8BITMIME, proto=ESMTPS, daemon=MTA, relay=mail.example.org [192.0.2.10]`
 */
export interface SendmailFrom extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.from'
  /** Envelope sender without angle brackets; `''` for `<>`. */
  readonly from: string
  /** Message size in bytes. */
  readonly size: number
  /** Precedence class (`Precedence:` header; 0 normal, negative bulk/junk). */
  readonly class?: number
  /** Queue priority (`pri=`, logged here by Sendmail 8.9 and older). */
  readonly pri?: number
  /** Number of recipients. */
  readonly nrcpts?: number
  /** Message-ID without angle brackets. */
  readonly msgid?: string
  /** `7BIT` or `8BITMIME`, when the client declared it. */
  readonly bodytype?: string
  /** Protocol the message came in with: `SMTP`, `ESMTP`, `ESMTPSA`, `ESMTPS`, `UTF8SMTPS` … */
  readonly proto?: string
  /** Daemon (`DaemonPortOptions` name) that received it: `MTA`, `MSA`, `MTA-v4` … */
  readonly daemon?: string
  /** `auth=` (`_FFR_LOG_MORE1` builds): SASL mechanism or `NONE`. */
  readonly auth?: string
  /** `tls_verify=` (`_FFR_LOG_MORE1`). */
  readonly tlsVerify?: string
  /** `tls_version=` (`_FFR_LOG_MORE1` > 1). */
  readonly tlsVersion?: string
  /** `cipher=` (`_FFR_LOG_MORE1` > 1). */
  readonly cipher?: string
}

/** `ctladdr=` of a delivery: the controlling user whose uid/gid a local delivery ran as. */
export interface SendmailCtladdr {
  /** The address, without angle brackets. */
  readonly address: string
  readonly uid?: number
  readonly gid?: number
}

/**
 * A delivery attempt for one or several recipients (`deliver.c:5328-5595` logdelivery).
 * `status` is normalized from `dsn=` (2 → sent, 4 → deferred, 5 → bounced) or, without a DSN
 * code, from `stat=`: `Sent` → sent; `Deferred`, `queued` (DeliveryMode=queue), `quarantined`
 * and `tempfail` → deferred (the message stays queued); anything else (`User unknown`,
 * `Service unavailable` …) → bounced. A list too long for one line is logged in several
 * lines, each but the last with `more: true` (`to=a,b, [more], delay=…`).
 * @example `sm-mta[1235]: 521C01ab012345: to=<bob@example.net>, ctladdr=<alice@example.org> (1000/1000), delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=122413, relay=mx.example.net. [198.51.100.7], dsn=2.0.0, stat=Sent (521C01cd012399 Message accepted for delivery)`
 */
export interface SendmailTo extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.to'
  /** Recipients of this line, without angle brackets, in logged order. */
  readonly recipients: readonly string[]
  /** `true` when the line ends with ` [more]`: further lines list more recipients. */
  readonly more?: true
  readonly ctladdr?: SendmailCtladdr
  /** Time since the message was queued, in seconds. */
  readonly delay?: number
  /** `delay=` as written: `[D+]HH:MM:SS`. */
  readonly delayText?: string
  /** Time of this delivery attempt, in seconds. */
  readonly xdelay?: number
  /** `xdelay=` as written. */
  readonly xdelayText?: string
  /** Mailer: `esmtp`, `relay`, `local`, `smtp`, `prog`, `*file*` … */
  readonly mailer?: string
  /** Queue priority. */
  readonly pri?: number
  /** `quarantine=` reason of a quarantined message. */
  readonly quarantine?: string
  /** Enhanced status code. */
  readonly dsn?: string
  /** `ntries=` (`_FFR_LOG_NTRIES` builds). */
  readonly ntries?: number
  /** `stage=` (`_FFR_LOG_STAGE` builds). */
  readonly stage?: string
  /** `reply=` — the server's reply to a failed attempt (8.17+). */
  readonly reply?: Reply
  /** `stat=` as written: `Sent (…)`, `Deferred: Connection refused by mx.example.net.`, `User unknown`. */
  readonly stat: string
  readonly status: DeliveryStatus
  /** The text inside `Sent ( … )` or after `Deferred: `. */
  readonly response?: string
  /** Next hop's queue id: `Sent (<qid> Message accepted for delivery)`, `Sent (Ok: queued as X)`. */
  readonly queuedAs?: string
}

/**
 * A delivery status notification was generated: `queueId` is the original message,
 * `dsnQueueId` the new one carrying the notice (`savemail.c:620-630`).
 * @example `sm-mta[1236]: 521C01ab012345: 521C02cd012346: DSN: User unknown`
 */
export interface SendmailDsn extends SendmailBase {
  readonly type: 'sendmail.dsn'
  /** Queue id of the notification message. */
  readonly dsnQueueId: string
  /** `DSN` (failure), `return to sender`, `sender notify` (delay warning), `postmaster notify`. */
  readonly kind: 'DSN' | 'return to sender' | 'sender notify' | 'postmaster notify'
  /** Why: the failure or warning text. */
  readonly text: string
}

/**
 * A `check_*` ruleset (access map, DNSBL, relaying) decided on a command (`parseaddr.c:3334-3345`).
 * `action` is `reject` (or `status` for `RSF_STATUS` checks) with the SMTP reply split into
 * `code`/`dsn`/`text`, `discard`, or `quarantine` with its reason.
 * @example `sm-mta[1237]: 521C01ab012345: ruleset=check_rcpt, arg1=<x@example.com>, relay=bad.example [203.0.113.9], reject=550 5.7.1 <x@example.com>... Relaying denied`
 */
export interface SendmailReject extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.reject'
  /** The ruleset: `check_relay`, `check_mail`, `check_rcpt`, `check_data`, `check_eoh`, `tls_client` … */
  readonly ruleset: string
  /** First argument as written (`<x@example.com>`, a host name). */
  readonly arg1: string
  /** Second argument (the client address for `check_relay`). */
  readonly arg2?: string
  readonly action: 'reject' | 'status' | 'discard' | 'quarantine'
  readonly code?: number
  readonly dsn?: string
  /** Reply text after the codes (`reject`, `status`). */
  readonly text?: string
  /** Quarantine reason (`quarantine`). */
  readonly quarantine?: string
}

/**
 * A TLS session was set up, as server (`STARTTLS` from a client) or as client (`tls.c:2152`).
 * @example `sm-mta[1238]: STARTTLS=server, relay=client.example [192.0.2.5], version=TLSv1.3, verify=NO, cipher=TLS_AES_256_GCM_SHA384, bits=256/256`
 */
export interface SendmailStarttls extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.starttls'
  readonly side: 'server' | 'client'
  /** `TLSv1.2`, `TLSv1.3` … */
  readonly version: string
  /** Certificate verification: `OK`, `NO`, `FAIL`, `NONE`, `NOT`, `TEMP`, `PROTOCOL`, `SOFTWARE`, `DANE_*`. */
  readonly verify: string
  readonly cipher: string
  /** Cipher bits in use (the second number of `bits=a/b`). */
  readonly bits?: number
  /** Algorithm bits (the first number). */
  readonly algBits?: number
  /** Whatever follows `bits=` (`, pubkey_fp=…`, `, note=…`), when present. */
  readonly details?: string
}

/**
 * SMTP AUTH succeeded, as server (`srvrsmtp.c:1899`) or as client (`deliver.c:4063`).
 * @example `sm-mta[1238]: AUTH=server, relay=client.example [192.0.2.5], authid=alice, mech=PLAIN, bits=0`
 */
export interface SendmailAuth extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.auth'
  readonly side: 'server' | 'client'
  /** Authenticated identity (server side). */
  readonly authid?: string
  /** SASL mechanism. */
  readonly mech: string
  /** SASL security strength factor. */
  readonly bits: number
}

/**
 * A client went away in the middle of a session (`srvrsmtp.c:1656`).
 * @example `sm-mta[1239]: 521C01ab012345: lost input channel from client.example [192.0.2.5] to MTA after rcpt`
 */
export interface SendmailLostInput extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.lost-input'
  /** Daemon name the client was connected to (`stdin` for command-line input). */
  readonly daemon: string
  /** The last command (`rcpt`, `data`, `ehlo`…) or `startup`. */
  readonly after: string
}

/**
 * A client connected and left without sending a message (`srvrsmtp.c:3840`).
 * @example `sm-mta[1239]: 521C01ab012345: client.example [192.0.2.5] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA`
 */
export interface SendmailNoCommand extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.no-command'
  readonly daemon: string
}

/**
 * A read timed out (`util.c:1461` sfgets; `control.c:283` for the control socket).
 * @example `sm-mta[1239]: 521C01ab012345: timeout waiting for input from client.example during server cmd read`
 */
export interface SendmailTimeout extends SendmailBase {
  readonly type: 'sendmail.timeout'
  /** The peer's host name (no address is logged). */
  readonly peer?: string
  /** What was being read: `server cmd read`, `client DATA status`, `message collect` … */
  readonly during: string
}

/**
 * A milter line: a verdict (`milter=clamav, action=data, reject=…`, `Milter: data, reject=…`,
 * `Milter: from=<a>, reject=…`), a header/recipient change, or a filter's state
 * (`milter.c`, `srvrsmtp.c:727-790`).
 * @example `sm-mta[1240]: 521C01ab012345: milter=clamav, action=data, reject=554 5.7.1 Virus found`
 */
export interface SendmailMilter extends SendmailBase {
  readonly type: 'sendmail.milter'
  /** The filter's name, when logged (`milter=NAME`, `Milter (NAME)`). */
  readonly milter?: string
  /** Where: `data`, `cmd=data`, `helo=x`, `from=<a>`, `connect`, the `action=` value … */
  readonly stage?: string
  /** Verdict, when the line carries one. */
  readonly action?:
    | 'reject'
    | 'discard'
    | 'tempfail'
    | 'accept'
    | 'continue'
    | 'skip'
    | 'quarantine'
    | 'shutdown'
  /** SMTP reply of a reject. */
  readonly reply?: Reply
  /** Quarantine reason. */
  readonly quarantine?: string
  /** The message after `Milter`/`milter=` prefixes, as written. */
  readonly text: string
}

/**
 * The daemon started, stopped or restarted (`main.c:2438`, `daemon.c:3249`, `daemon.c:3341`).
 * @example `sm-mta[1241]: starting daemon (8.18.1): SMTP+queueing@00:30:00`
 */
export interface SendmailDaemon extends SendmailBase {
  readonly type: 'sendmail.daemon'
  readonly action: 'starting' | 'stopping' | 'restarting'
  /** Sendmail version (`starting daemon (8.18.1)`). */
  readonly version?: string
  /** Modes as written: `SMTP`, `queueing@00:30:00`, `SMTP+persistent-queueing@…`. */
  readonly modes?: string
  /** Queue run interval in seconds, from `queueing@HH:MM:SS`. */
  readonly queueInterval?: number
  /** Why it stopped or restarted (`reason=signal`, `due to signal`). */
  readonly reason?: string
}

/**
 * A system error (`err.c:214` syserr): `SYSERR(user): text`, `SYSERR: text`.
 * @example `sm-mta[1242]: 521C01ab012345: SYSERR(root): collect: I/O error on connection from client.example, from=<a@example.org>: Connection reset by peer`
 */
export interface SendmailSyserr extends SendmailBase {
  readonly type: 'sendmail.syserr'
  /** The real user Sendmail ran as, when logged. */
  readonly user?: string
  readonly text: string
}

/**
 * Reading a message body failed (`collect.c:768`, `collect.c:877`).
 * @example `sm-mta[1243]: 521C01ab012345: collect: premature EOM: unexpected close`
 * @example `sm-mta[1243]: 521C01ab012345: collect: unexpected close on connection from client.example, sender=<a@example.org>`
 */
export interface SendmailCollect extends SendmailBase {
  readonly type: 'sendmail.collect'
  /** `premature EOM`, `unexpected close`, `I/O error`, `read timeout`, or the message as written. */
  readonly problem: string
  /** Host the message came from (no address is logged). */
  readonly peer?: string
  /** Envelope sender without angle brackets (`sender=`/`from=`). */
  readonly sender?: string
  /** Detail after `premature EOM: `. */
  readonly detail?: string
}

/**
 * A message was split into a clone for an owner (`deliver.c:576`): `queueId` is the original.
 * @example `sm-mta[1244]: 521C01ab012345: 521C01ab012346: clone: owner=owner-list@example.org`
 */
export interface SendmailClone extends SendmailBase {
  readonly type: 'sendmail.clone'
  readonly cloneQueueId: string
  /** The owner address the clone is for. */
  readonly owner: string
}

/**
 * A queued message was finished after retries (`envelope.c:577`).
 * @example `sm-mta[1245]: 521C01ab012345: done; delay=1+02:03:04, ntries=12`
 */
export interface SendmailDone extends SendmailBase {
  readonly type: 'sendmail.done'
  /** Seconds since the message was queued. */
  readonly delay?: number
  readonly delayText: string
  readonly ntries: number
}

/**
 * Queue runner messages: `runqueue: …` (`queue.c:1841`, `:1982-2025`), `grew WorkList …`
 * (`queue.c:3261`), `rqe: done`.
 * @example `sm-mta[1246]: runqueue: Skipping queue run -- load average too high`
 */
export interface SendmailQueueRun extends SendmailBase {
  readonly type: 'sendmail.queue-run'
  readonly text: string
}

/**
 * One part of a message Sendmail split because it was longer than the syslog buffer
 * (`conf.c:5589-5655`): `QID[1]: first part ...`, `QID[2]: rest`. `joinSendmailParts`
 * reassembles them; this event is the single line.
 * @example `sm-mta[1247]: 521C01ab012345[1]: from=<a@example.org>, size=1, class=0, nrcpts=1, msgid=<…>, ...`
 */
export interface SendmailPart extends SendmailBase {
  readonly type: 'sendmail.part'
  /** 1-based part number. */
  readonly part: number
  /** The text of this part, without the ` ...` continuation marker. */
  readonly text: string
  /** `true` when the part ended with ` ...`: another part follows. */
  readonly more?: true
}

/**
 * A user error logged with `LogUsrErrs` (`err.c:339`, `err.c:427`): an address and what is
 * wrong with it, as told to the SMTP client.
 * @example `sm-mta[1248]: 521C01ab012345: <nobody@example.org>... User unknown`
 */
export interface SendmailUserError extends SendmailBase {
  readonly type: 'sendmail.user-error'
  /** The address the error is about, without angle brackets. */
  readonly address: string
  readonly text: string
}

/**
 * An `Authentication-Warning` (`main.c:3616-3654` `auth_warning`, with `PrivacyOptions=authwarnings`):
 * something a message's origin does not vouch for, also added to the message as an
 * `X-Authentication-Warning:` header. The most frequent form is a user setting the envelope
 * sender with `-f` (`main.c:2834`), which fills `user`, `sender` and `flag`; others are
 * `Processed by USER with -C FILE`, `Processed from queue DIR` (`main.c:1494-1497`), `HOST didn't
 * use HELO protocol`, `Host HOST claimed to be NAME`, `USER owned process doing -bs`
 * (`srvrsmtp.c:2876-2979`).
 * @example `sendmail[1250]: 521C01ab012345: Authentication-Warning: mx1.example.org: www-data set sender to alerts@example.org using -f`
 */
export interface SendmailAuthWarning extends SendmailBase {
  readonly type: 'sendmail.auth-warning'
  /** The host sendmail runs on, as it names itself (`$j`). */
  readonly myHostname: string
  /** The user who ran sendmail (`-f` form). */
  readonly user?: string
  /** The envelope sender set (`-f` form), without angle brackets; `''` for `<>`. */
  readonly sender?: string
  /** The option used: `f` or `r` (`-f` form). */
  readonly flag?: string
  /** The warning after the host name. */
  readonly text: string
}

/**
 * A known informational or warning shape without fields worth a type of its own: `connect
 * from`, `possible SMTP attack`, EXPN/VRFY/ETRN, `AUTH failure`, `rejecting connections`,
 * alias rebuilds, resolver noise, TLS errors … The peer is pulled out when the line names one.
 * @example `sm-mta[1249]: 521C01ab012345: bad.example [203.0.113.9]: possible SMTP attack: command=AUTH, count=5`
 */
export interface SendmailDiagnostic extends SendmailBase, SendmailPeer {
  readonly type: 'sendmail.diagnostic'
  readonly text: string
}

/**
 * A line under a Sendmail program name whose message no grammar knows.
 * @example `sm-mta[1250]: something a future Sendmail logs`
 */
export interface SendmailUnrecognized extends SendmailBase {
  readonly type: 'sendmail.unrecognized'
  readonly raw: string
  /** The message after the syslog header. */
  readonly message: string
}

/** Every Sendmail event. */
export type SendmailEvent =
  | SendmailFrom
  | SendmailTo
  | SendmailDsn
  | SendmailReject
  | SendmailStarttls
  | SendmailAuth
  | SendmailLostInput
  | SendmailNoCommand
  | SendmailTimeout
  | SendmailMilter
  | SendmailDaemon
  | SendmailSyserr
  | SendmailCollect
  | SendmailClone
  | SendmailDone
  | SendmailQueueRun
  | SendmailPart
  | SendmailUserError
  | SendmailAuthWarning
  | SendmailDiagnostic
  | SendmailUnrecognized

/**
 * amavis (amavisd-new 2.x, amavis 2.12+) events: syslog lines of programs `amavis`,
 * `amavisd`, `amavisd-new`, `/usr/sbin/amavisd` …
 *
 * @module
 */

import type { EventBase } from './base.js'

/** Fields every amavis event carries, taken from the message prefix `(03301-07) (!)`. */
export interface AmavisBase extends EventBase {
  /** Log id `(PID-NN[-N])` without parentheses (`03301-07`, `rel-Ab3dEf6hIj9k`); absent outside a task. */
  readonly logId?: string
  /** `(!)` → `warning`, `(!!)` → `error` (amavisd `do_log` levels −1 and ≤ −2, A211 amavisd:2512-2515). */
  readonly alert?: 'warning' | 'error'
}

/** An amavis client or origin address: `[192.0.2.1]:40214`. */
export interface AmavisAddress {
  readonly ip: string
  readonly port?: number
}

/**
 * The content-check result, one line per disposition (`$log_templ`, A211 amavisd:34684-34728):
 * `Passed` for recipients it passed, `Blocked` for those it blocked. Versions 2.7+ add
 * `{actions}` and `[ip]:port`; 2.6 and older have neither; 2.2–2.3 may lack the category.
 * @example `amavis[27845]: (27845-04) Passed CLEAN {RelayedInbound}, [192.0.2.1]:40214 [192.0.2.1] <a@b.example> -> <c@d.example>,<e@d.example>, Queue-ID: 4F1A2B3C01, Message-ID: <x@y.example>, mail_id: Ab3dEf6hIj9k, Hits: -1.2, size: 2413, queued_as: 5A6B7C8D90, 312 ms`
 */
export interface AmavisResult extends AmavisBase {
  readonly type: 'amavis.result'
  /** `Passed`, `Blocked` (older releases: `Not-Delivered`). */
  readonly disposition: string
  /** Content category: `CLEAN`, `SPAM`, `SPAMMY`, `INFECTED`, `BANNED`, `BAD-HEADER-3`, `UNCHECKED`, `MTA-BLOCKED`, `OVERSIZED`, `OTHER` …; absent in 2.2-era `Passed,`. */
  readonly category?: string
  /** The parenthesized detail after the category: virus names of `INFECTED (…)`, file names of `BANNED (…)`. */
  readonly details?: readonly string[]
  /** Actions of `{RelayedInbound,Quarantined}` (2.7+). */
  readonly actions?: readonly string[]
  /** Policy banks (`MYNETS`, `ORIGINATING/MYNETS` split on `/`). */
  readonly policyBanks?: readonly string[]
  /** `LOCAL`: the message was originating. */
  readonly local?: true
  /** The SMTP client (`[ip]:port`, or `[ip]` from XFORWARD / before 2.7). */
  readonly client?: AmavisAddress
  /** Oldest public IP in the Received trace. */
  readonly origin?: string
  /** Envelope sender; `''` for `<>`. */
  readonly from: string
  readonly recipients: readonly string[]
  /** Quarantine locations (`spam-Ab3dEf6hIj9k.gz`, `S/spam-….gz`). */
  readonly quarantine?: readonly string[]
  /** The MTA queue id of the message as received (`Queue-ID:`, 2.7+ with XFORWARD IDENT). */
  readonly queueId?: string
  /** Message-ID without angle brackets. */
  readonly messageId?: string
  readonly resentMessageId?: string
  /** amavis' own id, 12 characters. */
  readonly mailId?: string
  /** Spam score; absent for `Hits: -` (not scanned). For a `min..max` range, the minimum. */
  readonly hits?: number
  /** Maximum of a `Hits: min..max` range over recipients. */
  readonly hitsMax?: number
  readonly size?: number
  /** `pt:` tag. */
  readonly pt?: string
  /** Queue ids on the next hop (`queued_as: A/B`); a whole reply when no id could be taken. */
  readonly queuedAs?: readonly string[]
  /** `dkim_sd=selector:domain,…` — valid signatures found. */
  readonly dkimSignatures?: readonly string[]
  /** `dkim_new=selector:domain,…` — signatures amavis added. */
  readonly dkimNew?: readonly string[]
  /** Processing time in milliseconds. */
  readonly elapsed?: number
}

/**
 * A message forwarded to the next hop or a notification sent, with the MTA's reply:
 * `<mail_id>[(<parent>)] FWD from <s> -> <r>,…, <ESMTP options> <reply>` (A211 amavisd:24184-24187,24930-24937).
 * @example `amavis[4336]: (04336-07) ULkC_-k7N-TY FWD from <a@b.example> -> <c@d.example>, BODY=7BIT 250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as BF76C3012027`
 */
export interface AmavisForward extends AmavisBase {
  readonly type: 'amavis.forward'
  /** `FWD` (the message itself) or `SEND` (a notification). */
  readonly kind: 'FWD' | 'SEND'
  readonly mailId: string
  /** Mail id of the original message, for notifications. */
  readonly parentMailId?: string
  readonly from: string
  readonly recipients: readonly string[]
  /** ESMTP parameters (`BODY=7BIT`, `RET=HDRS`, `ENVID=…`). */
  readonly parameters?: readonly string[]
  /** The next hop's reply. */
  readonly reply: string
  /** SMTP code of the reply, when it starts with one. */
  readonly code?: number
  /** Next-hop queue id (`queued as X`). */
  readonly queuedAs?: string
}

/**
 * amavis started checking a message: `Checking: <mail_id> [<bank>] [[<ip>]] <s> -> <r>,…`
 * (A211 amavisd:14395-14400).
 * @example `amavis[27886]: (27886-10) Checking: rOEEAACEPVgB [192.0.2.229] <a@b.example> -> <c@d.example>`
 */
export interface AmavisChecking extends AmavisBase {
  readonly type: 'amavis.checking'
  readonly mailId: string
  readonly policyBanks?: readonly string[]
  readonly clientIp?: string
  readonly from: string
  readonly recipients: readonly string[]
}

/**
 * An SMTP/LMTP session received a message: `ESMTP [ip]:port /tmpdir: <s> -> <r>,… SIZE=… BODY=… Received: …`
 * (A211 amavisd:23189-23208).
 * @example `amavis[27886]: (27886-10) ESMTP :10024 /var/lib/amavis/tmp/amavis-20210110T080003-27886-gKqMuy1h: <a@b.example> -> <c@d.example> SIZE=445 BODY=8BITMIME Received: from …`
 */
export interface AmavisSmtp extends AmavisBase {
  readonly type: 'amavis.smtp'
  /** `ESMTP`, `SMTP`, `LMTP`, `ELMTP`. */
  readonly protocol: string
  /** Listening address, when not the default. */
  readonly listenIp?: string
  readonly listenPort?: number
  readonly tempDir: string
  readonly from: string
  readonly recipients: readonly string[]
  readonly size?: number
  readonly body?: string
  /** The `Received:` header amavis will add, when logged. */
  readonly received?: string
}

/**
 * A MIME part amavis decoded (log level 2+): `p002 1/2 Content-Type: image/png, base64, size: 4788, SHA1 digest: …, name: x.png`
 * (A211 amavisd:10298-10300), with a `BANNED:<rule>` mark when a banned-name rule matched.
 * @example `amavis[4336]: (04336-09) p002 1/2 Content-Type: image/png, base64, size: 4788, SHA1 digest: d06795c1b1741fffb13334c4072c3a6c256d52e9, name: logo.png`
 */
export interface AmavisPart extends AmavisBase {
  readonly type: 'amavis.part'
  /** `p002`. */
  readonly part: string
  /** MIME tree path `1/2`. */
  readonly path?: string
  readonly contentType?: string
  readonly encoding?: string
  readonly size?: number
  readonly digest?: string
  readonly name?: string
  /** Banned rule, when the part matched one. */
  readonly banned?: string
  /** The text after the path, as logged. */
  readonly text: string
}

/**
 * Per-message timing or resource usage (log level 2+): `size: N, TIMING [total N ms, cpu N ms] - …`,
 * `size: N, RUSAGE …`, `TIMING-SA total N ms - …`.
 * @example `amavis[3457]: (03457-08) size: 1358, TIMING [total 104 ms] - SMTP greeting: 1.4 (1%)1, SMTP EHLO: 0.6 (1%)2`
 */
export interface AmavisTiming extends AmavisBase {
  readonly type: 'amavis.timing'
  /** `TIMING`, `TIMING-SA`, `RUSAGE`. */
  readonly kind: string
  readonly size?: number
  /** Total milliseconds. */
  readonly total?: number
  /** CPU milliseconds. */
  readonly cpu?: number
  readonly text: string
}

/**
 * SpamAssassin's verdict per message (log level 2+): `SPAM-TAG, <s> -> <r>, Yes, score=7.1 tagged_above=2 required=6.2 tests=[…] autolearn=…`.
 * @example `amavis[3301]: (03301-07) SPAM-TAG, <a@b.example> -> <c@d.example>, No, score=-0.1 tagged_above=-999 required=6.31 tests=[ALL_TRUSTED=-1, DKIM_SIGNED=0.1] autolearn=ham autolearn_force=no`
 */
export interface AmavisSpamTag extends AmavisBase {
  readonly type: 'amavis.spam-tag'
  readonly from: string
  readonly recipients: readonly string[]
  readonly spam: boolean
  readonly score?: number
  readonly taggedAbove?: number
  readonly required?: number
  /** Rule names (scores dropped). */
  readonly tests?: readonly string[]
  readonly autolearn?: string
}

/**
 * A piece of a line amavis split because it was longer than `$logline_maxlen` (980): the first
 * piece ends with `...`, the next one starts with `...` (A211 amavisd:762,2540-2549).
 * @example `amavis[3301]: (03301-07) ...<x@example.com>, Queue-ID: 4F1A2B3C4D, mail_id: Ab3dEf6hIj9k, Hits: -, size: 2310, 812 ms`
 */
export interface AmavisSplit extends AmavisBase {
  readonly type: 'amavis.split'
  /** Whether a piece precedes this one (the text starts with `...`). */
  readonly continued: boolean
  /** Whether a piece follows (the text ends with `...`). */
  readonly continues: boolean
  /** The piece without its `...` marks. */
  readonly text: string
}

/**
 * Mail for recipients outside `@local_domains_maps` came from a client that is neither in
 * `@mynetworks` nor authenticated, i.e. not `originating` (amavisd-new 2.11.1 amavisd:14476):
 * the MTA in front relays for anyone, or amavis lacks an `originating` policy for it.
 * @example `amavis[3301]: (03301-07) Open relay? Nonlocal recips but not originating: x@remote.example, y@remote.example`
 */
export interface AmavisOpenRelay extends AmavisBase {
  readonly type: 'amavis.open-relay'
  /** The non-local recipients, as logged. */
  readonly recipients: readonly string[]
}

/**
 * The bounce killer's verdict on a delivery status notification (amavisd-new 2.11.1
 * amavisd:15056-15062, `$log_level` 2): `killed` (scored as spam: it answers mail we did not
 * send), `rescued` (it refers to a message we sent: `by penpals`, `by originating`, `by
 * domain`), or `unverifiable` when the message looks like a bounce but has no original header
 * section to check (amavisd:15082-15085).
 * @example `amavis[3301]: (03301-08) bounce killed (DSN), <> -> <alice@example.org>, From: MAILER-DAEMON@remote.example, Message-ID: <x@remote.example>`
 */
export interface AmavisBounce extends AmavisBase {
  readonly type: 'amavis.bounce'
  readonly verdict: 'killed' | 'rescued' | 'unverifiable'
  /** What rescued it: `by penpals`, `by originating`, `by domain`, `by: pen pals disabled`. */
  readonly rescuedBy?: string
  /** amavis' classification of the bounce (`DSN`, `bounce (by …)` …); absent for `unverifiable`. */
  readonly bounceType?: string
  /** `unverifiable` lines only: the mail came from a local client. */
  readonly originating?: boolean
  /** Envelope sender without angle brackets, `''` for `<>`. */
  readonly from: string
  readonly recipients: readonly string[]
  /** The original message's header fields amavis found (`From: …, Message-ID: …`). */
  readonly headers?: string
}

/**
 * A virus scanner failed during a content check (amavisd-new 2.11.1 amavisd:28967,29040,29070;
 * `(!)` lines): `run_av (NAME) FAILED - ERROR` when a command-line or socket scanner answered
 * unexpectedly (`run-av`), `NAME av-scanner FAILED: ERROR` when calling it died (`av-scanner`),
 * `WARN: all primary virus scanners failed, considering backups` (`all-failed`).
 * @example `amavis[2211]: (02211-03) (!)ClamAV-clamd av-scanner FAILED: run_av error: Too many retries to talk to /run/clamav/clamd.ctl (All attempts (1) failed connecting to /run/clamav/clamd.ctl) at (eval 111) line 905.`
 */
export interface AmavisAvFailure extends AmavisBase {
  readonly type: 'amavis.av-failure'
  /** `run-av`, `av-scanner`, `all-failed`. */
  readonly kind: 'run-av' | 'av-scanner' | 'all-failed'
  /** The scanner's name from `@av_scanners` (`ClamAV-clamd`); absent for `all-failed`. */
  readonly scanner?: string
  /** The tier that failed: `primary` (`all-failed`). */
  readonly tier?: string
  /** What went wrong, as amavis wrote it (exit status and output, or the Perl error). */
  readonly error?: string
}

/**
 * A start-up notice of the amavisd master process (`$log_level` 0–2, amavisd-new 2.11.1
 * amavisd:12948-12974,13069-13076,18642-18731,19683-19689,20415-20426,29301): `kind` names the line.
 * `starting` — `starting. PATH at HOST amavisd-new-2.11.1 (DATE), …` (`path`, `myHostname`,
 * `product`, `version`, `warm`); `process` — `perl=…, user=…, EUID: …;  group=…, EGID: …`
 * (`version` of Perl, `user`, `group`); `module` — `Module NAME VERSION`, `Perl version V`
 * (`name`, `version`); `code` — `ANTI-VIRUS code loaded`, `DKIM code NOT loaded` (`name`,
 * `loaded`); `program` — `Found $file at PATH`, `No $altermime, not using it`
 * (`name`, `found`, `path`); `decoder` — `Found decoder for .EXT at PATHS`, `Internal decoder
 * for .EXT`, `No ext program for .EXT, tried: …`, `No decoder for .EXT` (`extension`, `found`,
 * `paths`, `tried`); `av-scanner` / `spam-scanner` — `Using primary internal av scanner code for
 * NAME`, `Found secondary av scanner NAME at PATH` (`tier`, `name`, `path`); `spamcontrol` —
 * `SpamControl: init_pre_chroot on SpamAssassin done` (`stage`, `name`); `db` — `Creating db in
 * DIR/; …`, `Deleting db files … in DIR` (`path`); `sd-notify` — `sd_notify (no socket):
 * STATUS=…` (`status`); `server` — Net::Server's own lines (`Net::Server: Process
 * Backgrounded`, `Binding to TCP port …`, `… TERM received`), text only.
 * @example `amavis[2210]: Found decoder for    .rar  at /usr/bin/unrar; /usr/bin/7z`
 */
export interface AmavisStartup extends AmavisBase {
  readonly type: 'amavis.startup'
  /** `starting`, `process`, `module`, `code`, `program`, `decoder`, `av-scanner`, `spam-scanner`, `spamcontrol`, `db`, `sd-notify`, `server`. */
  readonly kind:
    | 'starting'
    | 'process'
    | 'module'
    | 'code'
    | 'program'
    | 'decoder'
    | 'av-scanner'
    | 'spam-scanner'
    | 'spamcontrol'
    | 'db'
    | 'sd-notify'
    | 'server'
  /** The amavisd program (`starting`), a program or scanner found (`program`, `*-scanner`), the database directory (`db`). */
  readonly path?: string
  /** Decoder programs found for an extension, first one used (`decoder`). */
  readonly paths?: readonly string[]
  /** amavisd's `$myhostname` (`starting`). */
  readonly myHostname?: string
  /** `amavisd-new` (`starting`; `amavis` from 2.12 on). */
  readonly product?: string
  /** amavisd's version (`starting`), Perl's (`process`, `module` Perl), a module's (`module`). */
  readonly version?: string
  /** A warm restart on SIGHUP (`starting. (warm)`). */
  readonly warm?: true
  /** A Perl module (`module`), `$file`/`$altermime` without `$` (`program`), a scanner (`*-scanner`, `spamcontrol`). */
  readonly name?: string
  /** File name extension a decoder is for, without the dot (`decoder`). */
  readonly extension?: string
  /** Whether the program or decoder was found; internal decoders and scanners count as found. */
  readonly found?: boolean
  /** Whether that part of amavisd is loaded (`code`). */
  readonly loaded?: boolean
  /** Programs looked for in vain, alternatives of one entry joined by `, ` (`decoder`). */
  readonly tried?: readonly string[]
  /** `primary` or `secondary` (`av-scanner`). */
  readonly tier?: string
  /** The configured `$daemon_user`, absent when none (`process`). */
  readonly user?: string
  /** The configured `$daemon_group`, absent when none (`process`). */
  readonly group?: string
  /** `init_pre_chroot` or `init_pre_fork` (`spamcontrol`). */
  readonly stage?: string
  /** The `STATUS=` text reported to systemd (`sd-notify`). */
  readonly status?: string
  /** The message after the log id and alert mark. */
  readonly text: string
}

/**
 * A child process asks to be replaced (amavisd-new 2.11.1 amavisd:13714-13733): after
 * `$max_requests` tasks (`max-requests`, log level 2), after a fatal error (`fatal-error`, a
 * `(!)` line following `TROUBLE in process_request`), when a task ran out of time (`timeout`),
 * or when Sophos virus data went stale (`stale-virus-data`).
 * @example `amavis[4410]: (04410-20) Requesting process rundown after 20 tasks (and 20 sessions)`
 */
export interface AmavisRundown extends AmavisBase {
  readonly type: 'amavis.rundown'
  /** `max-requests`, `fatal-error`, `timeout`, `stale-virus-data`. */
  readonly reason: 'max-requests' | 'fatal-error' | 'timeout' | 'stale-virus-data'
  /** Tasks the child ran (`max-requests`). */
  readonly tasks?: number
  /** SMTP/LMTP sessions the child served (`max-requests`). */
  readonly sessions?: number
  /** The time ran out waiting for the client (`timeout`). */
  readonly waitingForClient?: boolean
}

/**
 * A warning, error or informational line with no more specific event: `(!)` / `(!!)` lines,
 * `TROUBLE …`, `starting. …`, `extra modules loaded`, `Requesting process rundown …`.
 * @example `amavis[11805]: (11805-01) (!!) TROUBLE in process_request: Error writing a SMTP response to the socket: Broken pipe`
 */
export interface AmavisDiagnostic extends AmavisBase {
  readonly type: 'amavis.diagnostic'
  readonly text: string
}

/**
 * A trace of `$log_level` 3 to 5: internal steps (`lookup_acl(…)`, `rw_loop: …`), the SMTP
 * conversation (`ESMTP< RCPT TO:<…>`), scanner dialogue.
 * @example `amavis[25257]: (25257-10) lookup_acl(info@example.com), no match`
 */
export interface AmavisDebug extends AmavisBase {
  readonly type: 'amavis.debug'
  readonly text: string
}

/**
 * A line under an amavis program name whose message no grammar knows.
 * @example `amavis[1]: (00001-01) some message from a future amavis`
 */
export interface AmavisUnrecognized extends AmavisBase {
  readonly type: 'amavis.unrecognized'
  readonly raw: string
  /** The message after the syslog header. */
  readonly message: string
}

/** Every amavis event. */
export type AmavisEvent =
  | AmavisResult
  | AmavisForward
  | AmavisChecking
  | AmavisSmtp
  | AmavisPart
  | AmavisTiming
  | AmavisSpamTag
  | AmavisSplit
  | AmavisOpenRelay
  | AmavisBounce
  | AmavisAvFailure
  | AmavisStartup
  | AmavisRundown
  | AmavisDiagnostic
  | AmavisDebug
  | AmavisUnrecognized

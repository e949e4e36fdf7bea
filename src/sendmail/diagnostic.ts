/**
 * Known Sendmail messages that carry no fields worth a type of their own. They become
 * `sendmail.diagnostic` (with the peer pulled out when the line names one) rather than
 * `sendmail.unrecognized`. The table lists message starts from the sources, grouped by file;
 * lines that start with the SMTP client (`host [addr]: …`, `srvrsmtp.c` session notes such as
 * `possible SMTP attack`, EXPN/VRFY/ETRN echoes) are matched by shape.
 *
 * @module
 */

import type { SendmailPeer } from '../events/index.js'
import { classifier } from '../grammar/classifier.js'
import { parseSendmailPeer } from './fields.js'

/** Message starts, most frequent first within each group. */
export const diagnosticShapes = {
  info: [
    // srvrsmtp.c
    'AUTH failure (', // :1951
    'AUTH=', // error and warning forms of AUTH=server/client (:1919, :2188, usersmtp.c:845-1040)
    'AUTH warning: ', // :5526
    'AUTH error', // :1171, :5509
    'AUTH: ', // :5517
    'AUTH encode64 error', // :1919
    'AUTH decode64 error', // :2188
    'rejecting commands from ', // :1510
    'rejecting ', // :2578, :4039 `rejecting %s from %s [%s] due to traffic before response`
    'SMTP ', // :2115, :2292, :2851, :3536 `SMTP … command (…) from … tempfailed`
    '"', // :3915 `"%s" command from %s (%s)`
    'unauthorized PIPELINING, ', // :1739
    'delaying=', // :877
    'invalid domain name ', // :2614, :2655
    'ERROR=ARGS_', // :497, :506
    'ERROR: ', // deliver.c:5450-5531 inconsistent dsn/reply, srvrsmtp.c:1114
    'smtps: ', // :1527
    'proxy mode requested but not possible', // :4449
    'smtp: doublequeue', // :4616, :4657
    'srvfeatures: ', // :5723
    'rcpt=', // :451
    // STARTTLS errors and notes (tls.c, deliver.c:3832-7723, sfsasl.c:611-621)
    'STARTTLS',
    'TLS: ', // tls.c tlslogerr
    'TLSA=', // domain.c:455
    // main.c
    'connect from ', // :2698
    'starting daemon', // odd forms
    'File descriptors missing on startup: ', // :1307
    'Authentication-Warning: ', // :3654
    'daemon invoked without full pathname', // :1728
    'queue control process: ', // :2330
    'persistent queue runner', // :2539-2579
    'finis, pid=', // :3158
    'interrupt', // :3399
    'in background, pid=', // :3528
    'disconnect level ', // :3446
    'disconnect: ', // :3468-3506
    'cannot get memory statistics', // :1546
    // daemon.c
    'accepting connections again for daemon ', // :272
    'daemon ', // :197, :296, :303, :1144
    'rejecting new messages: ', // :1025
    'accepting new messages', // :1047
    'makeconnection', // :2600, :2915
    'SMTP outgoing connect on ', // :3075
    'could not ', // :3336, :3367, :3411
    'My unqualified host name ', // :3503
    'unable to qualify my own domain name ', // :3511
    'tcpwrappers (', // conf.c:4122
    'gethostbyaddr(', // conf.c:4747 `gethostbyaddr(%s) failed: %d` (reverse lookup of a client)
    // conf.c refuseconnections
    'rejecting connections on daemon ', // :2324-2391
    'have been rejecting connections on daemon ', // :2340
    // alias.c, recipient.c, map.c
    'alias database ', // alias.c:484-593
    'alias ', // alias.c:139
    'forward ', // alias.c:1049-1087, recipient.c:1877
    'include ', // recipient.c:873
    'aliasing/forwarding loop broken: ', // recipient.c:638
    'deferred: udbexpand: ', // recipient.c:951
    'dns ', // map.c:1654
    'ldap=', // map.c:4459
    'timeout connecting to ', // map.c:4053, :5736
    // deliver.c, envelope.c, queue.c, savemail.c, collect.c
    'discarded', // deliver.c:197
    'Warning: ', // deliver.c:1936, :3422
    'sync_dir: ', // deliver.c:1071-1082
    'clt_features=', // deliver.c:2778
    'Timeout.to_aconnect ', // deliver.c:2891
    'hostsignature for host ', // deliver.c:7154
    'setsender: ', // envelope.c:1047
    'cannot prescan from ', // envelope.c:1189
    'dropenvelope, ', // envelope.c:206
    'Saved message in ', // savemail.c:458
    'Losing ', // queue.c (loseqfile)
    'queueup', // queue.c:435-1010
    'WorkList for ', // queue.c:2701
    'gatherq: ', // queue.c:2678, :2722
    'restart queue runner=', // queue.c:1270
    'header overflow from ', // collect.c:602
    'headers too large (', // collect.c:627
    'message size (', // collect.c:945
    'Bare linefeed', // collect.c:928
    'low on space', // conf.c/queue.c enoughdiskspace
    'dferror: ', // collect.c:1103
    'WARNING: ', // milter.c:1644, :2554
    'assigned id', // queue.c:5578 (LogLevel > 93)
    'Sending "', // srvrsmtp.c:3943
    '--- ', // err.c:680 (LogLevel > 14)
    '<-- ', // srvrsmtp.c:1977 (LogLevel > ...)
    'user ', // main.c:1501, :1590, :1648 `user %d …`
    // not Sendmail: resolver library messages under the sendmail tag
    'gethostby*.', // glibc res_query `gethostby*.getanswer: asked for …`
  ],
  aliases: /\/[^\s:]+: \d+ aliases, longest \d+ bytes, /, // alias.c:950
  session: /(?:[^\s[\]]+ )?\[[^\]\s]+\](?: \(may be forged\))?: /, // srvrsmtp.c CurSmtpClient: …
} as const

/** Whether a message is one of the known informational shapes. */
export const isDiagnostic: (message: string) => string | undefined = classifier(diagnosticShapes)

const PEER = /(?:^|[\s(=])((?:[^\s[\]()=,]+ )?\[(?:IPv6:)?[0-9A-Fa-f:.]+\](?: \(may be forged\))?)/

/**
 * The first peer (`host [addr]`, `[addr]`) named in free text.
 *
 * @example
 * findSendmailPeer('bad.example [203.0.113.9]: possible SMTP attack: command=AUTH, count=5')
 * //=> { relay: { hostname: 'bad.example', ip: '203.0.113.9' }, relayText: 'bad.example [203.0.113.9]' }
 */
export function findSendmailPeer(text: string): SendmailPeer {
  const m = PEER.exec(text)
  return m ? parseSendmailPeer(m[1]!) : {}
}

/**
 * `to=` lines: one delivery attempt for one or several recipients (`deliver.c:5328-5595`
 * logdelivery). Keys in logged order: to, ctladdr (with `(uid/gid)`), delay, xdelay, mailer,
 * pri, relay (or `quarantine=`), dsn, the FFR-only ntries/stage/reply, stat. Only `stat=` is
 * always there and always last; its text runs to the end of the line. A recipient list longer
 * than the syslog buffer is written over several lines as `to=a,b, [more], …`
 * (`deliver.c:5565-5595`); `join.ts` puts them back together.
 *
 * @module
 */

import type { DeliveryStatus, SendmailCtladdr, SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { findQueuedAs, parseReply } from '../postfix/fields.js'
import type { Base } from './base.js'
import {
  num,
  parseSendmailDelay,
  parseSendmailPeer,
  splitKeys,
  splitRecipients,
  unbracket,
} from './fields.js'

const TO_KEYS: ReadonlySet<string> = new Set([
  'ctladdr',
  'delay',
  'xdelay',
  'mailer',
  'pri',
  'relay',
  'quarantine',
  'dsn',
  'ntries',
  'stage',
  'reply',
  'stat',
])

const MORE = ' [more]'

/**
 * Normalizes a delivery outcome: the class of the DSN code when there is one (2 → sent,
 * 4 → deferred, 5 → bounced), else the `stat=` text: `Sent …` → sent; `Deferred…`, `queued`,
 * `quarantined`, `tempfail…` → deferred; anything else (`User unknown`, `Service
 * unavailable`, `Host unknown` …) → bounced.
 *
 * @example
 * sendmailStatus('Sent (Ok: queued as 4XyZ9)')              //=> 'sent'
 * sendmailStatus('Deferred: Connection refused by mx.example.') //=> 'deferred'
 * sendmailStatus('User unknown', '5.1.1')                   //=> 'bounced'
 * sendmailStatus('Please try again later', '4.7.1')         //=> 'deferred'
 */
export function sendmailStatus(stat: string, dsn?: string): DeliveryStatus {
  switch (dsn?.charCodeAt(0)) {
    case 50:
      return 'sent'
    case 52:
      return 'deferred'
    case 53:
      return 'bounced'
  }
  if (stat.startsWith('Sent')) return 'sent'
  if (/^(?:Deferred|queued|quarantined|tempfail)/i.test(stat)) return 'deferred'
  return 'bounced'
}

const ACCEPTED = /^([0-9A-Za-z]{8}\d{6,}) Message accepted for delivery/

/**
 * The text of a `stat=`: inside `Sent ( … )`, after `Deferred: `.
 *
 * @example
 * statResponse('Sent (Ok: queued as 4XyZ9)') //=> 'Ok: queued as 4XyZ9'
 */
export function statResponse(stat: string): string | undefined {
  if (stat.startsWith('Sent (') && stat.endsWith(')')) return stat.slice(6, -1)
  if (stat.startsWith('Deferred: ')) return stat.slice(10)
  return undefined
}

/**
 * The next hop's queue id in a `Sent (…)` response: Sendmail's `<qid> Message accepted for
 * delivery` (`srvrsmtp.c:4598`; the client keeps the reply after its codes, `usersmtp.c:2881`,
 * and logs `Sent (<reply>)`, `deliver.c:5070-5075`), Postfix's
 * `Ok: queued as X`, and the other forms `findQueuedAs` knows.
 *
 * @example
 * sendmailQueuedAs('t4S4FI7E001499 Message accepted for delivery') //=> 't4S4FI7E001499'
 * sendmailQueuedAs('Ok: queued as DF657106C51')                    //=> 'DF657106C51'
 */
export function sendmailQueuedAs(response: string): string | undefined {
  const m = ACCEPTED.exec(response)
  return m ? m[1] : findQueuedAs(response)
}

/** `ctladdr=<a@b> (1000/1000)` (`deliver.c:5373-5385`). */
function ctladdr(s: string): SendmailCtladdr {
  const m = / \((-?\d+)\/(-?\d+)\)$/.exec(s)
  if (!m) return { address: unbracket(s) }
  return { address: unbracket(s.slice(0, m.index)), uid: Number(m[1]), gid: Number(m[2]) }
}

/**
 * Parses a `to=` body, or returns `undefined` when it lacks `stat=`.
 *
 * @example
 * parseTo('to=<b@example.net>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=122413, relay=mx.example.net. [198.51.100.7], dsn=2.0.0, stat=Sent (Ok: queued as 4XyZ9)', base)
 * //=> { type: 'sendmail.to', …, recipients: ['b@example.net'], delay: 2, delayText: '00:00:02', …, status: 'sent', queuedAs: '4XyZ9' }
 */
export function parseTo(body: string, b: Base): SendmailEvent | undefined {
  const v = splitKeys(body, 3, TO_KEYS)
  const stat = v.get('stat')
  if (stat === undefined) return undefined
  let list = v.get('')!
  let more: true | undefined
  if (list.endsWith(MORE)) {
    more = true
    list = list.slice(0, -MORE.length)
    if (list.endsWith(',')) list = list.slice(0, -1)
  }
  const delayText = v.get('delay')
  const xdelayText = v.get('xdelay')
  const relay = v.get('relay')
  const ctl = v.get('ctladdr')
  const reply = v.get('reply')
  const dsn = v.get('dsn')
  const response = statResponse(stat)
  const peer = relay === undefined ? undefined : parseSendmailPeer(relay)
  return build(b, 'sendmail.to', {
    recipients: splitRecipients(list),
    more,
    ctladdr: ctl === undefined ? undefined : ctladdr(ctl),
    delay: delayText === undefined ? undefined : parseSendmailDelay(delayText),
    delayText,
    xdelay: xdelayText === undefined ? undefined : parseSendmailDelay(xdelayText),
    xdelayText,
    mailer: v.get('mailer'),
    pri: num(v.get('pri')),
    relay: peer?.relay,
    relayText: peer?.relayText,
    mayBeForged: peer?.mayBeForged,
    quarantine: v.get('quarantine'),
    dsn,
    ntries: num(v.get('ntries')),
    stage: v.get('stage'),
    reply: reply === undefined ? undefined : parseReply(reply),
    stat,
    status: sendmailStatus(stat, dsn),
    response,
    queuedAs: response === undefined || !stat.startsWith('Sent') ? undefined : sendmailQueuedAs(response),
  })
}

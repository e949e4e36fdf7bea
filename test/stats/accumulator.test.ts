import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { caseEvents } from '../../src/corpus.js'
import type { MailEvent } from '../../src/events/index.js'
import { createParser } from '../../src/parse.js'
import { collectStats } from '../../src/stats/collect.js'
import { countEvent } from '../../src/stats/events.js'
import { statsReport } from '../../src/stats/report.js'
import { createStats, type StatsOptions } from '../../src/stats/state.js'
import { countTransaction } from '../../src/stats/transactions.js'
import type { Transaction } from '../../src/transaction.js'

/** Events of hand-written log lines (year 2025, UTC). */
function events(log: string): MailEvent[] {
  const parser = createParser({ year: 2025, zone: 'UTC' })
  return log
    .trim()
    .split('\n')
    .map((line, i) => parser.parse(line.trim(), i + 1))
}

const stats = (log: string, options?: StatsOptions) => collectStats(events(log), options)
const corpus = async (name: string) => caseEvents(await readFile(`corpus/${name}`, 'utf8'))

const INBOUND = `
  Mar  1 10:00:00 mx1 postfix/smtpd[10]: connect from mail.example.org[192.0.2.1]
  Mar  1 10:00:01 mx1 postfix/smtpd[10]: 1A2B3C4D5E: client=mail.example.org[192.0.2.1]
  Mar  1 10:00:01 mx1 postfix/cleanup[11]: 1A2B3C4D5E: message-id=<m1@example.org>
  Mar  1 10:00:02 mx1 postfix/qmgr[12]: 1A2B3C4D5E: from=<Alice@Example.ORG>, size=1000, nrcpt=2 (queue active)
  Mar  1 10:00:02 mx1 postfix/smtpd[10]: disconnect from mail.example.org[192.0.2.1] ehlo=1 mail=1 rcpt=2 data=1 quit=1 commands=6
  Mar  1 10:00:03 mx1 postfix/local[13]: 1A2B3C4D5E: to=<bob@mx1.example.net>, relay=local, delay=1.5, delays=0.5/0.01/0/1, dsn=2.0.0, status=sent (delivered to mailbox)
  Mar  1 10:00:04 mx1 postfix/smtp[14]: 1A2B3C4D5E: to=<carol@Example.NET>, relay=mx.example.net[198.51.100.7]:25, delay=2.5, delays=0.5/0.01/1/1, dsn=4.7.1, status=deferred (host mx.example.net[198.51.100.7] said: 451 4.7.1 Greylisted (in reply to RCPT TO command))
  Mar  1 11:00:04 mx1 postfix/smtp[14]: 1A2B3C4D5E: to=<carol@Example.NET>, relay=mx.example.net[198.51.100.7]:25, delay=3600, delays=3598/0.01/1/1, dsn=4.7.1, status=deferred (host mx.example.net[198.51.100.7] said: 451 4.7.1 Greylisted (in reply to RCPT TO command))
  Mar  1 12:00:04 mx1 postfix/smtp[14]: 1A2B3C4D5E: to=<carol@Example.NET>, relay=mx.example.net[198.51.100.7]:25, delay=7200, delays=7198/0.01/1/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F8E7D6C5B)
  Mar  1 12:00:04 mx1 postfix/qmgr[12]: 1A2B3C4D5E: removed
  Mar  1 12:30:00 mx1 postfix/pickup[15]: 2B3C4D5E6F: uid=1000 from=<root>
  Mar  1 12:30:00 mx1 postfix/qmgr[12]: 2B3C4D5E6F: from=<root@mx1.example.net>, size=500, nrcpt=1 (queue active)
  Mar  1 12:30:01 mx1 postfix/smtp[14]: 2B3C4D5E6F: to=<nobody@example.com>, relay=mx.example.com[198.51.100.8]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=5.1.1, status=bounced (host mx.example.com[198.51.100.8] said: 550 5.1.1 <nobody@example.com>: User unknown (in reply to RCPT TO command))
  Mar  1 12:30:01 mx1 postfix/cleanup[11]: 3C4D5E6F70: message-id=<20250301123001.3C4D5E6F70@mx1.example.net>
  Mar  1 12:30:01 mx1 postfix/bounce[16]: 2B3C4D5E6F: sender non-delivery notification: 3C4D5E6F70
  Mar  1 12:30:01 mx1 postfix/qmgr[12]: 2B3C4D5E6F: removed
`

describe('stats: messages (from transactions)', () => {
  it('should count received messages, deliveries, deferrals and bounces', () => {
    const r = stats(INBOUND)
    expect(r.totals).toMatchObject({
      received: 2,
      reinjected: 0,
      delivered: 2,
      forwarded: 0,
      handoffs: 0,
      deferred: 1,
      deferrals: 2,
      bounced: 1,
      notifications: 1,
      bytesReceived: 1500,
      bytesDelivered: 2000,
      receivedWithoutSize: 0,
    })
  })

  it('should rank senders and recipients with the domain lowercased', () => {
    const r = stats(INBOUND)
    expect(r.senders.byCount).toEqual([
      { key: 'Alice@example.org', count: 1, bytes: 1000 },
      { key: 'root@mx1.example.net', count: 1, bytes: 500 },
    ])
    expect(r.recipients.byBytes.map((x) => x.key)).toEqual(['bob@mx1.example.net', 'carol@example.net'])
    expect(r.recipientDomains.byDeferred[0]).toEqual({
      key: 'example.net',
      count: 1,
      bytes: 1000,
      deferred: 2,
      bounced: 0,
    })
    expect(r.distinct).toEqual({ senders: 2, senderDomains: 2, recipients: 2, recipientDomains: 2 })
  })

  it('should give delay percentiles of delivered recipients', () => {
    const r = stats(INBOUND)
    expect(r.delays.delay).toEqual({ count: 2, mean: 3600.75, p50: 1.5, p90: 7200, p99: 7200, max: 7200 })
    expect(r.delays.beforeQueue.max).toBe(7198)
    expect(r.delays.transmission.p50).toBe(1)
  })

  it('should put each fact in the hour and on the day it happened', () => {
    const r = stats(INBOUND)
    expect(r.hourly[10]).toEqual({
      hour: 10,
      received: 1,
      delivered: 1,
      deferred: 1,
      bounced: 0,
      rejected: 0,
    })
    expect(r.hourly[11]!.deferred).toBe(1)
    expect(r.hourly[12]).toEqual({
      hour: 12,
      received: 1,
      delivered: 1,
      deferred: 0,
      bounced: 1,
      rejected: 0,
    })
    expect(r.daily).toEqual([
      { date: '2025-03-01', received: 2, delivered: 2, deferred: 2, bounced: 1, rejected: 0 },
    ])
  })

  it('should group deferral and bounce reasons without hosts, codes and addresses', () => {
    const r = stats(INBOUND)
    expect(r.reasons.deferred).toEqual([{ label: '4.7.1', reason: 'Greylisted', count: 2 }])
    expect(r.reasons.bounced).toEqual([{ label: '5.1.1', reason: '<*>: User unknown', count: 1 }])
  })

  it('should count a content filter re-injection once, apart from received and delivered', async () => {
    const r = collectStats(await corpus('trace/content-filter.log'))
    expect(r.totals).toMatchObject({ received: 1, reinjected: 1, delivered: 1, handoffs: 1 })
    expect(r.totals.bytesReceived).toBe(5000)
  })

  it('should count local forwards as forwarded, not delivered', () => {
    const r = stats(`
      Mar  1 10:00:00 mx1 postfix/pickup[1]: 4D5E6F7081: uid=0 from=<root>
      Mar  1 10:00:01 mx1 postfix/local[2]: 4D5E6F7081: to=<a@mx1.example.net>, relay=local, delay=0.1, delays=0.1/0/0/0, dsn=2.0.0, status=sent (forwarded as 5E6F708192)
      Mar  1 10:00:01 mx1 postfix/qmgr[3]: 4D5E6F7081: removed
    `)
    expect(r.totals).toMatchObject({ received: 1, delivered: 0, forwarded: 1, receivedWithoutSize: 1 })
  })

  it('should count a hand-made transaction', () => {
    const s = createStats()
    const t: Transaction = {
      id: 'gw/postfix/ABCDEF1234',
      mta: 'postfix',
      host: 'gw',
      instance: 'postfix',
      queueId: 'ABCDEF1234',
      start: '2025-03-01T23:59:59+00:00',
      end: '2025-03-02T00:00:01+00:00',
      from: '',
      client: { hostname: 'a.example', ip: '192.0.2.9' },
      size: 300,
      recipients: [
        { to: 'x@A.example', status: 'sent', delay: 2, time: '2025-03-02T00:00:01+00:00' },
        { to: 'y@a.example', status: 'sent', delay: 4, time: '2025-03-02T00:00:01+00:00' },
      ],
      rejects: [],
      warnings: [],
      complete: true,
    }
    countTransaction(s, t)
    const r = statsReport(s)
    expect(r.totals).toMatchObject({ received: 1, delivered: 2, bytesReceived: 300, bytesDelivered: 600 })
    expect(r.senders.byCount).toEqual([{ key: '<>', count: 1, bytes: 300 }])
    expect(r.senderDomains.byCount).toEqual([{ key: '<>', count: 1, bytes: 300 }])
    expect(r.recipientDomains.byCount).toEqual([
      { key: 'a.example', count: 2, bytes: 600, deferred: 0, bounced: 0 },
    ])
    expect(r.hourly[23]!.received).toBe(1)
    expect(r.hourly[0]!.delivered).toBe(2)
    expect(r.hosts).toEqual([
      {
        key: 'gw',
        lines: 0,
        received: 1,
        delivered: 2,
        deferred: 0,
        bounced: 0,
        rejected: 0,
        bytesReceived: 300,
        bytesDelivered: 600,
      },
    ])
  })
})

describe('stats: lines (from events)', () => {
  it('should count rejects with their reasons grouped by code and normalized text', () => {
    const r = stats(`
      Mar  1 12:00:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <x@example.com>: Relay access denied; from=<s@example.net> to=<x@example.com> proto=ESMTP helo=<bad>
      Mar  1 12:00:01 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[203.0.113.10]: 554 5.7.1 <y@example.com>: Relay access denied; from=<t@example.net> to=<y@example.com> proto=ESMTP helo=<bad>
      Mar  1 12:00:02 mx1 postfix/smtpd[1]: NOQUEUE: reject_warning: RCPT from unknown[203.0.113.9]: 450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113.9]; from=<s@example.net> to=<b@example.org> proto=ESMTP helo=<bad>
      Mar  1 12:00:03 mx1 postfix/postscreen[2]: NOQUEUE: reject: RCPT from [203.0.113.30]:51234: 550 5.7.1 Service unavailable; client [203.0.113.30] blocked using zen.spamhaus.org; from=<a@example.net>, to=<b@example.org>, proto=ESMTP, helo=<x>
      Mar  1 12:00:04 mx1 postfix/cleanup[3]: 8192031425: reject: header Subject: buy now from spam.example[203.0.113.5]; from=<s@spam.example> to=<bob@example.org> proto=ESMTP helo=<spam.example>: 550 5.7.1 No thanks
      Mar  1 12:00:05 mx1 postfix/cleanup[3]: 9203142536: hold: body Click here from h.example.org[192.0.2.41]; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<h.example.org>
      Mar  1 12:00:06 mx1 postfix/smtpd[4]: A314253647: discard: RCPT from h.example.org[192.0.2.20]: <a@example.org>: Sender address triggers DISCARD action; from=<a@example.org> to=<b@example.net> proto=ESMTP helo=<h.example.org>
      Mar  1 12:00:07 mx1 postfix/smtpd[5]: NOQUEUE: milter-reject: CONNECT from h.example.org[192.0.2.22]: 451 4.7.1 Service unavailable - try again later; proto=SMTP
    `)
    expect(r.totals).toMatchObject({
      rejected: 5,
      rejectedNoqueue: 4,
      rejectWarnings: 1,
      held: 1,
      discarded: 1,
    })
    expect(r.reasons.rejected).toEqual([
      { label: '554', reason: 'Relay access denied', count: 2 },
      { label: '451', reason: 'Service unavailable - try again later', count: 1 },
      { label: '550', reason: 'Service unavailable; client [*] blocked using zen.spamhaus.org', count: 1 },
      { label: '550', reason: 'header: No thanks', count: 1 },
    ])
    expect(r.reasons.rejectWarning).toEqual([
      { label: '450', reason: 'Client host rejected: cannot find your hostname, [*]', count: 1 },
    ])
    expect(r.reasons.held).toEqual([{ label: '', reason: 'body: Click here', count: 1 }])
    expect(r.reasons.discarded).toEqual([
      { label: '', reason: 'Sender address triggers DISCARD action', count: 1 },
    ])
    expect(r.rejectStages).toEqual([
      { key: 'RCPT', count: 3 },
      { key: 'CONNECT', count: 1 },
      { key: 'cleanup', count: 1 },
    ])
    expect(r.hourly[12]!.rejected).toBe(5)
    expect(r.hosts[0]).toMatchObject({ key: 'mx1', lines: 8, rejected: 5 })
  })

  it('should count SASL failures per client address and user name', () => {
    const r = stats(`
      Mar  1 12:06:00 mx1 postfix/smtpd[1]: warning: unknown[203.0.113.20]: SASL LOGIN authentication failed: UGFzc3dvcmQ6
      Mar  1 12:06:01 mx1 postfix/smtpd[1]: warning: unknown[203.0.113.20]: SASL PLAIN authentication failed: authentication failure, sasl_username=admin@example.org
      Mar  1 12:06:02 mx1 postfix/smtpd[2]: warning: unknown[203.0.113.21]: SASL PLAIN authentication failed: authentication failure, sasl_username=admin@example.org
    `)
    expect(r.sasl).toEqual({
      failures: 3,
      byClient: [
        { key: '203.0.113.20', count: 2 },
        { key: '203.0.113.21', count: 1 },
      ],
      byUsername: [{ key: 'admin@example.org', count: 2 }],
      byMechanism: [
        { key: 'PLAIN', count: 2 },
        { key: 'LOGIN', count: 1 },
      ],
    })
    expect(r.problems).toEqual([{ key: 'smtpd', total: 3, warning: 3, error: 0, fatal: 0, panic: 0 }])
  })

  it('should count postscreen verdicts', async () => {
    const r = collectStats(await corpus('postfix/postscreen.log'))
    expect(r.postscreen).toMatchObject({
      connections: 2,
      passNew: 1,
      passOld: 1,
      dnsbl: 1,
      pregreet: 1,
      hangup: 1,
      violations: 3,
      listed: 2,
      veto: 1,
      rejected: 2,
    })
    expect(r.postscreen.byTest.map((x) => x.key)).toEqual([
      'BARE NEWLINE',
      'COMMAND PIPELINING',
      'NON-SMTP COMMAND',
    ])
    expect(r.postscreen.dnsblDomains).toEqual([{ key: 'zen.spamhaus.org', count: 1 }])
    expect(r.totals.rejected).toBe(2)
  })

  it('should count TLS sessions by direction, trust and protocol', () => {
    const r = stats(`
      Mar  1 12:00:00 mx1 postfix/smtpd[1]: Anonymous TLS connection established from h.example[192.0.2.1]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
      Mar  1 12:00:01 mx1 postfix/smtp[2]: Trusted TLS connection established to mx.example.net[198.51.100.7]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
      Mar  1 12:00:02 mx1 postfix/smtp[2]: Untrusted TLS connection reused to mx.example.com[198.51.100.8]:25: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)
    `)
    expect(r.tls).toEqual({
      incoming: { connections: 1, reused: 0, byTrustProtocol: [{ key: 'Anonymous TLSv1.3', count: 1 }] },
      outgoing: {
        connections: 2,
        reused: 1,
        byTrustProtocol: [
          { key: 'Trusted TLSv1.3', count: 1 },
          { key: 'Untrusted TLSv1.2', count: 1 },
        ],
      },
      ciphers: [
        { key: 'TLS_AES_256_GCM_SHA384', count: 2 },
        { key: 'ECDHE-RSA-AES256-GCM-SHA384', count: 1 },
      ],
    })
  })

  it('should count warnings by daemon and unparsed lines by program', () => {
    const r = stats(`
      Mar  1 12:18:04 mx1 postfix/master[1]: warning: process /usr/lib/postfix/sbin/smtpd pid 18100 exit status 1
      Mar  1 12:18:06 mx1 postfix/sendmail[2]: fatal: User root(0) is not allowed to submit mail
      Mar  1 12:18:07 mx1 postfix/smtpd[3]: some message from a future Postfix
      Mar  1 12:18:08 mx1 sshd[4]: Accepted publickey for root
      this is not a syslog line
    `)
    expect(r.problems).toEqual([
      { key: 'master', total: 1, warning: 1, error: 0, fatal: 0, panic: 0 },
      { key: 'sendmail', total: 1, warning: 0, error: 0, fatal: 1, panic: 0 },
    ])
    expect(r.reasons.warnings[0]).toEqual({
      label: 'fatal sendmail',
      reason: 'User root(0) is not allowed to submit mail',
      count: 1,
    })
    expect(r.lines).toEqual({
      total: 5,
      postfix: 3,
      unrecognized: 1,
      unknown: 2,
      residue: [
        { key: 'postfix.unrecognized postfix/smtpd', count: 1 },
        { key: 'unknown(no-header)', count: 1 },
        { key: 'unknown(program) sshd', count: 1 },
      ],
    })
  })
})

describe('stats: filters and bounds', () => {
  it('should count only the given host', () => {
    const log = `${INBOUND}
      Mar  1 12:40:00 mx2 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <x@example.com>: Relay access denied; from=<s@example.net> to=<x@example.com> proto=ESMTP helo=<bad>`
    expect(stats(log).totals.rejected).toBe(1)
    const mx2 = stats(log, { host: 'mx2' })
    expect(mx2.totals).toMatchObject({ rejected: 1, received: 0, delivered: 0 })
    expect(mx2.lines.total).toBe(1)
    expect(stats(log, { host: 'mx1' }).totals).toMatchObject({ rejected: 0, received: 2, delivered: 2 })
  })

  it('should count only what happened between since and until', () => {
    const r = stats(INBOUND, {
      since: Date.parse('2025-03-01T10:30:00Z'),
      until: Date.parse('2025-03-01T12:15:00Z'),
    })
    // The inbound message was received before the window; its late delivery and deferral fall in it.
    expect(r.totals).toMatchObject({ received: 0, delivered: 1, deferrals: 1, deferred: 1, bounced: 0 })
    expect(r.period).toEqual({ first: '2025-03-01T11:00:04+00:00', last: '2025-03-01T12:00:04+00:00' })
    expect(r.filter).toEqual({ since: '2025-03-01T10:30:00.000Z', until: '2025-03-01T12:15:00.000Z' })
  })

  it('should count a line with an impossible date only when no time filter is set', () => {
    const log = `Feb 30 09:15:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <x@example.com>: Relay access denied; from=<s@example.net> to=<x@example.com> proto=ESMTP helo=<bad>`
    const all = stats(log)
    expect(all.totals.rejected).toBe(1)
    expect(all.hourly[9]!.rejected).toBe(1)
    expect(all.daily).toEqual([])
    expect(all.period).toEqual({})
    expect(stats(log, { since: 0 }).totals.rejected).toBe(0)
  })

  it('should cut lists to top N and keep tables within the key cap', () => {
    const lines: string[] = []
    for (let i = 0; i < 50; i++) {
      const ip = `203.0.113.${i}`
      for (let k = 0; k <= (i === 7 ? 30 : 0); k++) {
        lines.push(
          `Mar  1 12:00:00 mx1 postfix/smtpd[1]: warning: unknown[${ip}]: SASL LOGIN authentication failed: UGFzc3dvcmQ6`,
        )
      }
    }
    const s = createStats({ top: 3, maxKeys: 8 })
    for (const e of events(lines.join('\n'))) countEvent(s, e)
    const r = statsReport(s)
    expect(r.sasl.failures).toBe(80)
    expect(r.sasl.byClient).toHaveLength(3)
    expect(r.sasl.byClient[0]).toEqual({ key: '203.0.113.7', count: 31 })
    expect(s.tables.saslClients.rows.size).toBeLessThanOrEqual(8)
    expect(r.approximate.saslClients).toEqual({ dropped: expect.any(Number), maxDropped: 1 })
    expect(r.approximate.residue).toBeUndefined()
  })
})

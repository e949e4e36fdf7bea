import { EcsFlat } from '@elastic/ecs'
import { describe, expect, it } from 'vitest'
import { EVENT_TYPES } from '../../src/event-types.js'
import type { MailEvent } from '../../src/events/index.js'
import { eventToEcs, isIpAddress, transactionDisposition, transactionToEcs } from '../../src/output/ecs.js'
import { createParser } from '../../src/parse.js'
import type { Transaction } from '../../src/transaction.js'
import {
  corpusEvents,
  corpusTransactions,
  extraEvents,
  extraTransactions,
  json,
  leafPaths,
} from './fixtures.js'

const ecsFields = new Set(Object.keys(EcsFlat))
const byId = (id: string): Transaction => corpusTransactions.find((t) => t.id === id)!
const parser = createParser({ year: 2025, zone: 'UTC' })
const parse = (line: string): MailEvent => parser.parse(line, 1)

/** Paths that are neither ECS fields nor under `maillog.`. */
function foreign(docs: readonly unknown[]): string[] {
  const bad = new Set<string>()
  for (const d of docs)
    for (const p of leafPaths(json(d))) if (!p.startsWith('maillog.') && !ecsFields.has(p)) bad.add(p)
  return [...bad]
}

describe('eventToEcs', () => {
  it('should use only ECS field names outside maillog.*, for every event type of the corpus', () => {
    expect(new Set(corpusEvents.map((e) => e.type))).toEqual(new Set(EVENT_TYPES))
    expect(foreign([...corpusEvents, ...extraEvents].map(eventToEcs))).toEqual([])
  })

  it('should map a delivery to destination, email and maillog fields', () => {
    const d = json(
      eventToEcs(
        parse(
          'Mar  1 12:00:05 mx1 postfix/smtp[12]: 3F4A92C1B: to=<bob@example.net>, orig_to=<b@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=1.2, delays=0.1/0.01/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4XyZ9)',
        ),
      ),
    )
    expect(d).toMatchObject({
      '@timestamp': '2025-03-01T12:00:05+00:00',
      event: { kind: 'event', category: ['email'], action: 'postfix.delivery', outcome: 'success' },
      host: { name: 'mx1' },
      process: { name: 'postfix/smtp', pid: 12 },
      destination: { address: '198.51.100.7', ip: '198.51.100.7', domain: 'mx.example.net', port: 25 },
      email: { to: { address: ['bob@example.net', 'b@example.net'] }, local_id: '3F4A92C1B' },
      related: { ip: ['198.51.100.7'], hosts: ['mx1', 'mx.example.net'] },
      maillog: {
        type: 'postfix.delivery',
        line: 1,
        status: 'sent',
        queued_as: '4XyZ9',
        delays: { before_queue: 0.1, in_queue: 0.01, connection: 0.5, transmission: 0.6 },
      },
    })
  })

  it('should map the client of smtpd lines to source, without an ip for unknown names', () => {
    const d = json(
      eventToEcs(
        parse(
          'Mar  1 12:00:01 mx1 postfix/smtpd[4]: 3F4A92C1B: client=unknown[2001:db8::7]:4711, sasl_method=PLAIN, sasl_username=alice',
        ),
      ),
    )
    expect(d.source).toEqual({ address: '2001:db8::7', ip: '2001:db8::7', port: 4711 })
    expect(d.related).toEqual({ ip: ['2001:db8::7'], hosts: ['mx1'], user: ['alice'] })
    expect(d.maillog).toMatchObject({ sasl_method: 'PLAIN', sasl_username: 'alice' })
  })

  it('should map a TLS session to tls.*', () => {
    const d = json(
      eventToEcs(
        parse(
          'Mar  1 12:00:01 mx1 postfix/smtp[1]: Trusted TLS connection reused to mx.example[198.51.100.7]:25: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)',
        ),
      ),
    )
    expect(d.tls).toEqual({
      version: '1.2',
      version_protocol: 'tls',
      cipher: 'ECDHE-RSA-AES256-GCM-SHA384',
      established: true,
      resumed: true,
    })
    expect(d.destination).toMatchObject({ domain: 'mx.example' })
    expect(d.maillog).toMatchObject({ trust: 'Trusted', protocol: 'TLSv1.2' })
  })

  it('should keep the text of unknown lines and leave out @timestamp when the time is unresolved', () => {
    const u = json(eventToEcs(parse('this is not a syslog line')))
    expect(u).toMatchObject({
      message: 'this is not a syslog line',
      event: { original: 'this is not a syslog line' },
    })
    expect(u['@timestamp']).toBeUndefined()
    const feb30 = json(eventToEcs(parse('Feb 30 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed')))
    expect(feb30['@timestamp']).toBeUndefined()
    expect(feb30.maillog).toMatchObject({ stamp: 'Feb 30 12:00:01', time_unresolved: true })
  })

  it('should mark a reject as denied and failed, a warning-only reject as neither', () => {
    const reject = json(
      eventToEcs(
        parse(
          'Mar  1 12:02:00 mx1 postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 <x@example.com>: Relay access denied; from=<a@b.example> to=<x@example.com> proto=ESMTP helo=<h>',
        ),
      ),
    )
    expect(reject).toMatchObject({
      event: { category: ['email', 'network'], type: ['denied'], outcome: 'failure' },
      email: { from: { address: 'a@b.example' }, to: { address: ['x@example.com'] } },
      maillog: { code: 554, dsn: '5.7.1', stage: 'RCPT' },
    })
    expect(reject.email).not.toHaveProperty('local_id')
  })
})

describe('transactionToEcs', () => {
  it('should use only ECS field names outside maillog.*', () => {
    expect(corpusTransactions.length).toBeGreaterThan(10)
    const all = [...corpusTransactions, ...extraTransactions]
    expect(foreign(all.map((t) => transactionToEcs(t, { logFilePath: '/var/log/mail.log' })))).toEqual([])
  })

  it('should map a relayed transaction', () => {
    const d = json(transactionToEcs(byId('mx1/postfix/4E5F607182'), { logFilePath: '/var/log/mail.log' }))
    expect(d).toMatchObject({
      '@timestamp': '2025-03-01T20:00:00+00:00',
      event: {
        action: 'delivered',
        outcome: 'success',
        dataset: 'maillog.transaction',
        start: '2025-03-01T20:00:00+00:00',
        end: '2025-03-01T20:00:01+00:00',
        duration: 1e9,
      },
      host: { name: 'mx1' },
      log: { file: { path: '/var/log/mail.log' } },
      source: { ip: '198.51.100.50', domain: 'mail.example.com' },
      destination: { ip: '192.0.2.2', domain: 'relay1.example.org', port: 25 },
      email: {
        from: { address: 'zed@example.com' },
        to: { address: ['bob@example.org'] },
        message_id: 'm8@example.com',
        local_id: '4E5F607182',
        direction: 'inbound',
        delivery_timestamp: '2025-03-01T20:00:01+00:00',
      },
      maillog: {
        type: 'transaction',
        id: 'mx1/postfix/4E5F607182',
        complete: true,
        next: ['relay1/postfix-in/4QzXk12mNbz9Tv'],
        recipients: [{ to: 'bob@example.org', status: 'sent', queued_as: '4QzXk12mNbz9Tv' }],
      },
    })
  })

  it('should put original and rejected recipients in email.to.address', () => {
    const local = json(transactionToEcs(byId('store1/postfix/5F60718293')))
    expect(local.email).toMatchObject({ to: { address: ['bob@store1.example.org', 'bob@example.org'] } })
    expect(local).not.toHaveProperty('destination')
    const rejected = json(transactionToEcs(byId('mx1/postfix/B425364758')))
    expect(rejected).toMatchObject({
      email: { to: { address: ['nobody@example.org'] } },
      event: { action: 'rejected', outcome: 'failure' },
      source: { address: '203.0.113.6', ip: '203.0.113.6' },
    })
    expect(rejected.source).not.toHaveProperty('domain')
  })

  it('should sum up how a transaction ended', () => {
    const dispositions = Object.fromEntries(corpusTransactions.map((t) => [t.id, transactionDisposition(t)]))
    expect(dispositions['mx1/postfix/0A1B2C3D4E']).toBe('expired')
    expect(dispositions['mx1/postfix/C536475869']).toBe('removed')
    expect(dispositions['mx1/postfix/8192031425']).toBe('rejected')
    const t = byId('mx1/postfix/4E5F607182')
    const deferred = { ...t, recipients: [{ ...t.recipients[0]!, status: 'deferred' as const }] }
    expect(transactionDisposition(deferred)).toBe('deferred')
    const partly = {
      ...t,
      recipients: [...t.recipients, { ...t.recipients[0]!, to: 'x@example.org', status: 'bounced' as const }],
    }
    expect(transactionDisposition(partly)).toBe('partially-delivered')
    expect(transactionDisposition({ ...t, recipients: [], complete: false })).toBe('queued')
  })

  it('should mark bounce notices and local submissions as outbound', () => {
    expect(transactionToEcs(byId('mx1/postfix/1B2C3D4E5F')).email?.direction).toBe('outbound')
    expect(json(transactionToEcs(byId('mx1/postfix/1B2C3D4E5F'))).maillog).toMatchObject({
      bounce_of: '0A1B2C3D4E',
    })
    expect(transactionToEcs(byId('mx1/postfix/0A1B2C3D4E')).related?.user).toEqual(['1000'])
  })
})

describe('isIpAddress', () => {
  it('should accept IPv4 and IPv6 and nothing else', () => {
    for (const ip of ['192.0.2.1', '::1', '2001:db8::1', '::ffff:192.0.2.1', 'fe80::1:2:3:4'])
      expect(isIpAddress(ip)).toBe(true)
    for (const s of [
      'unknown',
      'private/dovecot-lmtp',
      '256.1.1.1',
      '1.2.3',
      '2001:db8:::1',
      ':',
      'a:b:c:g::1',
      '',
    ])
      expect(isIpAddress(s)).toBe(false)
  })
})

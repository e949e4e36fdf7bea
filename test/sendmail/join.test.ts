import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { caseEvents } from '../../src/corpus.js'
import type { MailEvent, SendmailTo } from '../../src/events/index.js'
import { parseLines } from '../../src/parse.js'
import { createSendmailJoiner, joinSendmailParts } from '../../src/sendmail/join.js'

const opts = { year: 2025, zone: 'UTC' } as const
const parse = (lines: readonly string[]): MailEvent[] => parseLines(lines.join('\n') + '\n', opts)
const Q = '521CK00e006001'
const tail =
  ', delay=00:00:03, mailer=esmtp, pri=1, relay=mx.example. [198.51.100.30], dsn=2.0.0, stat=Sent (Ok)'

describe('joinSendmailParts', () => {
  it('should merge a 40-recipient to= list logged with [more] into one event', async () => {
    const events = caseEvents(await readFile('corpus/sendmail/to-more.log', 'utf8'))
    expect(events).toHaveLength(3)
    const joined = joinSendmailParts(events)
    expect(joined).toHaveLength(1)
    const to = joined[0] as SendmailTo
    expect(to.type).toBe('sendmail.to')
    expect(to.recipients).toHaveLength(40)
    expect(to.recipients[0]).toBe('user01@lists.example.org')
    expect(to.recipients[39]).toBe('user40@lists.example.org')
    expect(new Set(to.recipients).size).toBe(40)
    expect(to.more).toBeUndefined()
    expect(to.line).toBe(events[0]!.line)
    expect(to.lastLine).toBe(events[2]!.line)
    expect(to.status).toBe('sent')
  })
  it('should reassemble QID[n] parts and parse the whole message', async () => {
    const events = caseEvents(await readFile('corpus/sendmail/split-parts.log', 'utf8'))
    const joined = joinSendmailParts(events)
    expect(joined.map((e) => e.type)).toEqual([
      'sendmail.from',
      'sendmail.reject',
      'sendmail.starttls',
      'sendmail.part',
    ])
    expect(joined[0]).toMatchObject({
      type: 'sendmail.from',
      queueId: '521CU00o007001',
      from: 'list-bounces@lists.example.org',
      nrcpts: 40,
      relay: { hostname: 'lists.example.org', ip: '198.51.100.40' },
      line: events[0]!.line,
      lastLine: events[1]!.line,
    })
    expect(joined[1]).toMatchObject({ ruleset: 'check_relay', code: 554, dsn: '5.7.1', arg2: '203.0.113.66' })
    expect(joined[2]).toMatchObject({ side: 'client', verify: 'OK', bits: 256 })
  })
  it('should join parts per process while other lines come in between', () => {
    const events = parse([
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[1]: to=<a@x>,<b@x>,  ...`,
      'Mar  1 12:30:00 mx1 sm-mta[2]: 521CU00o007002: from=<z@y>, size=1, class=0, nrcpts=1, relay=h [192.0.2.1]',
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[2]: <c@x>, [more]${tail}`,
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}: to=<d@x>${tail}`,
    ])
    const joined = joinSendmailParts(events)
    expect(joined.map((e) => e.type)).toEqual(['sendmail.from', 'sendmail.to'])
    expect((joined[1] as SendmailTo).recipients).toEqual(['a@x', 'b@x', 'c@x', 'd@x'])
    expect(joined[1]).toMatchObject({ line: 1, lastLine: 4 })
  })
  it('should pass events through unchanged when nothing is split', () => {
    const events = parse([
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}: to=<d@x>${tail}`,
      'Mar  1 12:30:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed',
      'not a syslog line',
    ])
    expect(joinSendmailParts(events)).toEqual(events)
  })
  it('should give up broken groups as they were read', () => {
    const events = parse([
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[1]: from=<a@x>, size=1,  ...`,
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[3]: lost`,
      `Mar  1 12:30:01 mx1 sm-mta[1]: ${Q}: to=<e@x>, [more]${tail}`,
    ])
    const joined = joinSendmailParts(events)
    expect(joined.map((e) => e.type)).toEqual(['sendmail.part', 'sendmail.part', 'sendmail.to'])
    expect(joined[2]).toMatchObject({ recipients: ['e@x'], more: true })
  })
  it('should start over when a new part 1 comes for the same process', () => {
    const events = parse([
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[1]: from=<a@x>, size=1,  ...`,
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[1]: from=<a@x>, size=2,  ...`,
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}[2]: class=0, nrcpts=1, relay=h [192.0.2.1]`,
    ])
    const joined = joinSendmailParts(events)
    expect(joined.map((e) => e.type)).toEqual(['sendmail.part', 'sendmail.from'])
    expect(joined[1]).toMatchObject({ size: 2, line: 2, lastLine: 3 })
  })
  it('should stream: hold open groups, emit on completion, flush the rest', () => {
    const [a, b, c] = parse([
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}: to=<a@x>, [more]${tail}`,
      `Mar  1 12:30:00 mx1 sm-mta[1]: ${Q}: to=<b@x>${tail}`,
      `Mar  1 12:30:00 mx1 sm-mta[9]: ${Q}[1]: from=<a@x>, size=1,  ...`,
    ])
    const j = createSendmailJoiner()
    expect(j.push(a!)).toEqual([])
    expect(j.push(b!)).toMatchObject([{ recipients: ['a@x', 'b@x'] }])
    expect(j.push(c!)).toEqual([])
    expect(j.flush()).toEqual([c])
    expect(j.flush()).toEqual([])
  })
})

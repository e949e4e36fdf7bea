import { describe, expect, it } from 'vitest'
import { amavisFamily } from '../../src/amavis/index.js'
import type { AmavisResult } from '../../src/events/index.js'
import { parseLines } from '../../src/parse.js'

const opts = { year: 2025, zone: 'UTC' } as const
const line = (msg: string) => `Mar  4 10:15:02 mta1 amavis[3301]: (03301-07) ${msg}`
const one = (msg: string) => parseLines(line(msg), opts)[0] as AmavisResult

describe('amavis.result', () => {
  it('should read a 2.7+ line', () => {
    expect(
      one(
        'Passed CLEAN {RelayedInbound}, [192.0.2.1]:40214 [192.0.2.1] <a@b> -> <c@d>,<e@f>, Queue-ID: 4F1A2B3C01, Message-ID: <x@y>, mail_id: abc, Hits: -1.2, size: 2413, queued_as: 5A6B7C8D90, 312 ms',
      ),
    ).toMatchObject({
      type: 'amavis.result',
      logId: '03301-07',
      disposition: 'Passed',
      category: 'CLEAN',
      actions: ['RelayedInbound'],
      client: { ip: '192.0.2.1', port: 40214 },
      origin: '192.0.2.1',
      from: 'a@b',
      recipients: ['c@d', 'e@f'],
      queueId: '4F1A2B3C01',
      messageId: 'x@y',
      mailId: 'abc',
      hits: -1.2,
      size: 2413,
      queuedAs: ['5A6B7C8D90'],
      elapsed: 312,
    })
  })
  it('should read an IPv6 client, a quoted local part holding > and a keyword inside a value', () => {
    const e = one(
      'Passed CLEAN {RelayedInbound}, [2001:db8::1]:25 <"a>, Hits: b"@x.example> -> <c@d>, Message-ID: <weird, size: 1@x>, mail_id: m1, Hits: -, size: 10, 5 ms',
    )
    expect(e).toMatchObject({
      client: { ip: '2001:db8::1', port: 25 },
      from: '"a>, Hits: b"@x.example',
      messageId: 'weird, size: 1@x',
      size: 10,
      elapsed: 5,
    })
    expect(e.hits).toBeUndefined()
  })
  it('should not let a line it refused disturb the next one (moo queued token)', () => {
    const events = parseLines(
      [
        line('Passed, <a@b> -> <c@d>, quarantine X1, Message-ID: <m@x>,'),
        line(
          'Passed CLEAN {RelayedInbound}, [192.0.2.1]:1 <a@b> -> <c@d>, quarantine: q1, Queue-ID: Q1, Message-ID: <m@x>, mail_id: M, Hits: 1, size: 2, 3 ms',
        ),
      ].join('\n'),
      opts,
    )
    expect(events[0]!.type).toBe('amavis.unrecognized')
    expect(events[1]).toMatchObject({ quarantine: ['q1'], queueId: 'Q1', messageId: 'm@x' })
  })
  it('should claim amavis program names and nothing else', () => {
    for (const p of [
      'amavis',
      'amavisd',
      'amavisd-new',
      '/usr/sbin/amavisd',
      '/usr/local/sbin/amavisd-new',
    ]) {
      expect(amavisFamily.claim(p)).toBe(true)
    }
    for (const p of ['clamd', 'spamd', 'postfix/amavis/smtp', 'amavisd-milter'])
      expect(amavisFamily.claim(p)).toBeUndefined()
  })
})

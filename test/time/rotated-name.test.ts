import { describe, expect, it } from 'vitest'
import { anchorsFromFileName, compareRotatedNames, parseRotatedName } from '../../src/time/rotated-name.js'

describe('parseRotatedName', () => {
  it('should read numbered, dated and live names', () => {
    expect(parseRotatedName('maillog')).toEqual({ base: 'maillog' })
    expect(parseRotatedName('/var/log/maillog.1')).toEqual({ base: 'maillog', index: 1 })
    expect(parseRotatedName('maillog.2.gz')).toEqual({ base: 'maillog', index: 2, compression: 'gz' })
    expect(parseRotatedName('maillog-20250107.gz')).toEqual({
      base: 'maillog',
      date: { year: 2025, month: 1, day: 7 },
      compression: 'gz',
    })
    expect(parseRotatedName('mail.log-20240101')).toEqual({
      base: 'mail.log',
      date: { year: 2024, month: 1, day: 1 },
    })
    expect(parseRotatedName('mailbox.log.2020-09-29.gz')).toEqual({
      base: 'mailbox.log',
      date: { year: 2020, month: 9, day: 29 },
      compression: 'gz',
    })
    expect(parseRotatedName('maillog-2025010712.xz')).toMatchObject({
      date: { year: 2025, month: 1, day: 7, hour: 12 },
    })
  })
  it('should not take impossible dates for dates', () => {
    expect(parseRotatedName('maillog-20250230')).toEqual({ base: 'maillog-20250230' })
    expect(parseRotatedName('maillog.12345678')).toEqual({ base: 'maillog.12345678' })
  })
})

describe('anchorsFromFileName', () => {
  it('should bound the file by the end of the day in its name, in the given zone', () => {
    expect(anchorsFromFileName('maillog-20250107.gz', 'UTC')).toEqual([
      {
        kind: 'rotatedName',
        bound: 'notAfter',
        epochMs: Date.parse('2025-01-08T00:00:00Z'),
        note: 'maillog-20250107.gz',
      },
    ])
    expect(anchorsFromFileName('/x/mailbox.log.2020-09-29.gz', 'Europe/Berlin')[0]!.epochMs).toBe(
      Date.parse('2020-09-29T22:00:00Z'),
    )
    expect(anchorsFromFileName('maillog.1')).toEqual([])
  })
})

describe('compareRotatedNames', () => {
  it('should order a rotated set oldest first', () => {
    const names = [
      'maillog',
      'maillog.1',
      'maillog.2.gz',
      'maillog-20250107.gz',
      'maillog-20241231.gz',
      'maillog.10.gz',
    ]
    expect([...names].sort(compareRotatedNames)).toEqual([
      'maillog-20241231.gz',
      'maillog-20250107.gz',
      'maillog.10.gz',
      'maillog.2.gz',
      'maillog.1',
      'maillog',
    ])
    const zimbra = ['mailbox.log', 'mailbox.log.2020-09-29.gz', 'mailbox.log.2020-09-28.gz']
    expect([...zimbra].sort(compareRotatedNames)).toEqual([
      'mailbox.log.2020-09-28.gz',
      'mailbox.log.2020-09-29.gz',
      'mailbox.log',
    ])
  })
})

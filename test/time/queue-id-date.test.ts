import { describe, expect, it } from 'vitest'
import { sendmailQueueIdAnchor, sendmailQueueIdTime } from '../../src/time/queue-id-date.js'
import { run, stamp } from './helpers.js'

describe('sendmailQueueIdTime', () => {
  it('should decode the creation time, the year nearest the given one', () => {
    expect(new Date(sendmailQueueIdTime('u0TGhZEe012345', 2025)!).toISOString()).toBe(
      '2016-01-29T16:43:35.000Z',
    )
    // Year 2024 is 124 since 1900: 124 % 60 = 4.
    expect(new Date(sendmailQueueIdTime('4BV0000a123456', 2025)!).toISOString()).toBe(
      '2024-12-31T00:00:00.000Z',
    )
    expect(new Date(sendmailQueueIdTime('4BV0000a123456', 2060)!).getUTCFullYear()).toBe(2084)
  })
  it('should not decode ids of other layouts or impossible dates', () => {
    expect(sendmailQueueIdTime('3F4A92C1B', 2025)).toBeUndefined()
    expect(sendmailQueueIdTime('4C10000a123456', 2025)).toBeUndefined() // month 12
    expect(sendmailQueueIdTime('41U0000a123456', 2025)).toBeUndefined() // Feb 30
  })
})

describe('sendmailQueueIdAnchor', () => {
  it('should fix the year of the line that logs the id, across New Year', () => {
    // Created 2024-12-31T23:59:00Z, logged in Berlin at 00:59:30 on Jan 1.
    const a = sendmailQueueIdAnchor('4BVNx0aa123456', stamp('Jan  1 00:59:30'), 'Europe/Berlin', 2026)
    expect(a).toMatchObject({ kind: 'reference', year: 2025 })
    const { times } = run(
      [
        { stamp: 'Dec 31 23:00:00', source: 'maillog' },
        { stamp: 'Jan  1 00:59:30', source: 'maillog' },
      ],
      { zone: 'Europe/Berlin', now: '2026-08-01T00:00:00Z' },
      { maillog: { anchors: [a!] } },
    )
    expect(times.map((t) => [t.year, t.yearSource])).toEqual([
      [2024, 'reference'],
      [2025, 'reference'],
    ])
  })
})

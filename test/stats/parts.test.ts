import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addValue, createHistogram, percentiles } from '../../src/stats/histogram.js'
import { leadingCode, rejectReason, responseReason, stripCodes } from '../../src/stats/reason.js'
import { bump, createTable, isApproximate, top } from '../../src/stats/table.js'

describe('table', () => {
  it('should keep exact counts while under the cap', () => {
    const t = createTable(['count', 'bytes'], 100, 'bytes')
    for (let i = 0; i < 60; i++) {
      bump(t, `k${i % 30}`, 0, 1)
      bump(t, `k${i % 30}`, 1, i)
    }
    expect(isApproximate(t)).toBe(false)
    expect(t.rows.size).toBe(30)
    expect(top(t, 'count', 2)).toEqual([
      { key: 'k0', count: 2, bytes: 30 },
      { key: 'k1', count: 2, bytes: 32 },
    ])
    expect(top(t, 'bytes', 1)).toEqual([{ key: 'k29', count: 2, bytes: 88 }])
  })

  it('should keep heavy keys and the error bound when pruning', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 2000 }), (keys) => {
        const cap = 16
        const t = createTable(['count'], cap)
        const exact = new Map<number, number>()
        for (const k of keys) {
          bump(t, String(k), 0, 1)
          exact.set(k, (exact.get(k) ?? 0) + 1)
        }
        expect(t.rows.size).toBeLessThanOrEqual(cap)
        let kept = 0
        for (const [k, r] of t.rows) {
          const truth = exact.get(Number(k))!
          // Never more than the truth, never less than the truth minus the bound.
          expect(r[0]).toBeLessThanOrEqual(truth)
          expect(r[0]).toBeGreaterThanOrEqual(truth - t.maxDropped)
          kept += r[0]!
        }
        expect(kept + t.other[0]!).toBe(keys.length)
        if (!isApproximate(t)) expect(t.rows.size).toBe(exact.size)
      }),
    )
  })

  it('should reject a cap below 2', () => {
    expect(() => createTable(['count'], 1)).toThrow(/at least 2/)
  })
})

describe('histogram', () => {
  it('should give exact nearest-rank percentiles for values as Postfix logs them', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 999 }).map((n) => n / 100),
            fc.integer({ min: 10, max: 99 }).map((n) => n / 10),
            fc.integer({ min: 10, max: 999 }),
          ),
          { minLength: 1, maxLength: 300 },
        ),
        (values) => {
          const h = createHistogram()
          for (const v of values) addValue(h, v)
          const sorted = [...values].sort((a, b) => a - b)
          const rank = (p: number) => sorted[Math.ceil((p / 100) * sorted.length) - 1]
          const p = percentiles(h)
          expect(p.p50).toBe(rank(50))
          expect(p.p90).toBe(rank(90))
          expect(p.p99).toBe(rank(99))
          expect(p.max).toBe(sorted.at(-1))
          expect(p.count).toBe(values.length)
        },
      ),
    )
  })

  it('should stay within 0.5 % above 1000 s and keep the maximum exact', () => {
    const h = createHistogram()
    for (const v of [1832, 55175, 372639]) addValue(h, v)
    const p = percentiles(h)
    expect(p.p50).toBe(55200)
    expect(p.max).toBe(372639)
    expect(Math.abs(p.p50 - 55175) / 55175).toBeLessThan(0.005)
  })

  it('should ignore negative and non-numbers and report zeros when empty', () => {
    const h = createHistogram()
    addValue(h, -1)
    addValue(h, Number.NaN)
    expect(percentiles(h)).toEqual({ count: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 })
  })
})

describe('reasons', () => {
  it('should drop the leading address and mask addresses, IPs and URLs', () => {
    expect(rejectReason('<x@example.com>: Relay access denied')).toBe('Relay access denied')
    expect(rejectReason('<unknown[203.0.113.10]>: Client host rejected: Access denied')).toBe(
      'Client host rejected: Access denied',
    )
    expect(
      rejectReason(
        'Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.9',
      ),
    ).toBe('Service unavailable; Client host [*] blocked using zen.spamhaus.org; <url>')
    expect(rejectReason('Sender address rejected: not owned by user alice@example.org')).toBe(
      'Sender address rejected: not owned by user <*>',
    )
    expect(rejectReason('Client host rejected: cannot find your hostname, [2001:db8::23]')).toBe(
      'Client host rejected: cannot find your hostname, [*]',
    )
    expect(rejectReason('TLS library problem: error:0A000412:SSL routines::sslv3 alert')).toBe(
      'TLS library problem: error:0A000412:SSL routines::sslv3 alert',
    )
    expect(rejectReason('x'.repeat(300))).toHaveLength(100)
  })

  it('should reduce a remote reply to its text', () => {
    expect(
      responseReason(
        'host mx.example.net[198.51.100.7] said: 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      ),
    ).toBe('<*>: Recipient address rejected: User unknown')
    expect(responseReason('connect to mx.example.net[198.51.100.7]:25: Connection timed out')).toBe(
      'connect to *: Connection timed out',
    )
    expect(responseReason('delivered to mailbox')).toBe('delivered to mailbox')
    expect(responseReason('')).toBe('(none)')
  })

  it('should split SMTP codes from a text', () => {
    expect(leadingCode('550 5.7.1 Spam subject')).toBe(550)
    expect(leadingCode('5.7.1 Virus found')).toBeUndefined()
    expect(stripCodes('550 5.7.1 Spam subject')).toBe('Spam subject')
    expect(stripCodes('5.7.1 Virus found')).toBe('Virus found')
  })
})

import { describe, expect, it } from 'vitest'
import { createParser } from '../../src/parse.js'

const parse = (message: string) =>
  createParser({ year: 2025, zone: 'UTC' }).parse(`Mar  1 12:00:00 mx1 postfix/smtpd[7]: ${message}`, 1)

describe('smtpd disconnect', () => {
  it('should read the command counters', () => {
    const e = parse(
      'disconnect from a.example[192.0.2.1] ehlo=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=3/5',
    )
    expect(e.type).toBe('postfix.smtpd.disconnect')
    if (e.type !== 'postfix.smtpd.disconnect') return
    expect(e.counts).toEqual({
      ehlo: { ok: 1, total: 1 },
      mail: { ok: 1, total: 1 },
      rcpt: { ok: 0, total: 1 },
      data: { ok: 0, total: 1 },
      quit: { ok: 1, total: 1 },
    })
    expect(e.commands).toEqual({ ok: 3, total: 5 })
  })
  it('should not let a counter name reach the prototype', () => {
    for (const name of ['__proto__', 'a_b', 'x.y', '']) {
      const e = parse(`disconnect from a.example[192.0.2.1] ehlo=1 ${name}=1 commands=2`)
      expect(e.type).toBe('postfix.unrecognized')
      expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    }
  })
})

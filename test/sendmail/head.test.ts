import { describe, expect, it } from 'vitest'
import {
  isSendmailProgram,
  isSendmailQueueId,
  readSendmailPrefix,
  sendmailQueueIdDate,
  sendmailQueueIdPrefix,
} from '../../src/sendmail/head.js'

describe('sendmail head', () => {
  it('should claim Sendmail program names and nothing else', () => {
    for (const p of ['sendmail', 'sm-mta', 'sm-msp-queue', 'sm-acceptingconnections', 'sm-mta-rx']) {
      expect(isSendmailProgram(p), p).toBe(true)
    }
    for (const p of [
      'postfix/sendmail',
      'sendmail-foo',
      'sm',
      'sm-',
      'smtpd',
      'sm-MTA',
      'sm-notify',
      'sshd',
    ]) {
      expect(isSendmailProgram(p), p).toBe(false)
    }
  })
  it('should recognize queue ids of 14 characters and more for large PIDs', () => {
    const ok = (s: string) => isSendmailQueueId(s, 0, s.length)
    expect(ok('521C01ab012345')).toBe(true)
    expect(ok('t4S4FI7E001499')).toBe(true)
    expect(ok('xA32R2PQ3529566')).toBe(true)
    expect(ok('NOQUEUE')).toBe(false)
    expect(ok('3F4A92C1B')).toBe(false)
    expect(ok('5C1C01ab012345')).toBe(false) // month 12 does not exist
    expect(ok('520C01ab012345')).toBe(false) // day 0
    expect(ok('521O01ab012345')).toBe(false) // hour 24
    expect(ok('521C01ab01234x')).toBe(false)
  })
  it('should decode the UTC date of a queue id', () => {
    expect(sendmailQueueIdDate('521C01ab012345')).toEqual({
      year: 2025,
      yearMod60: 5,
      month: 3,
      day: 1,
      hour: 12,
      minute: 0,
      second: 1,
    })
    expect(sendmailQueueIdDate('t4S4FI7E001499')).toMatchObject({ year: 2015, month: 5, day: 28, hour: 4 })
    expect(sendmailQueueIdDate('21QBRGdX006005')).toMatchObject({ year: 2022, month: 2, day: 26, hour: 11 })
    expect(sendmailQueueIdDate('NOQUEUE')).toBeUndefined()
  })
  it('should pick the year candidate from a reference year', () => {
    // 'x' = 59: 1959, 2019, 2079
    expect(sendmailQueueIdDate('x2TMXH7Y023221')?.year).toBe(2019)
    expect(sendmailQueueIdDate('x2TMXH7Y023221', 2017)?.year).toBe(1959)
    expect(sendmailQueueIdDate('x2TMXH7Y023221', 2018)?.year).toBe(2019)
    expect(sendmailQueueIdDate('x2TMXH7Y023221', 2025)?.year).toBe(2019)
    expect(sendmailQueueIdDate('521C01ab012345', 2024)?.year).toBe(2025) // UTC id ahead at New Year
    expect(sendmailQueueIdDate('521C01ab012345', 2023)?.year).toBe(1965)
    expect(sendmailQueueIdDate('521C01ab012345', 2090)?.year).toBe(2085)
  })
  it('should round-trip dates through the id prefix', () => {
    for (const iso of ['2001-01-01T00:00:00Z', '2025-12-31T23:59:59Z', '2049-02-28T12:34:56Z']) {
      const d = new Date(iso)
      const got = sendmailQueueIdDate(`${sendmailQueueIdPrefix(d)}AA000001`)!
      expect(Date.UTC(got.year, got.month - 1, got.day, got.hour, got.minute, got.second)).toBe(d.getTime())
    }
  })
  it('should read queue id, NOQUEUE, part and NOQID prefixes', () => {
    expect(readSendmailPrefix('521C01ab012345: to=<a>, stat=Sent')).toEqual({
      queueId: '521C01ab012345',
      noqueue: false,
      body: 'to=<a>, stat=Sent',
    })
    expect(readSendmailPrefix('NOQUEUE: connect from x')).toEqual({ noqueue: true, body: 'connect from x' })
    expect(readSendmailPrefix('521C01ab012345[2]: rest')).toEqual({
      queueId: '521C01ab012345',
      noqueue: false,
      part: 2,
      body: 'rest',
    })
    expect(readSendmailPrefix('NOQUEUE[1]: a ...')).toEqual({ noqueue: true, part: 1, body: 'a ...' })
    expect(readSendmailPrefix('[1]: STARTTLS=client ...')).toEqual({
      noqueue: false,
      part: 1,
      body: 'STARTTLS=client ...',
    })
    expect(readSendmailPrefix('STARTTLS=server, relay=x')).toEqual({
      noqueue: false,
      body: 'STARTTLS=server, relay=x',
    })
    expect(readSendmailPrefix('[192.0.2.1]: expn root').part).toBeUndefined()
    expect(readSendmailPrefix('Milter: data, discard').queueId).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import {
  findQueuedAs,
  parseDelays,
  parseEndpoint,
  parseReply,
  parseWhatsup,
} from '../../src/postfix/fields.js'
import { isQueueId, postfixProgram, readPostfixPrefix } from '../../src/postfix/head.js'

describe('postfix fields', () => {
  it('should parse endpoints with and without port, IPv6 and empty host', () => {
    expect(parseEndpoint('mx[198.51.100.7]:25')).toEqual({ hostname: 'mx', ip: '198.51.100.7', port: 25 })
    expect(parseEndpoint('unknown[2001:db8::1]')).toEqual({ hostname: 'unknown', ip: '2001:db8::1' })
    expect(parseEndpoint('[192.0.2.1]:51234')).toEqual({ hostname: '', ip: '192.0.2.1', port: 51234 })
    expect(parseEndpoint('no brackets')).toBeUndefined()
  })
  it('should parse space- and comma-separated client tails, with quoted local parts', () => {
    expect(parseWhatsup('from=<"a b"@ex> to=<c@d> proto=ESMTP helo=<h x>')).toEqual({
      from: '"a b"@ex',
      to: 'c@d',
      proto: 'ESMTP',
      helo: 'h x',
    })
    expect(parseWhatsup('from=<a@b>, to=<c@d>, proto=ESMTP, helo=<h>')).toEqual({
      from: 'a@b',
      to: 'c@d',
      proto: 'ESMTP',
      helo: 'h',
    })
    expect(parseWhatsup('from=<> to=<c@d> sasl_username=u@d')).toEqual({
      from: '',
      to: 'c@d',
      saslUsername: 'u@d',
    })
  })
  it('should split replies', () => {
    expect(parseReply('450 4.7.1 Try later')).toEqual({ code: 450, dsn: '4.7.1', text: 'Try later' })
    expect(parseReply('5.7.1 Spam')).toEqual({ dsn: '5.7.1', text: 'Spam' })
    expect(parseReply('too many connections')).toEqual({ text: 'too many connections' })
  })
  it('should find the next hop queue id', () => {
    expect(findQueuedAs('250 2.0.0 Ok: queued as 4XyZ9abc')).toBe('4XyZ9abc')
    expect(
      findQueuedAs('250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as ABC123DEF'),
    ).toBe('ABC123DEF')
    expect(findQueuedAs('forwarded as 3F4A92C1B')).toBe('3F4A92C1B')
    expect(findQueuedAs('250 2.0.0 521C01ab012345 Message accepted for delivery')).toBe('521C01ab012345')
    expect(findQueuedAs('250 OK id=1tXyZa-000Abc-12')).toBe('1tXyZa-000Abc-12')
    expect(findQueuedAs('delivered to mailbox')).toBeUndefined()
    expect(findQueuedAs('250 2.7.0 Ok, discarded, id=36390-05 - spam')).toBeUndefined()
  })
  it('should split delays', () => {
    expect(parseDelays('0.1/0/0.5/0.6')).toEqual({
      beforeQueue: 0.1,
      inQueue: 0,
      connection: 0.5,
      transmission: 0.6,
    })
    expect(parseDelays('1/2/3')).toBeUndefined()
  })
})

describe('postfix head', () => {
  it('should split program names', () => {
    expect(postfixProgram('postfix/submission/smtpd')).toEqual({
      instance: 'postfix',
      service: 'submission',
      daemon: 'smtpd',
    })
    expect(postfixProgram('postfix-out/smtp')).toEqual({ instance: 'postfix-out', daemon: 'smtp' })
    expect(postfixProgram('mailout/smtp')).toEqual({ instance: 'mailout', daemon: 'smtp' })
    expect(postfixProgram('postfix')).toEqual({ instance: 'postfix', daemon: 'postfix' })
    expect(postfixProgram('sshd')).toBeUndefined()
    expect(postfixProgram('amavis/foo')).toBeUndefined()
  })
  it('should recognize short and long queue ids', () => {
    const q = (s: string) => isQueueId(s, 0, s.length)
    expect(q('3F4A92C1B')).toBe(true)
    expect(q('4Xq9Kj2mNHz3Tb')).toBe(true)
    expect(q('3mPVKl0Mhjz7sXv')).toBe(true)
    expect(q('warning')).toBe(false)
    expect(q('ABCDE')).toBe(false)
    expect(q('statistics')).toBe(false)
  })
  it('should read severity before or after the queue id, but not a cleanup warning action', () => {
    expect(readPostfixPrefix('warning: 3F4A92C1B: x')).toMatchObject({
      severity: 'warning',
      queueId: '3F4A92C1B',
      body: 'x',
    })
    expect(readPostfixPrefix('3F4A92C1B: warning: x')).toMatchObject({
      severity: 'warning',
      queueId: '3F4A92C1B',
      body: 'x',
    })
    expect(readPostfixPrefix('3F4A92C1B: warning: header Subject: x from local;')).toMatchObject({
      severity: undefined,
      body: 'warning: header Subject: x from local;',
    })
    expect(readPostfixPrefix('NOQUEUE: reject: x')).toMatchObject({
      noqueue: true,
      queueId: undefined,
      body: 'reject: x',
    })
    expect(readPostfixPrefix('fatal:')).toMatchObject({ severity: 'fatal', body: '' })
  })
})

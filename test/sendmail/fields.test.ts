import { describe, expect, it } from 'vitest'
import {
  parseSendmailDelay,
  parseSendmailPeer,
  splitKeys,
  splitRecipients,
} from '../../src/sendmail/fields.js'

describe('sendmail fields', () => {
  it('should parse [D+]HH:MM:SS delays into seconds', () => {
    expect(parseSendmailDelay('00:00:00')).toBe(0)
    expect(parseSendmailDelay('00:00:02')).toBe(2)
    expect(parseSendmailDelay('01:02:03')).toBe(3723)
    expect(parseSendmailDelay('1+02:03:04')).toBe(93784)
    expect(parseSendmailDelay('12+00:00:00')).toBe(12 * 86400)
    expect(parseSendmailDelay('100:00:00')).toBe(360000)
  })
  it('should refuse delays that are not pintvl output', () => {
    expect(parseSendmailDelay('')).toBeUndefined()
    expect(parseSendmailDelay('00:00')).toBeUndefined()
    expect(parseSendmailDelay('1 day')).toBeUndefined()
    expect(parseSendmailDelay('-1:00:00')).toBeUndefined()
    expect(parseSendmailDelay('+00:00:01')).toBeUndefined()
  })
  it('should parse peers with user, address literal, IPv6 and (may be forged)', () => {
    expect(parseSendmailPeer('mail.example.org [192.0.2.10]')).toEqual({
      relay: { hostname: 'mail.example.org', ip: '192.0.2.10' },
      relayText: 'mail.example.org [192.0.2.10]',
    })
    expect(parseSendmailPeer('[203.0.113.7] (may be forged)')).toEqual({
      relay: { hostname: 'unknown', ip: '203.0.113.7' },
      relayText: '[203.0.113.7] (may be forged)',
      mayBeForged: true,
    })
    expect(parseSendmailPeer('[127.0.0.1] [127.0.0.1]').relay).toEqual({
      hostname: 'unknown',
      ip: '127.0.0.1',
    })
    expect(parseSendmailPeer('ident@host.example [198.51.100.21]').relay).toEqual({
      hostname: 'host.example',
      ip: '198.51.100.21',
    })
    expect(parseSendmailPeer('h.example [IPv6:2001:db8::25]').relay).toEqual({
      hostname: 'h.example',
      ip: '2001:db8::25',
    })
    expect(parseSendmailPeer('root@localhost')).toEqual({ relayText: 'root@localhost' })
    expect(parseSendmailPeer('mx.example.net.')).toEqual({ relayText: 'mx.example.net.' })
  })
  it('should split recipient lists outside quotes and brackets', () => {
    expect(splitRecipients('<a@example.org>')).toEqual(['a@example.org'])
    expect(splitRecipients('<a@example.org>,b@example.org,root')).toEqual([
      'a@example.org',
      'b@example.org',
      'root',
    ])
    expect(splitRecipients('<"Doe, Jane"@example.net>,<c@d>')).toEqual(['"Doe, Jane"@example.net', 'c@d'])
    expect(splitRecipients('"x\\"y, z"@example.net')).toEqual(['"x\\"y, z"@example.net'])
    expect(splitRecipients('')).toEqual([])
  })
  it('should split key lists only at known keys', () => {
    const v = splitKeys('a@b, size=12, odd, note=x, relay=h [192.0.2.1], x=y', 0, new Set(['size', 'relay']))
    expect(Object.fromEntries(v)).toEqual({ '': 'a@b', size: '12, odd, note=x', relay: 'h [192.0.2.1], x=y' })
    const s = splitKeys('to=a, dsn=5.0.0, stat=x, dsn=9', 3, new Set(['dsn', 'stat']))
    expect(Object.fromEntries(s)).toEqual({ '': 'a', dsn: '5.0.0', stat: 'x, dsn=9' })
  })
})

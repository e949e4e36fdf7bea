import { describe, expect, it } from 'vitest'
import { sendmailQueuedAs, sendmailStatus, statResponse } from '../../src/sendmail/to.js'

describe('sendmail delivery status', () => {
  it('should take the class of the DSN code when there is one', () => {
    expect(sendmailStatus('Sent (Ok)', '2.0.0')).toBe('sent')
    expect(sendmailStatus('Please try again later', '4.7.1')).toBe('deferred')
    expect(sendmailStatus('Deferred: Connection refused by mx.example.', '4.0.0')).toBe('deferred')
    expect(sendmailStatus('User unknown', '5.1.1')).toBe('bounced')
    expect(sendmailStatus('Sent', '5.0.0')).toBe('bounced')
  })
  it('should read the stat text without a DSN code', () => {
    expect(sendmailStatus('Sent')).toBe('sent')
    expect(sendmailStatus('Sent (250 ok)')).toBe('sent')
    expect(sendmailStatus('Deferred: Connection timed out with mx.example.')).toBe('deferred')
    expect(sendmailStatus('queued')).toBe('deferred')
    expect(sendmailStatus('quarantined')).toBe('deferred')
    expect(sendmailStatus('tempfail: trying next host')).toBe('deferred')
    expect(sendmailStatus('User unknown')).toBe('bounced')
    expect(sendmailStatus('Service unavailable')).toBe('bounced')
    expect(sendmailStatus('Host unknown (Name server: nx.example: host not found)')).toBe('bounced')
  })
  it('should take the response out of Sent ( … ) and Deferred:', () => {
    expect(statResponse('Sent (Ok: queued as 4XyZ9 (x))')).toBe('Ok: queued as 4XyZ9 (x)')
    expect(statResponse('Deferred: Connection refused by mx.example.')).toBe(
      'Connection refused by mx.example.',
    )
    expect(statResponse('Sent')).toBeUndefined()
    expect(statResponse('User unknown')).toBeUndefined()
  })
  it('should find the next hop queue id', () => {
    expect(sendmailQueuedAs('21QCF5O0011754 Message accepted for delivery')).toBe('21QCF5O0011754')
    expect(sendmailQueuedAs('xA32R2PQ3529566 Message accepted for delivery')).toBe('xA32R2PQ3529566')
    expect(sendmailQueuedAs('Ok: queued as DF657106C51')).toBe('DF657106C51')
    expect(sendmailQueuedAs('2.0.0 Ok: queued as 4XyZ9abc')).toBe('4XyZ9abc')
    expect(sendmailQueuedAs('OK id=1tXyZa-000Abc-12')).toBe('1tXyZa-000Abc-12')
    expect(sendmailQueuedAs('<a@b> delivered')).toBeUndefined()
  })
})

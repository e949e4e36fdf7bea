import { describe, expect, it } from 'vitest'
import { parseLines } from '../../src/parse.js'

const opts = { zone: 'UTC' } as const
const rec = (thread: string, ctx: string, cat: string, msg: string) =>
  `2024-03-04 10:15:02,481 INFO  [${thread}] [${ctx}] ${cat} - ${msg}`

describe('mailbox.log grammars', () => {
  it('should read the three Adding Message variants, LMTP or not', () => {
    const events = parseLines(
      [
        rec(
          'LmtpServer-1',
          'name=a@example.com;mid=3;',
          'mailop',
          'Adding Message: id=5, Message-ID=<m@x>, parentId=-1, folderId=2, folderName=Inbox.',
        ),
        rec(
          'LmtpServer-1',
          'name=a@example.com;mid=3;',
          'mailop',
          'Adding Message: id=6, Message-ID=<m@x>, parentId=4, folderId=2, folderName=Inbox acct=1-2-3.',
        ),
        rec(
          'qtp1-2',
          'name=a@example.com;mid=3;',
          'mailop',
          'Adding Message: id=7, sender=b@example.org, Message-ID=null, parentId=-1, folderId=5, folderName=My Sent, acct=1-2-3.',
        ),
      ].join('\n'),
      opts,
    )
    expect(events[0]).toMatchObject({
      type: 'zimbra.mailbox.lmtp-delivered',
      itemId: 5,
      mailboxId: 3,
      messageId: 'm@x',
      folderName: 'Inbox',
    })
    expect(events[1]).toMatchObject({
      type: 'zimbra.mailbox.lmtp-delivered',
      conversationId: 4,
      accountId: '1-2-3',
    })
    expect(events[2]).toMatchObject({
      type: 'zimbra.mailbox.message-added',
      sender: 'b@example.org',
      folderName: 'My Sent,',
    })
    expect(events[2]).toHaveProperty('messageId', undefined)
  })
  it('should read SMTP-style null senders and missing Message-IDs on the delivery line', () => {
    const [e] = parseLines(
      rec(
        'LmtpServer-2',
        'ip=10.0.0.2;',
        'lmtp',
        'Delivering message: size=unspecified, nrcpts=3, sender=, msgid=',
      ),
      opts,
    )
    expect(e).toMatchObject({
      type: 'zimbra.mailbox.lmtp-delivering',
      nrcpts: 3,
      sender: '',
      clientIp: '10.0.0.2',
    })
    expect(e).toHaveProperty('size', undefined)
    expect(e).toHaveProperty('messageId', undefined)
  })
  it('should leave an unknown message of a known category a generic record', () => {
    const [e] = parseLines(rec('LmtpServer-2', '', 'lmtp', 'Adding LMTP callback: com.example.Cb'), opts)
    expect(e).toMatchObject({
      type: 'zimbra.mailbox.record',
      category: 'lmtp',
      message: 'Adding LMTP callback: com.example.Cb',
    })
  })
  it('should take the client from the first oip, else ip', () => {
    const [a, b] = parseLines(
      [
        rec(
          'ImapServer-1',
          'ip=10.0.0.3;oip=198.51.100.7, 10.0.0.1;',
          'imap',
          'user a@b authenticated, mechanism=PLAIN',
        ),
        rec('ImapServer-1', 'ip=10.0.0.3;', 'imap', 'authentication failed for [a@b]'),
      ].join('\n'),
      opts,
    )
    expect(a).toMatchObject({ type: 'zimbra.mailbox.login', clientIp: '198.51.100.7', tls: false })
    expect(b).toMatchObject({ type: 'zimbra.mailbox.auth-failed', clientIp: '10.0.0.3', account: 'a@b' })
    expect(b).toHaveProperty('reason', undefined)
  })
  it('should read a proxied SOAP request whose reason lacks target=, and leave a cut one a record', () => {
    const [a, b] = parseLines(
      [
        rec(
          'qtp1-3',
          '',
          'soap',
          'Proxying request: requestedAccountId=1-2 authAcct name=a@b id=3-4 reason: isAlwaysOn=false server=x',
        ),
        rec('qtp1-3', '', 'soap', 'Proxying request: requestedAccountId=1-2 authAcct name=a@b'),
      ].join('\n'),
      opts,
    )
    expect(a).toMatchObject({
      type: 'zimbra.mailbox.soap-proxy',
      requestedAccountId: '1-2',
      authAccount: 'a@b',
      authAccountId: '3-4',
      reason: 'isAlwaysOn=false server=x',
    })
    expect(a).toHaveProperty('homeServer', undefined)
    expect(b).toMatchObject({ type: 'zimbra.mailbox.record' })
  })
  it('should leave mbxmgr lines of another state or shape a generic record', () => {
    const events = parseLines(
      [
        rec('main', '', 'mbxmgr', 'Mailbox 12 account 1-2 UNLOADED'),
        rec('main', '', 'mbxmgr', 'Mailbox x account 1-2 LOADED'),
        rec('main', '', 'mbxmgr', 'Mailbox for account 1-2 CREATED'),
        rec('main', '', 'mbxmgr', 'Mailbox 12 account  LOADED'),
      ].join('\n'),
      opts,
    )
    expect(events.map((e) => e.type)).toEqual([
      'zimbra.mailbox.record',
      'zimbra.mailbox.record',
      'zimbra.mailbox.record',
      'zimbra.mailbox.record',
    ])
  })
  it('should read an intercept line whose Message-ID holds " to "', () => {
    const [e] = parseLines(
      rec('LmtpServer-1', 'name=a@b;mid=3;', 'mailbox', 'Sending intercept of message <x to y@z> to w@v.'),
      opts,
    )
    expect(e).toMatchObject({ type: 'zimbra.mailbox.intercept', messageId: 'x to y@z', destination: 'w@v' })
  })
})

import { describe, expect, it } from 'vitest'
import { parseLines } from '../../src/parse.js'

const opts = { zone: 'UTC', year: 2024 } as const
const rec = (thread: string, ctx: string, cat: string, msg: string) =>
  `2024-03-04 10:15:02,481 INFO  [${thread}] [${ctx}] ${cat} - ${msg}`

describe('zimbra.log programs', () => {
  it('should leave saslauthd lines that are not auth_zimbra results unrecognized, and keep them whole', () => {
    const [e] = parseLines(
      'Mar  4 10:00:00 mta1 saslauthd[12]: do_auth         : auth failure: [user=bob]',
      opts,
    )
    expect(e).toMatchObject({
      type: 'zimbra.unrecognized',
      program: 'saslauthd',
      message: 'do_auth         : auth failure: [user=bob]',
    })
  })

  it('should read a zimbramon line without the level prefix as unrecognized', () => {
    const [e] = parseLines('Mar  4 10:00:00 mbox1 zimbramon[6828]: Starting mailbox via zmcontrol', opts)
    expect(e).toMatchObject({ type: 'zimbra.unrecognized', program: 'zimbramon' })
  })

  it('should split zmstat columns and values and tell running services apart', () => {
    const events = parseLines(
      [
        'Mar  4 10:41:00 mbox1 zimbramon[17392]: 17392:info: zmstat df.csv: timestamp, path, disk_use:: 03/04/2024 10:41:00, /opt, 41',
        'Mar  4 10:41:01 mbox1 zimbramon[17393]: 17393:info: 2024-03-04 10:41:00, STATUS: mbox1: mta: Stopped',
      ].join('\n'),
      opts,
    )
    expect(events[0]).toMatchObject({
      type: 'zimbra.zimbramon.stat',
      file: 'df.csv',
      columns: ['timestamp', 'path', 'disk_use'],
      values: ['03/04/2024 10:41:00', '/opt', '41'],
    })
    expect(events[1]).toMatchObject({ type: 'zimbra.zimbramon.status', service: 'mta', running: false })
  })
})

describe('IMAP/POP3 session totals', () => {
  it('should refuse a summary whose counts are not numbers', () => {
    const [e] = parseLines(
      rec(
        'ImapServer-1',
        'ip=10.0.0.3;',
        'imap',
        '[LOGIN=x] MailboxSize:1->1 InboxNumMsgs:1->1 read[1] write[1] time[1]',
      ),
      opts,
    )
    expect(e!.type).toBe('zimbra.mailbox.record')
  })

  it('should not take an APPEND quota refusal for a refused command', () => {
    const [e] = parseLines(
      rec('ImapServer-1', 'name=a@example.com;', 'imap', 'APPEND failed: quota exceeded'),
      opts,
    )
    expect(e).toMatchObject({ type: 'zimbra.mailbox.quota', kind: 'exceeded' })
  })
})

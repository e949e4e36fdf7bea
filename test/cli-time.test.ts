import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { caseLogLines, jsonLines, run } from './run.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-time-'))
const ids = (s: string) => jsonLines<{ id: string; start: string; end: string }>(s)

describe('years, zones and several files', () => {
  it('should give the right year on both sides of New Year (trace --reference-date)', async () => {
    const log = join(tmp, 'newyear.log')
    await writeFile(
      log,
      [
        'Dec 31 23:59:58 mx1 postfix/pickup[1]: 1A2B3C4D5E: uid=0 from=<root>',
        'Dec 31 23:59:59 mx1 postfix/qmgr[2]: 1A2B3C4D5E: from=<root@mx1>, size=300, nrcpt=1 (queue active)',
        'Jan  1 00:00:01 mx1 postfix/local[3]: 1A2B3C4D5E: to=<a@mx1>, relay=local, delay=3, delays=0/0/0/3, dsn=2.0.0, status=sent (delivered to mailbox)',
        'Jan  1 00:00:01 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed',
        'Jan  1 00:00:02 mx1 postfix/pickup[1]: 2B3C4D5E6F: uid=0 from=<root>',
        'Jan  1 00:00:02 mx1 postfix/qmgr[2]: 2B3C4D5E6F: removed',
      ].join('\n') + '\n',
    )
    const r = await run(['trace', '--json', '--zone', 'UTC', '--reference-date', '2026-03-01', log])
    expect(ids(r.stdout).map((t) => [t.start, t.end])).toEqual([
      ['2025-12-31T23:59:58+00:00', '2026-01-01T00:00:01+00:00'],
      ['2026-01-01T00:00:02+00:00', '2026-01-01T00:00:02+00:00'],
    ])
  })

  it('should date a copied Sendmail log by its queue ids, and say where each year came from', async () => {
    const log = join(tmp, 'sendmail-2016.log')
    // u5FABC: created 2016-06-15 10:11:12 UTC (year mod 60, month, day, hour, minute, second).
    await writeFile(
      log,
      [
        'Jun 15 10:11:13 mx1 sendmail[711]: u5FABCAa012345: from=<a@example.org>, size=1200, class=0, nrcpts=1, msgid=<1@example.org>, proto=ESMTP, daemon=MTA, relay=[192.0.2.1]',
        'Jun 15 10:11:14 mx1 sendmail[712]: u5FABCAa012345: to=<b@example.net>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=31200, relay=mx.example.net. [198.51.100.7], dsn=2.0.0, stat=Sent (ok)',
      ].join('\n') + '\n',
    )
    const r = await run(['parse', '--zone', 'UTC', '--stats', log])
    expect(jsonLines<{ time: string }>(r.stdout).map((e) => e.time)).toEqual([
      '2016-06-15T10:11:13+00:00',
      '2016-06-15T10:11:14+00:00',
    ])
    expect(r.stderr).toContain(
      `years:\n  ${log}  mx1  2016 from a dated record or Sendmail queue id (high)\n`,
    )
  })
  it('should bound the year of a Postfix log by the Sendmail log read with it', async () => {
    const sendmail = join(tmp, 'sendmail-only-2016.log')
    const postfix = join(tmp, 'postfix-2016.log')
    await writeFile(
      sendmail,
      'Jun 15 10:11:13 mx1 sendmail[711]: u5FABCAa012345: from=<a@example.org>, size=1200, class=0, nrcpts=1, msgid=<1@example.org>, proto=ESMTP, daemon=MTA, relay=[192.0.2.1]\n',
    )
    await writeFile(postfix, 'Jun 16 09:00:00 mx1 postfix/qmgr[7]: 3F4A92C1B: removed\n')
    const r = await run(['parse', '--zone', 'UTC', '--stats', postfix, sendmail])
    expect(jsonLines<{ time: string }>(r.stdout).map((e) => e.time)).toEqual([
      '2016-06-16T09:00:00+00:00',
      '2016-06-15T10:11:13+00:00',
    ])
    expect(r.stderr).toContain(`  ${postfix}  mx1  2016 from the logs read alongside`)
  })
  it('should warn when a year is only assumed from the clock, and not when --year gives it', async () => {
    const text = 'Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed\n'
    const guessed = await run(['parse', '--zone', 'UTC', '-'], text)
    expect(guessed.code).toBe(0)
    expect(guessed.stderr).toMatch(/^maillog: warning: stdin \(mx1\): year \d{4} assumed from the clock/)
    expect((await run(['parse', '--zone', 'UTC', '--year', '2025', '-'], text)).stderr).toBe('')
  })
  it('should put a log with Feb 29 in a leap year', async () => {
    const log = join(tmp, 'leap.log')
    await writeFile(
      log,
      [
        'Feb 28 23:59:00 mx1 postfix/pickup[1]: 3C4D5E6F70: uid=0 from=<root>',
        'Feb 29 12:00:00 mx1 postfix/qmgr[2]: 3C4D5E6F70: removed',
        'Mar  1 00:00:00 mx1 postfix/pickup[1]: 4D5E6F7081: uid=0 from=<root>',
      ].join('\n') + '\n',
    )
    const r = await run(['trace', '--json', '--zone', 'UTC', '--reference-date', '2026-03-01', log])
    expect(ids(r.stdout).map((t) => t.start)).toEqual([
      '2024-02-28T23:59:00+00:00',
      '2024-03-01T00:00:00+00:00',
    ])
  })

  it('should take the year of zimbra.log lines from the mailbox.log read with them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maillog-zimbra-'))
    await writeFile(
      join(dir, 'zimbra.log'),
      'Dec 31 23:59:58 mta1 postfix/pickup[1]: 1A2B3C4D5E: uid=0 from=<root>\nDec 31 23:59:59 mta1 postfix/qmgr[2]: 1A2B3C4D5E: removed\n',
    )
    await writeFile(
      join(dir, 'mailbox.log'),
      '2019-12-31 23:59:59,100 INFO  [LmtpServer-7] [ip=10.0.0.2;] lmtp - Delivering message: size=2987 bytes, nrcpts=1, sender=root@mta1, msgid=<a@b>\n',
    )
    const alone = await run(['trace', '--json', '--zone', 'UTC', join(dir, 'zimbra.log')])
    const together = await run([
      'trace',
      '--json',
      '--zone',
      'UTC',
      join(dir, 'zimbra.log'),
      join(dir, 'mailbox.log'),
    ])
    expect(ids(together.stdout).map((t) => t.start)).toEqual(['2019-12-31T23:59:58+00:00'])
    expect(ids(alone.stdout)[0]!.start).not.toMatch(/^2019/)
  })

  it('should read per-host files side by side so their hops link', async () => {
    const all = await caseLogLines('corpus/trace/multi-host.log')
    const files: string[] = []
    for (const host of ['store1', 'relay1', 'mx1']) {
      const f = join(tmp, `${host}.log`)
      await writeFile(f, all.filter((l) => l.split(' ').includes(host)).join('\n') + '\n')
      files.push(f)
    }
    const r = await run(['trace', '--chain', '--year', '2025', '--zone', 'UTC', ...files])
    expect(r.stdout.split('\n')[0]).toBe(
      'chain mx1/postfix/4E5F607182 → relay1/postfix-in/4QzXk12mNbz9Tv → store1/postfix/5F60718293',
    )
  })

  it('should report failed logins per account and address (maillog auth)', async () => {
    const r = await run([
      'auth',
      '--json',
      '--year',
      '2025',
      '--zone',
      'UTC',
      'corpus/postfix/smtpd-warnings.log',
    ])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.failures).toBe(2)
    expect(report.addresses[0]).toMatchObject({ key: '203.0.113.20', failures: 2 })
    expect(report.accounts[0]).toMatchObject({ key: 'admin@example.org', failures: 1 })
  })
})

import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { sendmailAnchor, sendmailAnchorIn, sendmailEndAnchor } from '../../src/node/sendmail-anchors.js'
import { sendmailQueueIdPrefix } from '../../src/sendmail/head.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-smanchor-'))
/** A queue id created at `iso` (UTC), with two sequence characters and a pid. */
const qid = (iso: string) => `${sendmailQueueIdPrefix(new Date(iso))}Aa012345`

describe('sendmail queue-id anchors', () => {
  it('should date the first Sendmail line whose id its stamp can follow', () => {
    const text = [
      'Jun 15 10:11:12 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed',
      `Jun 15 10:11:13 mx1 sendmail[711]: ${qid('2016-06-15T10:11:12Z')}: from=<a@example.org>, size=1, nrcpts=1`,
    ].join('\n')
    expect(sendmailAnchorIn(text, 'UTC', 2026)).toEqual({
      kind: 'reference',
      bound: 'exact',
      year: 2016,
      at: { month: 6, day: 15, hour: 10, minute: 11, second: 13 },
      host: 'mx1',
    })
  })
  it('should take a message logged days after its id was made, across New Year', () => {
    const text = `Jan  2 08:00:00 mx1 sm-mta[9]: ${qid('2012-12-30T23:00:00Z')}: to=<b@example.org>, stat=Sent`
    expect(sendmailAnchorIn(text, 'Europe/Berlin', 2026)?.year).toBe(2013)
  })
  it('should skip ids whose date the stamp cannot follow, NOQUEUE lines and other programs', () => {
    const text = [
      `Jun 15 10:11:13 mx1 sendmail[711]: ${qid('2016-03-01T10:11:12Z')}: from=<a@example.org>`,
      'Jun 15 10:11:13 mx1 sendmail[711]: NOQUEUE: connect from [192.0.2.1]',
      `Jun 15 10:11:13 mx1 sm-notify[7]: ${qid('2016-06-15T10:11:12Z')}: x`,
    ].join('\n')
    expect(sendmailAnchorIn(text, 'UTC', 2026)).toBeUndefined()
  })
  it('should read plain and gzip files, and give nothing for stdin or a missing file', async () => {
    const line = `Jun 15 10:11:13 mx1 sendmail[711]: ${qid('2016-06-15T10:11:12Z')}: from=<a@example.org>\n`
    const plain = join(tmp, 'maillog')
    const gz = join(tmp, 'maillog.1.gz')
    await writeFile(plain, line)
    await writeFile(gz, gzipSync(line))
    expect((await sendmailAnchor(plain, 'UTC', 2026))?.year).toBe(2016)
    expect((await sendmailAnchor(gz, 'UTC', 2026))?.year).toBe(2016)
    expect(await sendmailAnchor('-', 'UTC', 2026)).toBeUndefined()
    expect(await sendmailAnchor(join(tmp, 'missing'), 'UTC', 2026)).toBeUndefined()
  })
  it('should bound other logs by the last dated queue id of a plain file', async () => {
    const plain = join(tmp, 'maillog.end')
    await writeFile(
      plain,
      [
        `Jun 15 10:11:13 mx1 sendmail[711]: ${qid('2016-06-15T10:11:12Z')}: from=<a@example.org>`,
        `Jul  1 08:00:01 mx1 sendmail[712]: ${qid('2016-07-01T08:00:00Z')}: from=<b@example.org>`,
        'Jul  1 08:00:02 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed',
        '',
      ].join('\n'),
    )
    const a = await sendmailEndAnchor(plain, 'UTC', 2026)
    expect(a).toMatchObject({ kind: 'record', bound: 'notAfter' })
    expect(a?.epochMs).toBe(Date.parse('2016-07-01T08:00:00Z') + 31 * 86_400_000)
    await writeFile(
      join(tmp, 'end.gz'),
      gzipSync(`Jun 15 10:11:13 mx1 sendmail[1]: ${qid('2016-06-15T10:11:12Z')}: x\n`),
    )
    expect(await sendmailEndAnchor(join(tmp, 'end.gz'), 'UTC', 2026)).toBeUndefined()
  })
})

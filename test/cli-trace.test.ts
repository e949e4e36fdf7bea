import { appendFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { caseLogLines, jsonLines, run } from './run.js'

const T = ['trace', '--year', '2025', '--zone', 'UTC']
const multi = 'corpus/trace/multi-host.log'
const tmp = await mkdtemp(join(tmpdir(), 'maillog-trace-'))

describe('maillog trace', () => {
  it('should print the transactions of the corpus case as NDJSON', async () => {
    const r = await run([...T, '--json', multi])
    expect(r.code).toBe(0)
    const expected = await readFile('corpus/trace/multi-host.transactions.jsonl', 'utf8')
    expect(r.stdout).toBe(expected)
  })
  it('should filter by recipient, sender, message-id, host and queue id', async () => {
    const ids = async (...args: string[]) =>
      jsonLines<{ id: string }>((await run([...T, '--json', ...args, multi])).stdout).map((t) => t.id)
    expect(await ids('--to', '^bob@store1')).toEqual(['store1/postfix/5F60718293'])
    expect(await ids('--from', 'zed@', '--host', 'relay1')).toEqual(['relay1/postfix-in/4QzXk12mNbz9Tv'])
    expect(await ids('--msgid', '<m8@example.com>')).toHaveLength(3)
    expect(await ids('--queue-id', '5F60718293')).toEqual([
      'relay1/postfix-in/4QzXk12mNbz9Tv',
      'store1/postfix/5F60718293',
    ])
    expect(await ids('--since', '2025-03-01T20:00:02Z', '--limit', '1')).toHaveLength(1)
  })
  it('should filter by delivery status and by sending client', async () => {
    const logs = ['corpus/trace/bounce-3.11.log', 'corpus/trace/deferred-then-sent.log', multi]
    const tx = async (...args: string[]) =>
      jsonLines<{ id: string; recipients: { status: string }[] }>(
        (await run([...T, '--json', ...args, ...logs])).stdout,
      )
    const bounced = await tx('--status', 'bounced')
    expect(bounced.length).toBeGreaterThan(0)
    for (const t of bounced) expect(t.recipients.some((r) => r.status === 'bounced')).toBe(true)
    const deferred = await tx('--status', 'deferred')
    expect(deferred.length).toBeGreaterThan(0)
    const either = await tx('--status', 'bounced,deferred')
    expect(new Set(either.map((t) => t.id))).toEqual(new Set([...bounced, ...deferred].map((t) => t.id)))
    const all = await tx()
    expect(either.length).toBeLessThan(all.length)
    const fromMail = await tx('--client', '^198\\.51\\.100\\.50$')
    expect(fromMail.map((t) => t.id)).toEqual(['mx1/postfix/4E5F607182'])
    const bad = await run([...T, '--status', 'lost', multi])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--status: expected sent, deferred')
  })
  it('should show the NOQUEUE rejects of a client', async () => {
    const r = await run([...T, '--client', '203.0.113.9', 'corpus/trace/noqueue-reject.log'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Relay access denied')
    const none = await run([
      ...T,
      '--json',
      '--client',
      '203.0.113.9',
      '--status',
      'sent',
      '--rejects',
      'corpus/trace/noqueue-reject.log',
    ])
    expect(none.stdout).not.toContain('Relay access denied')
  })
  it('should exit 1 when filters match nothing', async () => {
    const r = await run([...T, '--to', 'nobody@nowhere', multi])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
  })
  it('should print the whole chain across hosts', async () => {
    const r = await run([...T, '--chain', '--to', '^bob@store1', multi])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe(
      'chain mx1/postfix/4E5F607182 → relay1/postfix-in/4QzXk12mNbz9Tv → store1/postfix/5F60718293',
    )
    const json = await run([...T, '--chain', '--json', '--from', 'zed', multi])
    expect(JSON.parse(json.stdout).chain).toHaveLength(3)
  })
  it('should show NOQUEUE rejects for address queries', async () => {
    const r = await run([...T, '--to', 'x@example.com', 'corpus/trace/noqueue-reject.log'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/NOQUEUE reject RCPT/)
    expect(r.stdout).toMatch(/Relay access denied/)
  })
  it('should resume with --state and print each transaction exactly once', async () => {
    const lines = await caseLogLines(multi)
    const log = join(tmp, 'mail.log')
    const state = join(tmp, 'state.json')
    const whole = (await run([...T, '--json', multi])).stdout
    let got = ''
    for (let i = 0; i < lines.length; i += 4) {
      await (i === 0 ? writeFile : appendFile)(
        log,
        lines
          .slice(i, i + 4)
          .map((l) => l + '\n')
          .join(''),
      )
      const r = await run([...T, '--json', '--state', state, log])
      expect(r.stderr).toBe('')
      got += r.stdout
    }
    // What is still held at the end is printed by a run after the hold time: flush it with a later line.
    await appendFile(log, 'Mar  1 23:59:00 mx1 postfix/qmgr[1]: FFFFFFFFF1: removed\n')
    got += (await run([...T, '--json', '--state', state, log])).stdout
    const ids = (s: string) => jsonLines<{ id: string }>(s).map((t) => t.id)
    expect(ids(got).filter((id) => !id.endsWith('FFFFFFFFF1'))).toEqual(ids(whole))
    expect(
      got
        .split('\n')
        .filter((l) => !l.includes('FFFFFFFFF1'))
        .join('\n'),
    ).toBe(whole.trimEnd() + '\n')
  })
  it('should join a split Sendmail line cut by a --state run', async () => {
    const lines = await caseLogLines('corpus/trace/sendmail-split-from.log')
    const log = join(tmp, 'sendmail.log')
    const state = join(tmp, 'sendmail-state.json')
    let got = ''
    for (const [i, line] of lines.entries()) {
      await (i === 0 ? writeFile : appendFile)(log, line + '\n')
      got += (await run([...T, '--json', '--state', state, log])).stdout
    }
    await appendFile(
      log,
      'Mar  1 23:59:00 mx1 sm-mta[7009]: 521NxF0o007009: from=<x@example.org>, size=1, class=0, nrcpts=1, msgid=<z@example.org>, proto=ESMTP, daemon=MTA, relay=x.example.org [192.0.2.9]\n',
    )
    got += (await run([...T, '--json', '--state', state, log])).stdout
    const t = jsonLines<{ id: string; from: string; messageId: string }>(got)[0]!
    expect(t.id).toBe('mx1/sendmail/521CU00o007001')
    expect(t.from).toBe('list-bounces@lists.example.org')
    expect(t.messageId).toBe('0123456789abcdef0123456789abcdef0123456789abcdef@lists.example.org')
  })
  it('should link hops across host files with --state as without it, however far apart in time', async () => {
    const mx1 = join(tmp, 'mx1.log')
    const relay1 = join(tmp, 'relay1.log')
    await writeFile(
      mx1,
      [
        'Mar  1 10:00:00 mx1 postfix/smtpd[1100]: 4E5F607182: client=mail.example.com[198.51.100.50]',
        'Mar  1 10:00:00 mx1 postfix/qmgr[1102]: 4E5F607182: from=<zed@example.com>, size=7000, nrcpt=1 (queue active)',
        'Mar  1 10:00:01 mx1 postfix/smtp[1103]: 4E5F607182: to=<bob@example.org>, relay=relay1.example.org[192.0.2.2]:25, delay=1, delays=0.1/0/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4QzXk12mNbz9Tv)',
        'Mar  1 10:00:01 mx1 postfix/qmgr[1102]: 4E5F607182: removed',
        // Hours later: the sender's side alone would have given up waiting for the next hop.
        'Mar  1 13:00:00 mx1 postfix/smtpd[1100]: 5A6B7C8D9E: client=mail.example.com[198.51.100.50]',
        'Mar  1 13:00:00 mx1 postfix/qmgr[1102]: 5A6B7C8D9E: removed',
        '',
      ].join('\n'),
    )
    await writeFile(
      relay1,
      [
        'Mar  1 10:00:01 relay1 postfix/smtpd[2100]: 4QzXk12mNbz9Tv: client=mx1.example.org[192.0.2.1]',
        'Mar  1 10:00:01 relay1 postfix/qmgr[2102]: 4QzXk12mNbz9Tv: from=<zed@example.com>, size=7300, nrcpt=1 (queue active)',
        'Mar  1 10:00:02 relay1 postfix/qmgr[2102]: 4QzXk12mNbz9Tv: removed',
        'Mar  1 13:00:01 relay1 postfix/qmgr[2102]: 6B7C8D9EAF: removed',
        '',
      ].join('\n'),
    )
    const links = (out: string) =>
      jsonLines<{ id: string; next?: string[]; previous?: string[] }>(out)
        .filter((t) => t.next || t.previous)
        .map((t) => [t.id, t.next ?? [], t.previous ?? []])
        .sort()
    const plain = await run([...T, '--json', mx1, relay1])
    expect(links(plain.stdout)).toEqual([
      ['mx1/postfix/4E5F607182', ['relay1/postfix/4QzXk12mNbz9Tv'], []],
      ['relay1/postfix/4QzXk12mNbz9Tv', [], ['mx1/postfix/4E5F607182']],
    ])
    const resumed = await run([...T, '--json', '--state', join(tmp, 'hosts.state'), mx1, relay1])
    expect(resumed.stderr).toBe('')
    expect(links(resumed.stdout)).toEqual(links(plain.stdout))
  })
  it('should reject bad options with exit 2', async () => {
    expect((await run([...T, '--since', 'yesterday', multi])).code).toBe(2)
    expect((await run([...T, '--to', '(', multi])).code).toBe(2)
    expect((await run([...T, '--limit', '0', multi])).code).toBe(2)
  })
})

import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { run } from '../run.js'

const S = ['stats', '--year', '2025', '--zone', 'UTC']
const filter = 'corpus/trace/content-filter.log'
const tmp = await mkdtemp(join(tmpdir(), 'maillog-stats-'))

describe('maillog stats', () => {
  it('should print the report as one JSON object with every section', async () => {
    const r = await run([...S, '--json', filter])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1)
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual([
      'version',
      'period',
      'filter',
      'lines',
      'totals',
      'distinct',
      'hourly',
      'daily',
      'hosts',
      'senders',
      'senderDomains',
      'recipients',
      'recipientDomains',
      'delays',
      'reasons',
      'rejectStages',
      'sasl',
      'smtpd',
      'postscreen',
      'tls',
      'problems',
      'approximate',
    ])
    expect(report.version).toBe(1)
    expect(report.totals).toMatchObject({ received: 1, reinjected: 1, delivered: 1, handoffs: 1 })
    expect(report.hourly).toHaveLength(24)
    expect(Object.keys(report.delays.delay)).toEqual(['count', 'mean', 'p50', 'p90', 'p99', 'max'])
    expect(report.senders).toEqual({
      byCount: [{ key: 'alice@example.org', count: 1, bytes: 5000 }],
      byBytes: [{ key: 'alice@example.org', count: 1, bytes: 5000 }],
    })
  })

  it('should print a text report by default', async () => {
    const r = await run([...S, 'corpus/trace/deferred-then-sent.log'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Grand Totals$/m)
    expect(r.stdout).toMatch(/^ +1 +deferred {2}\(2 deferrals\)$/m)
    expect(r.stdout).toMatch(/^Per-Hour Traffic Summary$/m)
    expect(r.stdout).toMatch(/^Deferral reasons$/m)
  })

  it('should read several files, gzip and stdin, and apply --host, --since, --until and --top', async () => {
    const gz = join(tmp, 'multi.log.gz')
    await writeFile(gz, gzipSync(await readFile('corpus/trace/multi-host.log')))
    const all = JSON.parse((await run([...S, '--json', gz, 'corpus/trace/noqueue-reject.log'])).stdout)
    expect(all.totals).toMatchObject({ received: 3, delivered: 3, rejected: 1 })
    expect(all.hosts.map((h: { key: string }) => h.key)).toEqual(['mx1', 'relay1', 'store1'])
    const one = JSON.parse((await run([...S, '--json', '--host', 'relay1', '--top', '1', gz])).stdout)
    expect(one.totals).toMatchObject({ received: 1, delivered: 1, rejected: 0 })
    expect(one.hosts).toHaveLength(1)
    const piped = await run(
      [...S, '--json', '--until', '2025-03-01T15:00', '-'],
      await readFile(filter, 'utf8'),
    )
    expect(JSON.parse(piped.stdout).totals.received).toBe(0)
    expect(JSON.parse(piped.stdout).filter.until).toBe('2025-03-01T15:00:00.000Z')
  })

  it('should exit 2 on bad options, and on a missing file after printing the report', async () => {
    expect((await run([...S, '--top', 'x', filter])).code).toBe(2)
    expect((await run([...S, '--top', '-1', filter])).code).toBe(2)
    expect((await run([...S, '--max-keys', '1', filter])).code).toBe(2)
    expect((await run([...S, '--since', 'yesterday', filter])).code).toBe(2)
    expect((await run([...S, '--bogus', filter])).code).toBe(2)
    const r = await run([...S, '--json', filter, join(tmp, 'missing.log')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/missing\.log: no such file/)
    expect(JSON.parse(r.stdout).totals.received).toBe(1)
  })

  it('should print help and list the command in the main help', async () => {
    const help = await run(['stats', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^usage: maillog stats/)
    expect((await run(['--help'])).stdout).toMatch(/maillog stats/)
  })
})

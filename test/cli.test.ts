import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { run } from './run.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-'))

describe('maillog parse', () => {
  it('should print one JSON event per line of a corpus file', async () => {
    const log = 'corpus/postfix/qmgr.log'
    const lines = (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '')
    const r = await run(['parse', '--year', '2025', '--zone', 'UTC', log])
    expect(r.code).toBe(0)
    const events = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(events).toHaveLength(lines.length)
    expect(events.filter((e) => e.type === 'postfix.qmgr.queued')).toHaveLength(2)
  })
  it('should read stdin and report --stats on stderr', async () => {
    const r = await run(
      ['parse', '--stats', '--quiet', '--zone', 'UTC'],
      'Mar  1 12:09:05 mx1 postfix/qmgr[1]: 4F1A2B3C01: removed\ngarbage\n',
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/lines 2/)
    expect(r.stderr).toMatch(/1\s+postfix\.qmgr\.removed/)
    expect(r.stderr).toMatch(/1\s+unknown\(no-header\)/)
  })
  it('should read gzip files and name a truncated one, keeping the lines read', async () => {
    const text = Array.from(
      { length: 2000 },
      (_, i) => `Mar  1 12:09:05 mx1 postfix/qmgr[1]: 4F1A2B3C${String(i).padStart(2, '0')}: removed`,
    ).join('\n')
    const gz = gzipSync(text)
    await writeFile(join(tmp, 'ok.gz'), gz)
    await writeFile(join(tmp, 'cut.gz'), gz.subarray(0, gz.length >> 1))
    const ok = await run(['parse', '--quiet', '--stats', join(tmp, 'ok.gz')])
    expect(ok.code).toBe(0)
    expect(ok.stderr).toMatch(/lines 2000/)
    const cut = await run(['parse', '--quiet', '--stats', join(tmp, 'cut.gz')])
    expect(cut.code).toBe(2)
    expect(cut.stderr).toMatch(/cut\.gz: truncated gzip data|unexpected end of file/)
    expect(cut.stderr).toMatch(/lines [1-9]\d*/)
  })
  it('should handle empty files, binary garbage and CRLF', async () => {
    await writeFile(join(tmp, 'empty.log'), '')
    await writeFile(join(tmp, 'bin.log'), Buffer.from([0, 1, 2, 255, 10, 0, 10]))
    await writeFile(join(tmp, 'crlf.log'), 'Mar  1 12:09:05 mx1 postfix/qmgr[1]: 4F1A2B3C01: removed\r\n')
    expect((await run(['parse', join(tmp, 'empty.log')])).stdout).toBe('')
    const bin = await run(['parse', join(tmp, 'bin.log')])
    expect(bin.code).toBe(0)
    expect(
      bin.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['unknown', 'unknown'])
    const crlf = await run(['parse', join(tmp, 'crlf.log')])
    expect(JSON.parse(crlf.stdout).type).toBe('postfix.qmgr.removed')
  })
  it('should exit 2 with a clear message for a missing file or a bad option', async () => {
    const missing = await run(['parse', join(tmp, 'nope.log')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/nope\.log: no such file/)
    const bad = await run(['parse', '--frobnicate'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/frobnicate/)
    const zone = await run(['parse', '--zone', 'Mars/Olympus'], '')
    expect(zone.code).toBe(2)
    expect(zone.stderr).toMatch(/--zone: unknown time zone/)
  })
  it('should check the bundled corpus', async () => {
    const r = await run(['corpus', 'check'])
    expect(r.stdout).toMatch(/ 0 failing/)
    expect(r.code).toBe(0)
  })
})

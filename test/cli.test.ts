import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, readFile, rename, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { type Run, run } from './run.js'

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

const LINE = 'Mar  1 12:09:05 mx1 postfix/qmgr[1]: 4F1A2B3C01: removed\n'

/**
 * Runs `maillog parse --stats FILE` and calls `during` once the first events are out, so the
 * file changes while it is being read (a 200k-line file takes far longer than one 64 KiB read).
 */
function parseWhile(file: string, during: () => Promise<void>): Promise<Run & { lines: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/maillog.js', 'parse', '--stats', '--zone', 'UTC', file])
    let stderr = ''
    let started: Promise<void> | undefined
    child.stdout.on('data', () => {
      started ??= during()
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    child.on('error', reject)
    child.on('close', async (code) => {
      await started
      const m = /lines (\d+)/.exec(stderr)
      resolve({ code: code ?? -1, stdout: '', stderr, lines: m ? Number(m[1]) : -1 })
    })
  })
}

describe('maillog parse on files that change or are huge', () => {
  const N = 200_000
  it('should make a 10 MB line one too-long event', async () => {
    const file = join(tmp, 'ten-mb.log')
    await writeFile(file, `Mar  1 12:09:05 mx1 postfix/smtpd[1]: ${'x'.repeat(10 << 20)}\n${LINE}`)
    const r = await run(['parse', '--quiet', '--stats', '--zone', 'UTC', file])
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/lines 2\b/)
    expect(r.stderr).toMatch(/1\s+unknown\(too-long\)/)
    expect(r.stderr).toMatch(/1\s+postfix\.qmgr\.removed/)
  }, 60_000)

  it('should read a growing file up to the end it reaches, like cat', async () => {
    const file = join(tmp, 'growing.log')
    await writeFile(file, LINE.repeat(N))
    const r = await parseWhile(file, async () => {
      for (let i = 0; i < 50; i++) await appendFile(file, LINE.repeat(100))
    })
    expect(r.code).toBe(0)
    // Appended lines count when reading had not reached the end yet; it stops at the end, never waits.
    expect(r.lines).toBeGreaterThanOrEqual(N)
    // (Not a multiple of 100 for sure: a read may meet an append half written.)
    expect(r.lines).toBeLessThanOrEqual(N + 5000)
  }, 60_000)

  it('should read the renamed file to its end when it is rotated while read', async () => {
    const file = join(tmp, 'rotated.log')
    await writeFile(file, LINE.repeat(N))
    const r = await parseWhile(file, async () => {
      await rename(file, `${file}.1`)
      await writeFile(file, LINE.repeat(10))
    })
    expect(r.code).toBe(0)
    // The open file is read; the new file at the same name is not.
    expect(r.lines).toBe(N)
  }, 60_000)

  it('should stop at the new end when the file is truncated while read (copytruncate)', async () => {
    const file = join(tmp, 'truncated.log')
    await writeFile(file, LINE.repeat(N))
    const r = await parseWhile(file, () => truncate(file, 0))
    expect(r.code).toBe(0)
    expect(r.lines).toBeGreaterThan(0)
    expect(r.lines).toBeLessThan(N)
  }, 60_000)
})

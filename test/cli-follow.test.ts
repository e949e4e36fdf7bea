import { spawn } from 'node:child_process'
import { appendFile, mkdtemp, rename, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { followFile } from '../src/node/follow.js'
import { caseLogLines, jsonLines, run } from './run.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-follow-'))

/** Resolves once `check` holds, polling; rejects after `ms`. */
async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe('followFile', () => {
  it('should give appended bytes, then a truncated file from its start, then a rotated-in file', async () => {
    const path = join(tmp, 'f.log')
    await writeFile(path, 'one\n')
    const stop = new AbortController()
    let got = ''
    const reading = (async () => {
      for await (const chunk of followFile(path, { pollMs: 10, signal: stop.signal }))
        got += Buffer.from(chunk).toString()
    })()
    await until(() => got === 'one\n')
    await appendFile(path, 'two\n')
    await until(() => got.endsWith('two\n'))
    await truncate(path, 0)
    await appendFile(path, '3\n')
    await until(() => got.endsWith('3\n'))
    await rename(path, `${path}.1`)
    await appendFile(`${path}.1`, 'late\n')
    await writeFile(path, 'new\n')
    await until(() => got.endsWith('new\n'))
    stop.abort()
    await reading
    expect(got).toBe('one\ntwo\n3\nlate\nnew\n')
  })
})

describe('maillog --follow', () => {
  it('should print each transaction once it is final, across a rotation', async () => {
    const log = join(tmp, 'mail.log')
    await writeFile(log, '')
    const p = spawn(process.execPath, ['bin/maillog.js', 'trace', '--json', '--zone', 'UTC', '--follow', log])
    let out = ''
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString()
    })
    try {
      const lines = await caseLogLines('corpus/trace/multi-host.log')
      await appendFile(log, lines.map((l) => l + '\n').join(''))
      // Held for late links until a line a minute later comes.
      await appendFile(log, 'Mar  1 23:59:00 mx1 postfix/qmgr[1]: AAAAAAAAA1: removed\n')
      await until(() => out.includes('store1/postfix/5F60718293'))
      expect(jsonLines<{ id: string }>(out).map((t) => t.id)).toEqual([
        'mx1/postfix/4E5F607182',
        'relay1/postfix-in/4QzXk12mNbz9Tv',
        'store1/postfix/5F60718293',
      ])
      await rename(log, `${log}.1`)
      await writeFile(
        log,
        'Mar  2 00:00:00 mx1 postfix/qmgr[1]: BBBBBBBBB2: removed\nMar  2 00:05:00 mx1 postfix/qmgr[1]: CCCCCCCCC3: removed\n',
      )
      await until(() => out.includes('BBBBBBBBB2'))
      expect(out).toContain('AAAAAAAAA1')
    } finally {
      p.kill('SIGTERM')
    }
  })
  it('should take one input and refuse --state and --chain', async () => {
    const log = join(tmp, 'x.log')
    await writeFile(log, '')
    expect((await run(['trace', '--follow', log, log])).stderr).toContain('--follow: takes one file')
    expect((await run(['parse', '-f', log, log])).code).toBe(2)
    expect((await run(['trace', '--follow', '--state', join(tmp, 's'), log])).stderr).toContain(
      'not with --state',
    )
    expect((await run(['trace', '--follow', '--chain', log])).code).toBe(2)
  })
})

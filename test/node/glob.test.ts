import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { globFiles } from '../../src/node/glob.js'
import { eventsOf } from '../../src/node/streams.js'

describe('globFiles and eventsOf', () => {
  it('should expand patterns in the last segment and read a rotated set oldest first', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maillog-glob-'))
    const line = (q: string) => `Mar  1 12:00:01 mx1 postfix/qmgr[1]: ${q}: removed\n`
    await writeFile(join(dir, 'mail.log'), line('3F4A92C1B3'))
    await writeFile(join(dir, 'mail.log.1'), line('3F4A92C1B2'))
    await writeFile(join(dir, 'mail.log.2'), line('3F4A92C1B1'))
    await writeFile(join(dir, 'other.txt'), 'x\n')
    expect(await globFiles([join(dir, 'mail.log*')])).toEqual(
      ['mail.log', 'mail.log.1', 'mail.log.2'].map((f) => join(dir, f)),
    )
    expect(await globFiles([join(dir, 'mail.log.?'), join(dir, 'none')])).toEqual([
      join(dir, 'mail.log.1'),
      join(dir, 'mail.log.2'),
      join(dir, 'none'),
    ])
    const ids: string[] = []
    for await (const e of eventsOf([join(dir, 'mail.log*')], { year: 2025, zone: 'UTC' })) {
      if (e.type === 'postfix.qmgr.removed') ids.push(e.queueId!)
    }
    expect(ids).toEqual(['3F4A92C1B1', '3F4A92C1B2', '3F4A92C1B3'])
  })
})

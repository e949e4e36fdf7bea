import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileAnchors, rotatedSetAnchors } from '../../src/node/file-anchors.js'
import { orderRotatedSet } from '../../src/node/rotated-set.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maillog-rot-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('orderRotatedSet', () => {
  it('should order a rotated set oldest first, stdin last', async () => {
    const names = ['maillog', 'maillog.1', 'maillog.2.gz', 'maillog-20250107.gz', 'mailbox.log.2020-09-29.gz']
    for (const n of names) await writeFile(join(dir, n), '')
    const got = await orderRotatedSet(['-', ...names.map((n) => join(dir, n))])
    expect(got.map((p) => p.replace(`${dir}/`, ''))).toEqual([
      'mailbox.log.2020-09-29.gz',
      'maillog-20250107.gz',
      'maillog.2.gz',
      'maillog.1',
      'maillog',
      '-',
    ])
  })
  it('should break ties by mtime', async () => {
    await mkdir(join(dir, 'mx1'))
    await mkdir(join(dir, 'mx2'))
    const a = join(dir, 'mx1', 'maillog')
    const b = join(dir, 'mx2', 'maillog')
    await writeFile(a, '')
    await writeFile(b, '')
    await utimes(a, new Date('2025-01-02'), new Date('2025-01-02'))
    await utimes(b, new Date('2025-01-01'), new Date('2025-01-01'))
    expect(await orderRotatedSet([a, b])).toEqual([b, a])
  })
})

describe('fileAnchors', () => {
  it('should collect the name date, the gzip MTIME and the mtime', async () => {
    const f = join(dir, 'maillog-20250107.gz')
    const gz = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])
    gz.writeUInt32LE(1736244000, 4)
    await writeFile(f, gz)
    await utimes(f, new Date('2027-03-01T00:00:00Z'), new Date('2027-03-01T00:00:00Z'))
    const anchors = await fileAnchors(f, { zone: 'UTC' })
    expect(anchors.map((a) => [a.kind, a.bound, a.epochMs])).toEqual([
      ['rotatedName', 'notAfter', Date.parse('2025-01-08T00:00:00Z')],
      ['gzipMtime', 'notAfter', 1736244000000],
      ['mtime', 'notAfter', Date.parse('2027-03-01T00:00:00Z')],
    ])
    expect((await fileAnchors(f, { ignoreMtime: true })).map((a) => a.kind)).toEqual([
      'rotatedName',
      'gzipMtime',
    ])
    expect(await fileAnchors('-')).toEqual([])
  })
})

describe('rotatedSetAnchors', () => {
  it("should bound each file's start by the end of the file before it", async () => {
    const older = join(dir, 'set', 'maillog.1')
    const live = join(dir, 'set', 'maillog')
    await mkdir(join(dir, 'set'))
    await writeFile(older, '')
    await writeFile(live, '')
    await utimes(older, new Date('2025-01-05T00:00:00Z'), new Date('2025-01-05T00:00:00Z'))
    const anchors = await rotatedSetAnchors([older, live])
    expect(anchors.get(older)!.map((a) => a.bound)).toEqual(['notAfter'])
    expect(anchors.get(live)!.find((a) => a.bound === 'notBefore')).toMatchObject({
      kind: 'mtime',
      epochMs: Date.parse('2025-01-05T00:00:00Z'),
    })
  })
})

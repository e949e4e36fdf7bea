import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkGzip, describeGzipError, parseGzipHeader, readGzipHeader } from '../../src/node/gzip.js'

let dir: string
const log = Buffer.from(
  Array.from(
    { length: 2000 },
    (_, i) => `Jan  7 10:00:${String(i % 60).padStart(2, '0')} mx1 postfix/qmgr[7]: ${i}: removed\n`,
  ).join(''),
)

/** gzip data with MTIME set (zlib writes 0) and optionally an original name (FNAME). */
function gzipWith(mtimeSec: number, name?: string): Buffer {
  const gz = Buffer.from(gzipSync(log))
  gz.writeUInt32LE(mtimeSec, 4)
  if (name === undefined) return gz
  const head = Buffer.from(gz.subarray(0, 10))
  head[3] = head[3]! | 8
  return Buffer.concat([head, Buffer.from(`${name}\0`, 'latin1'), gz.subarray(10)])
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maillog-gz-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('parseGzipHeader', () => {
  it('should read MTIME, OS and the original name', () => {
    expect(parseGzipHeader(gzipWith(1736244000, 'maillog'))).toMatchObject({
      mtimeMs: 1736244000000,
      name: 'maillog',
      flags: 8,
    })
  })
  it('should leave MTIME 0 out and refuse data that is not gzip', () => {
    expect(parseGzipHeader(gzipSync(log))?.mtimeMs).toBeUndefined()
    expect(parseGzipHeader(log)).toBeUndefined()
    expect(parseGzipHeader(new Uint8Array([0x1f, 0x8b]))).toBeUndefined()
  })
})

describe('readGzipHeader', () => {
  it('should read the header of a file and return undefined for plain text', async () => {
    const gz = join(dir, 'maillog-20250107.gz')
    await writeFile(gz, gzipWith(1736244000))
    expect((await readGzipHeader(gz))?.mtimeMs).toBe(1736244000000)
    const plain = join(dir, 'maillog')
    await writeFile(plain, log)
    expect(await readGzipHeader(plain)).toBeUndefined()
  })
})

describe('checkGzip', () => {
  it('should pass a complete file', async () => {
    const f = join(dir, 'ok.gz')
    await writeFile(f, gzipWith(1))
    expect(await checkGzip(f)).toEqual({ ok: true, bytesOut: log.length })
  })
  it('should report a truncated file clearly', async () => {
    const f = join(dir, 'maillog.2.gz')
    const gz = gzipWith(1)
    await writeFile(f, gz.subarray(0, gz.length - 20))
    const r = await checkGzip(f)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.kind).toBe('truncated')
    expect(r.error.message).toMatch(
      /^maillog\.2\.gz: truncated gzip data — the file ends before its gzip trailer/,
    )
  })
  it('should report a bad checksum as corrupt', async () => {
    const f = join(dir, 'bad.gz')
    const gz = Buffer.from(gzipWith(1))
    gz[gz.length - 6] = gz[gz.length - 6]! ^ 0xff // CRC32 of the trailer
    await writeFile(f, gz)
    const r = await checkGzip(f)
    expect(r.ok ? 'ok' : r.error.kind).toBe('corrupt')
  })
  it('should reject for a missing file', async () => {
    await expect(checkGzip(join(dir, 'missing.gz'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('describeGzipError', () => {
  it('should map zlib codes and leave other errors alone', () => {
    const e = Object.assign(new Error('unexpected end of file'), { code: 'Z_BUF_ERROR' })
    expect(describeGzipError(e, '/var/log/maillog.2.gz', 81920)?.message).toContain(
      'after 81920 bytes of log',
    )
    expect(describeGzipError(Object.assign(new Error('x'), { code: 'ENOENT' }), 'f')).toBeUndefined()
  })
})

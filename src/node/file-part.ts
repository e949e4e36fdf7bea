/**
 * The head or tail of a file as text, for year evidence read before a file is parsed (queue ids,
 * log4j records). Bounded reads: a 10 GB log costs as much as a small one.
 *
 * @module
 */

import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'

/** Bytes read from a file's head or tail. */
export const PART = 64 * 1024

/**
 * The first (or last) {@link PART} bytes of a file as UTF-8 text; a `.gz` file's head is
 * decompressed (its tail would need the whole file: ''). '' when the file cannot be read.
 *
 * @example
 * await readFilePart('/var/log/maillog', 'tail') //=> '…last 64 KiB…'
 */
export async function readFilePart(path: string, part: 'head' | 'tail'): Promise<string> {
  try {
    if (path.endsWith('.gz')) return part === 'head' ? await gzipHead(path) : ''
    const fh = await open(path, 'r')
    try {
      const { size } = await fh.stat()
      const length = Math.min(PART, size)
      const buf = Buffer.alloc(length)
      const { bytesRead } = await fh.read(buf, 0, length, part === 'tail' ? size - length : 0)
      return buf.subarray(0, bytesRead).toString('utf8')
    } finally {
      await fh.close()
    }
  } catch {
    return ''
  }
}

async function gzipHead(path: string): Promise<string> {
  const chunks: Buffer[] = []
  let n = 0
  const gunzip = createReadStream(path, { end: PART * 4 }).pipe(createGunzip())
  try {
    for await (const c of gunzip as AsyncIterable<Buffer>) {
      chunks.push(c)
      n += c.length
      if (n >= PART) break
    }
  } catch {
    // A truncated or corrupt gzip: what came out before the error still counts.
  } finally {
    gunzip.destroy()
  }
  return Buffer.concat(chunks).subarray(0, PART).toString('utf8')
}

/**
 * Opening inputs: files, gzip files (by magic bytes, not by name) and stdin (`-`), optionally
 * from a byte offset (in the decompressed stream for gzip).
 *
 * @module
 */

import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { followFile } from './follow.js'

/** An opened input: its display name and its byte stream. */
export interface Input {
  readonly name: string
  readonly stream: AsyncIterable<Uint8Array>
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(2)
    const { bytesRead } = await fh.read(buf, 0, 2, 0)
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b
  } finally {
    await fh.close()
  }
}

/** Drops the first `n` bytes of a stream. */
async function* skip(stream: AsyncIterable<Uint8Array>, n: number): AsyncGenerator<Uint8Array> {
  let left = n
  for await (const chunk of stream) {
    if (left >= chunk.length) {
      left -= chunk.length
      continue
    }
    yield left > 0 ? chunk.subarray(left) : chunk
    left = 0
  }
}

/**
 * Opens a file (gunzipping it when it starts with the gzip magic) or stdin for `-`, from byte
 * `offset`. With `follow`, a plain file is followed as it is written (see `followFile`); a
 * gzip file cannot be. Rejects with the system error (ENOENT, EACCES, EISDIR) for a file that
 * cannot be read.
 *
 * @example
 * const input = await openInput('/var/log/maillog.2.gz')
 */
export async function openInput(
  path: string,
  offset = 0,
  follow?: { readonly signal?: AbortSignal },
): Promise<Input> {
  if (path === '-') return { name: '-', stream: offset > 0 ? skip(process.stdin, offset) : process.stdin }
  const gzip = await isGzip(path)
  if (follow) {
    if (gzip) throw new Error(`${path}: a gzip file cannot be followed`)
    return { name: path, stream: followFile(path, { from: offset, signal: follow.signal }) }
  }
  if (gzip) {
    const gunzip = createReadStream(path, { highWaterMark: 1 << 16 }).pipe(
      createGunzip({ chunkSize: 1 << 16 }),
    )
    return { name: path, stream: offset > 0 ? skip(gunzip, offset) : gunzip }
  }
  return { name: path, stream: createReadStream(path, { highWaterMark: 1 << 16, start: offset }) }
}

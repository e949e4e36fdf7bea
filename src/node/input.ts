/**
 * Opening inputs: files, gzip files (by magic bytes, not by name) and stdin (`-`).
 *
 * @module
 */

import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'

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

/**
 * Opens a file (gunzipping it when it starts with the gzip magic) or stdin for `-`.
 * Rejects with the system error (ENOENT, EACCES, EISDIR) for a file that cannot be read.
 *
 * @example
 * const input = await openInput('/var/log/maillog.2.gz')
 */
export async function openInput(path: string): Promise<Input> {
  if (path === '-') return { name: '-', stream: process.stdin }
  const gz = await isGzip(path)
  const file = createReadStream(path, { highWaterMark: 1 << 20 })
  return { name: path, stream: gz ? file.pipe(createGunzip({ chunkSize: 1 << 20 })) : file }
}

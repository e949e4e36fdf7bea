/**
 * Following a log as it is written (`tail -F`): the bytes of a file from an offset, then
 * whatever is appended, forever. A log rotated away (renamed, a new file created under the
 * name) is read to its end and the new file from its start; a file truncated in place
 * (`copytruncate`) is read again from its start.
 *
 * @module
 */

import { type FileHandle, open, stat } from 'node:fs/promises'

/** How {@link followFile} reads. */
export interface FollowOptions {
  /** Byte offset to start at (default 0). */
  readonly from?: number
  /** How long to wait before looking again when nothing new was written, in ms (default 250). */
  readonly pollMs?: number
  /** Ends the following: the generator returns after the bytes read so far. */
  readonly signal?: AbortSignal
}

const CHUNK = 1 << 16

const sleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done(): void {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

/** The inode now under `path`, or `undefined` while there is none (between rename and create). */
async function inodeAt(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).ino
  } catch {
    return undefined
  }
}

/**
 * Yields the bytes of `path` from `from`, then what is appended, until `signal` aborts.
 * Rejects with the system error when the file cannot be opened at first (ENOENT, EACCES).
 *
 * @example
 * for await (const chunk of followFile('/var/log/mail.log', { from: size })) process.stdout.write(chunk)
 */
export async function* followFile(path: string, options: FollowOptions = {}): AsyncGenerator<Uint8Array> {
  const { pollMs = 250, signal } = options
  let fh: FileHandle = await open(path, 'r')
  let position = options.from ?? 0
  try {
    while (!signal?.aborted) {
      const buf = Buffer.allocUnsafe(CHUNK)
      const { bytesRead } = await fh.read(buf, 0, CHUNK, position)
      if (bytesRead > 0) {
        position += bytesRead
        yield buf.subarray(0, bytesRead)
        continue
      }
      // At the end of what is written: truncated in place, rotated away, or just idle.
      const own = await fh.stat()
      if (own.size < position) {
        position = 0
        continue
      }
      const now = await inodeAt(path)
      if (now !== undefined && now !== own.ino) {
        // Rotated: this file was read to its end above; go on with the new one.
        const next = await open(path, 'r').catch(() => undefined)
        if (next) {
          await fh.close()
          fh = next
          position = 0
          continue
        }
      }
      await sleep(pollMs, signal)
    }
  } finally {
    await fh.close()
  }
}

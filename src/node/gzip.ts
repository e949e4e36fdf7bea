/**
 * gzip facts for time hints and error messages: the 10-byte header (its MTIME is the time the
 * original file was last modified when it was compressed — a good end bound for a rotated log)
 * and a check that tells a truncated file from a corrupt one, with a message a user can act on.
 *
 * @module
 */

import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { createGunzip } from 'node:zlib'

/** What the gzip header says (RFC 1952 §2.3). */
export interface GzipHeader {
  /** MTIME in ms since the epoch; absent when the field is 0 ("no time stamp"). */
  readonly mtimeMs?: number
  /** FLG byte. */
  readonly flags: number
  /** OS byte (3 = Unix). */
  readonly os: number
  /** FNAME: the original file name, when stored (`gzip` without `-n`). */
  readonly name?: string
}

/**
 * Reads a gzip header from the first bytes of a file; `undefined` when they are not gzip.
 *
 * @example
 * parseGzipHeader(new Uint8Array([0x1f, 0x8b, 8, 0, 0x80, 0x3e, 0x7d, 0x67, 0, 3]))
 * //=> { mtimeMs: 1736261248000, flags: 0, os: 3 }
 */
export function parseGzipHeader(bytes: Uint8Array): GzipHeader | undefined {
  if (bytes.length < 10 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) return undefined
  const flags = bytes[3]!
  const mtime = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0
  const os = bytes[9]!
  let i = 10
  if (flags & 4) {
    // FEXTRA: 2-byte length, then that many bytes.
    if (i + 2 > bytes.length) return mtime === 0 ? { flags, os } : { mtimeMs: mtime * 1000, flags, os }
    i += 2 + (bytes[i]! | (bytes[i + 1]! << 8))
  }
  let name: string | undefined
  if (flags & 8) {
    const end = bytes.indexOf(0, i)
    if (end > i) name = new TextDecoder('latin1').decode(bytes.subarray(i, end))
  }
  const base = mtime === 0 ? { flags, os } : { mtimeMs: mtime * 1000, flags, os }
  return name === undefined ? base : { ...base, name }
}

/**
 * Reads the gzip header of a file; `undefined` for a file that is not gzip (or too short).
 * Rejects with the system error for a file that cannot be read.
 *
 * @example
 * (await readGzipHeader('/var/log/maillog-20250107.gz'))?.mtimeMs //~> 1736230000000
 */
export async function readGzipHeader(path: string): Promise<GzipHeader | undefined> {
  const fh = await open(path, 'r')
  try {
    const buf = new Uint8Array(1024)
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    return parseGzipHeader(buf.subarray(0, bytesRead))
  } finally {
    await fh.close()
  }
}

/**
 * A gzip file that cannot be read to its end.
 *
 * @example
 * const err = describeGzipError(zlibError, 'maillog.2.gz')
 * err?.message //=> 'maillog.2.gz: truncated gzip data after 1048576 bytes …'
 */
export class GzipError extends Error {
  /** `truncated`: the data ends early (an interrupted copy or rotation); `corrupt`: bad data or checksum. */
  readonly kind: 'truncated' | 'corrupt'
  readonly path: string
  /** Decompressed bytes read before the error. */
  readonly bytesOut: number
  constructor(kind: 'truncated' | 'corrupt', path: string, bytesOut: number, detail: string) {
    super(
      kind === 'truncated'
        ? `${basename(path)}: truncated gzip data — the file ends before its gzip trailer, after ${bytesOut} bytes of log (${detail}); the lines before that point were read`
        : `${basename(path)}: corrupt gzip data after ${bytesOut} bytes of log (${detail})`,
    )
    this.name = 'GzipError'
    this.kind = kind
    this.path = path
    this.bytesOut = bytesOut
  }
}

/**
 * Turns a zlib error into a {@link GzipError} with a clear message, or returns `undefined` for
 * other errors (ENOENT …). zlib reports a truncated stream as `Z_BUF_ERROR` ("unexpected end of
 * file") and bad data or a bad CRC as `Z_DATA_ERROR`.
 *
 * @example
 * describeGzipError(Object.assign(new Error('unexpected end of file'), { code: 'Z_BUF_ERROR' }), 'maillog.2.gz', 0)?.kind
 * //=> 'truncated'
 */
export function describeGzipError(err: unknown, path: string, bytesOut = 0): GzipError | undefined {
  if (err instanceof GzipError) return err
  const e = err as NodeJS.ErrnoException | undefined
  if (e?.code === 'Z_BUF_ERROR') return new GzipError('truncated', path, bytesOut, e.message)
  if (e?.code === 'Z_DATA_ERROR' || e?.code === 'Z_STREAM_ERROR') {
    return new GzipError('corrupt', path, bytesOut, e.message)
  }
  return undefined
}

/** Outcome of {@link checkGzip}. */
export type GzipCheck =
  | { readonly ok: true; readonly bytesOut: number }
  | { readonly ok: false; readonly bytesOut: number; readonly error: GzipError }

/**
 * Decompresses a whole gzip file (discarding the output) to find out whether it is complete.
 * Rejects only for errors that are not about the gzip data (ENOENT, EACCES).
 *
 * @example
 * const r = await checkGzip('/var/log/maillog.2.gz')
 * if (!r.ok) console.error(r.error.message)
 * //~> 'maillog.2.gz: truncated gzip data — the file ends before its gzip trailer, after 81920 bytes of log …'
 */
export async function checkGzip(path: string): Promise<GzipCheck> {
  let bytesOut = 0
  const gunzip = createGunzip()
  const file = createReadStream(path)
  try {
    const stream = file.pipe(gunzip)
    const fileError = new Promise<never>((_resolve, reject) => file.on('error', reject))
    const drain = (async () => {
      for await (const chunk of stream) bytesOut += (chunk as Uint8Array).length
    })()
    await Promise.race([drain, fileError])
    return { ok: true, bytesOut }
  } catch (err) {
    const error = describeGzipError(err, path, bytesOut)
    if (!error) throw err
    return { ok: false, bytesOut, error }
  } finally {
    file.destroy()
    gunzip.destroy()
  }
}

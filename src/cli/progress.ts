/**
 * A progress line on stderr while long inputs are read: bytes read of the total and lines per
 * second, redrawn at most five times a second — only when stderr is a terminal and not with
 * `--quiet`, so pipes and cron mail stay clean.
 *
 * @module
 */

/** Progress sink: report bytes and lines read, finish when done. */
export interface Progress {
  /** Bytes read so far of one file (absolute offset) and lines in the batch. */
  update(file: string, offset: number, lines: number): void
  done(): void
}

const NONE: Progress = { update() {}, done() {} }

const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`

/**
 * A progress line for inputs of `totalBytes` (0 when unknown, e.g. gzip or stdin).
 *
 * @example
 * const p = createProgress(size, process.stderr.isTTY && !quiet)
 */
export function createProgress(totalBytes: number, enabled: boolean): Progress {
  if (!enabled) return NONE
  const start = Date.now()
  const offsets = new Map<string, number>()
  let lines = 0
  let last = 0
  const draw = (final: boolean): void => {
    let read = 0
    for (const v of offsets.values()) read += v
    const secs = Math.max((Date.now() - start) / 1000, 0.001)
    const rate = `${Math.round(lines / secs / 1000)}k lines/s`
    const amount =
      totalBytes > 0
        ? `${Math.min(100, Math.floor((100 * read) / totalBytes))}% ${mb(read)}/${mb(totalBytes)}`
        : mb(read)
    process.stderr.write(`\r\x1b[K${amount}  ${lines} lines  ${rate}${final ? '\n' : ''}`)
  }
  return {
    update(file, offset, n) {
      offsets.set(file, offset)
      lines += n
      const now = Date.now()
      if (now - last >= 200) {
        last = now
        draw(false)
      }
    },
    done() {
      if (lines > 0) draw(true)
    },
  }
}

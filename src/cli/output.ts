/**
 * Buffered stdout writing that respects backpressure and stops quietly on EPIPE
 * (`maillog parse big.log | head`).
 *
 * @module
 */

import type { Writable } from 'node:stream'

/** A buffered text sink. */
export interface Sink {
  write(text: string): void | Promise<void>
  flush(): Promise<void>
}

/** Creates a sink that writes in chunks of about 64 KiB and waits for `drain` when needed. */
export function createSink(stream: Writable): Sink {
  let buf = ''
  let closed = false
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      closed = true
      process.exit(0)
    }
    throw err
  })
  async function flush(): Promise<void> {
    if (buf === '' || closed) return
    const chunk = buf
    buf = ''
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve))
  }
  return {
    write(text) {
      buf += text
      if (buf.length >= 65536) return flush()
    },
    flush,
  }
}

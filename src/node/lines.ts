/**
 * Bytes → lines. Our own splitter: readline is slower and hides byte offsets. Chunks are cut at
 * the last `\n` byte (it never occurs inside a UTF-8 sequence), so only complete lines are
 * decoded and the byte offset after each batch is exact — the resume point of a checkpoint.
 * Invalid UTF-8 becomes U+FFFD, never an exception. A trailing `\r` stays on the line for the
 * parser to drop.
 *
 * @module
 */

/** Complete lines and the byte offset just past the last of them. */
export interface LineBatch {
  readonly lines: string[]
  /** Offset in the (decompressed) byte stream after these lines. */
  readonly end: number
  /** Offset of each line's first byte, when asked for. */
  readonly starts?: number[]
}

const decoder = new TextDecoder('utf-8')

/**
 * Yields batches of complete lines with byte offsets; the last line need not end in `\n`.
 * `start` is the offset of the stream's first byte (when resuming inside a file); with
 * `starts`, each batch also gives the offset of every line (counted in bytes, so exact across
 * invalid UTF-8 too).
 *
 * @example
 * for await (const { lines, end } of lineChunks(fs.createReadStream('maillog'))) …
 */
export async function* lineChunks(
  chunks: AsyncIterable<Uint8Array>,
  start = 0,
  starts = false,
): AsyncGenerator<LineBatch> {
  let carry: Uint8Array | undefined
  let offset = start
  for await (const chunk of chunks) {
    const cut = chunk.lastIndexOf(10)
    if (cut < 0) {
      carry = carry ? concat(carry, chunk) : chunk
      continue
    }
    const head = chunk.subarray(0, cut)
    const bytes = carry ? concat(carry, head) : head
    const first = offset
    offset += bytes.length + 1
    carry = cut + 1 < chunk.length ? chunk.subarray(cut + 1) : undefined
    const lines = decoder.decode(bytes).split('\n')
    yield starts ? { lines, end: offset, starts: lineStarts(bytes, first) } : { lines, end: offset }
  }
  if (carry && carry.length > 0) {
    const first = offset
    offset += carry.length
    const lines = [decoder.decode(carry)]
    yield starts ? { lines, end: offset, starts: [first] } : { lines, end: offset }
  }
}

/** Offsets of the lines of `bytes` (newline-separated), the first at `first`. */
function lineStarts(bytes: Uint8Array, first: number): number[] {
  const out = [first]
  for (let p = bytes.indexOf(10); p >= 0; p = bytes.indexOf(10, p + 1)) out.push(first + p + 1)
  return out
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

/**
 * Yields batches of complete lines from a byte stream; the last line need not end in `\n`.
 *
 * @example
 * for await (const batch of lineBatches(fs.createReadStream('maillog'))) for (const line of batch) …
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  for await (const batch of lineChunks(chunks)) yield batch.lines
}

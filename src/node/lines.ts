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
}

const decoder = new TextDecoder('utf-8')

/**
 * Yields batches of complete lines with byte offsets; the last line need not end in `\n`.
 * `start` is the offset of the stream's first byte (when resuming inside a file).
 *
 * @example
 * for await (const { lines, end } of lineChunks(fs.createReadStream('maillog'))) …
 */
export async function* lineChunks(chunks: AsyncIterable<Uint8Array>, start = 0): AsyncGenerator<LineBatch> {
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
    offset += bytes.length + 1
    carry = cut + 1 < chunk.length ? chunk.subarray(cut + 1) : undefined
    yield { lines: decoder.decode(bytes).split('\n'), end: offset }
  }
  if (carry && carry.length > 0) {
    offset += carry.length
    yield { lines: [decoder.decode(carry)], end: offset }
  }
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

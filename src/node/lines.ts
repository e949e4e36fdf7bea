/**
 * Bytes → lines. Our own splitter: readline is slower and hides byte offsets. Chunks are
 * decoded as UTF-8 (invalid sequences become U+FFFD, never an exception) and split on `\n`;
 * a trailing `\r` stays on the line for the parser to drop. A line split across chunks is
 * joined before it is yielded.
 *
 * @module
 */

/**
 * Yields batches of complete lines from a byte stream; the last line need not end in `\n`.
 *
 * @example
 * for await (const batch of lineBatches(fs.createReadStream('maillog'))) for (const line of batch) …
 */
export async function* lineBatches(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8')
  let rest = ''
  for await (const chunk of chunks) {
    const text = rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
    const lines = text.split('\n')
    rest = lines.pop() ?? ''
    if (lines.length > 0) yield lines
  }
  rest += decoder.decode()
  if (rest !== '') yield [rest]
}

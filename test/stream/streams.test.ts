import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { caseEvents, caseTransactions, renderEvents } from '../../src/corpus.js'
import type { MailEvent } from '../../src/events/index.js'
import { eventTransform, transactionTransform } from '../../src/node/streams.js'
import { createEventTransform, createLineSplitter, createTransactionTransform } from '../../src/stream.js'
import type { Transaction } from '../../src/transaction.js'
import { runs } from '../fuzz.js'

const file = 'corpus/trace/multi-host.log'
const text = (await readFile(file, 'utf8'))
  .split('\n')
  .filter((l) => !l.startsWith('#'))
  .join('\n')
const options = { year: 2025, zone: 'UTC' } as const
const expectedEvents = renderEvents(
  caseEvents(`# year: 2025\n${text}`).map((e) => ({ ...e, line: e.line - 1 })),
)
const expectedTx = renderEvents(caseTransactions(caseEvents(`# year: 2025\n${text}`)))

function chunks(s: string, sizes: readonly number[]): string[] {
  const out: string[] = []
  for (let i = 0, k = 0; i < s.length; k++) {
    out.push(s.slice(i, i + sizes[k % sizes.length]!))
    i += sizes[k % sizes.length]!
  }
  return out
}

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = []
  const reader = stream.getReader()
  for (let r = await reader.read(); !r.done; r = await reader.read()) out.push(r.value)
  return out
}

describe('WHATWG streams', () => {
  it('should give the same events and transactions for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
        async (sizes) => {
          const events = await collect(
            ReadableStream.from(chunks(text, sizes))
              .pipeThrough(createLineSplitter())
              .pipeThrough(createEventTransform(options)),
          )
          expect(renderEvents(events)).toBe(expectedEvents)
          const tx = await collect(ReadableStream.from(events).pipeThrough(createTransactionTransform()))
          expect(renderEvents(tx)).toBe(expectedTx)
        },
      ),
      { numRuns: runs(25) },
    )
  })
})

describe('Node streams', () => {
  it('should pipe bytes to events to transactions', async () => {
    const events: MailEvent[] = []
    const tx: Transaction[] = []
    const bytes = Buffer.from(text)
    const parts = [bytes.subarray(0, 100), bytes.subarray(100, 101), bytes.subarray(101)]
    await pipeline(
      Readable.from(parts),
      eventTransform(options),
      async function* (source: AsyncIterable<MailEvent>) {
        for await (const e of source) {
          events.push(e)
          yield e
        }
      },
      transactionTransform(),
      async (source: AsyncIterable<Transaction>) => {
        for await (const t of source) tx.push(t)
      },
    )
    expect(renderEvents(events)).toBe(expectedEvents)
    expect(renderEvents(tx)).toBe(expectedTx)
  })
})

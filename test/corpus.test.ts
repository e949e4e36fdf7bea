import { readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { caseEvents, caseOptions, caseTransactions, renderEvents, wantsTransactions } from '../src/corpus.js'
import { EVENT_TYPES } from '../src/event-types.js'
import type { MailEvent } from '../src/events/index.js'
import { listCases } from '../src/node/corpus.js'
import { lineBatches } from '../src/node/lines.js'
import { createEventStream } from '../src/parse.js'

const cases = await listCases('corpus')

/** Runs a case through the Node line splitter with the given chunk sizes. */
async function viaChunks(text: string, sizes: readonly number[]): Promise<string> {
  const bytes = Buffer.from(text)
  const chunks: Buffer[] = []
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length]!
    chunks.push(bytes.subarray(i, i + n))
    i += n
  }
  const events: MailEvent[] = []
  const stream = createEventStream(caseOptions(text), (e) => events.push(e))
  let line = 0
  for await (const batch of lineBatches(Readable.from(chunks))) {
    for (const l of batch) {
      line++
      if (!l.startsWith('#')) stream.push(l, line)
    }
  }
  stream.end()
  return renderEvents(events)
}

describe('golden corpus', () => {
  it('should have cases', () => {
    expect(cases.length).toBeGreaterThan(10)
  })

  for (const file of cases) {
    describe(file, async () => {
      const text = await readFile(file, 'utf8')
      const expected = await readFile(file.replace(/\.log$/, '.events.jsonl'), 'utf8')

      it('should match the expected events', () => {
        expect(renderEvents(caseEvents(text))).toBe(expected)
      })
      it('should cover every non-comment line with exactly one event', () => {
        const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))
        const events = expected
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as MailEvent & { endLine?: number })
        const covered = events.reduce((n, e) => n + (e.endLine ?? e.line) - e.line + 1, 0)
        expect(covered).toBe(lines.length)
      })
      it('should give the same output with CRLF line endings', () => {
        expect(renderEvents(caseEvents(text.replaceAll('\n', '\r\n')))).toBe(expected)
      })
      it('should give the same output for any chunking of the bytes', async () => {
        expect(await viaChunks(text, [1])).toBe(expected)
        expect(await viaChunks(text, [7, 3, 64])).toBe(expected)
        expect(await viaChunks(text, [4096])).toBe(expected)
      })
      if (wantsTransactions(text)) {
        it('should match the expected transactions', async () => {
          const expectedTx = await readFile(file.replace(/\.log$/, '.transactions.jsonl'), 'utf8')
          expect(renderEvents(caseTransactions(caseEvents(text)))).toBe(expectedTx)
        })
      }
      it('should give the same output twice', () => {
        expect(renderEvents(caseEvents(text))).toBe(renderEvents(caseEvents(text)))
      })
    })
  }

  it('should cover every event type', async () => {
    const seen = new Set<string>()
    for (const file of cases) {
      for (const e of caseEvents(await readFile(file, 'utf8'))) seen.add(e.type)
    }
    expect(EVENT_TYPES.filter((t) => !seen.has(t))).toEqual([])
  })
})

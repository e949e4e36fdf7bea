import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { caseEvents, caseTransactions } from '../../src/corpus.js'
import { formatTransaction } from '../../src/output/text.js'

const [t] = caseTransactions(caseEvents(await readFile('corpus/trace/deferred-then-sent.log', 'utf8')))

describe('formatTransaction', () => {
  it('should list every attempt with its status and response', () => {
    const text = formatTransaction(t!)
    expect(text.split('\n')[0]).toMatch(
      /^mx1\/postfix\/2B3C4D5E6F {2}2025-03-01T13:00:00\+00:00 … 13:30:32\+00:00 {2}complete$/,
    )
    expect(text.match(/DEFERRED/g)).toHaveLength(2)
    expect(text).toMatch(/SENT 2\.0\.0 via mx\.example\.net\[198\.51\.100\.7\]:25/)
    expect(text).not.toMatch(/\x1b\[/)
  })
  it('should colour statuses only when asked', () => {
    const text = formatTransaction(t!, { color: true })
    expect(text).toContain('\x1b[32mSENT\x1b[0m')
    expect(text).toContain('\x1b[33mDEFERRED\x1b[0m')
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createEventIds,
  esBulkEvent,
  esBulkTransaction,
  indexNameProblem,
  resolveIndexName,
  transactionDocumentId,
} from '../../src/output/es-bulk.js'
import { fnv1a64 } from '../../src/output/hash.js'
import { isNoqueueReject } from '../../src/trace/filter.js'
import { runs } from '../fuzz.js'
import { corpusEvents, corpusTransactions } from './fixtures.js'

/** FNV-1a 64 the slow, obvious way. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n
  for (const b of new TextEncoder().encode(s)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn
  return h.toString(16).padStart(16, '0')
}

const bulk = (index?: string): string =>
  corpusTransactions.map((t) => esBulkTransaction(t, { index })).join('')

describe('fnv1a64', () => {
  it('should match the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325')
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c')
    expect(fnv1a64('foobar')).toBe('85944171f73967e8')
  })
  it('should equal a BigInt reference for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => fnv1a64(s) === reference(s)),
      { numRuns: runs(300) },
    )
  })
})

describe('esBulkTransaction', () => {
  it('should alternate action lines and ECS documents, every line JSON', () => {
    const lines = bulk().split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(2 * corpusTransactions.length)
    for (let i = 0; i < lines.length; i += 2) {
      const action = JSON.parse(lines[i]!)
      const doc = JSON.parse(lines[i + 1]!)
      expect(Object.keys(action)).toEqual(['index'])
      expect(action.index._index).toBe('maillog-transactions')
      expect(action.index._id).toMatch(/^[0-9a-f]{16}$/)
      expect(doc.maillog.type).toBe('transaction')
      expect(doc.email.local_id).toBe(corpusTransactions[i / 2]!.queueId)
    }
  })

  it('should give the same ids on every run, and a different one to every transaction', () => {
    expect(bulk()).toBe(bulk())
    const ids = corpusTransactions.map(transactionDocumentId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('should give a reused queue id a new document id', () => {
    const reused = corpusTransactions.filter((t) => t.id === 'mx1/postfix/F869708192')
    expect(reused).toHaveLength(2)
    expect(transactionDocumentId(reused[0]!)).not.toBe(transactionDocumentId(reused[1]!))
    expect(transactionDocumentId(reused[0]!)).toBe(fnv1a64(`mx1/postfix/F869708192\n${reused[0]!.start}`))
  })

  it('should resolve a date pattern from the transaction start, in UTC', () => {
    const t = corpusTransactions.find((x) => x.id === 'mx1/postfix/4E5F607182')!
    const action = JSON.parse(esBulkTransaction(t, { index: 'maillog-%Y.%m.%d' }).split('\n')[0]!)
    expect(action.index._index).toBe('maillog-2025.03.01')
  })
})

describe('esBulkEvent', () => {
  it('should give identical rejects of one second different ids, stable across runs', () => {
    const rejects = corpusEvents.filter(isNoqueueReject)
    expect(rejects.length).toBeGreaterThan(0)
    const r = rejects[0]!
    const run = () => {
      const id = createEventIds()
      return [r, r, { ...r, line: 99, source: 'mail.log.1' }].map((e) => esBulkEvent(e, id(e)))
    }
    const [a, b, c] = run()
    expect(run()).toEqual([a, b, c])
    const ids = [a, b, c].map((l) => JSON.parse(l!.split('\n')[0]!).index._id)
    expect(new Set(ids).size).toBe(3)
    // line and source do not count: the same line read from a rotated file keeps its id.
    expect(createEventIds()({ ...r, line: 7, source: 'x' })).toBe(ids[0])
  })
})

describe('index names', () => {
  it('should resolve %Y %m %d in UTC and %% as %', () => {
    expect(resolveIndexName('maillog-%Y.%m.%d', '2025-03-01T23:30:00-02:00')).toBe('maillog-2025.03.02')
    expect(resolveIndexName('m-%Y-%m', '2025-12-31T23:59:59.5+00:00')).toBe('m-2025-12')
    expect(resolveIndexName('m-%Y.%m.%d', 'Feb 30 12:00:00')).toBe('m-0000.00.00')
    expect(resolveIndexName('m-%%', '2025-01-01T00:00:00Z')).toBe('m-%')
    expect(resolveIndexName('plain', undefined)).toBe('plain')
  })
  it('should refuse names Elasticsearch refuses', () => {
    expect(indexNameProblem('maillog-%Y.%m.%d')).toBeUndefined()
    expect(indexNameProblem('maillog-transactions')).toBeUndefined()
    expect(indexNameProblem('Maillog')).toMatch(/lowercase/)
    expect(indexNameProblem('mail log')).toMatch(/space/)
    expect(indexNameProblem('_maillog')).toMatch(/start/)
    expect(indexNameProblem('maillog-%H')).toMatch(/%H/)
    expect(indexNameProblem('..')).toBeDefined()
    expect(indexNameProblem('x'.repeat(256))).toMatch(/255/)
  })
})

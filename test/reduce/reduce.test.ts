import { readFile } from 'node:fs/promises'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { caseEvents } from '../../src/corpus.js'
import type { MailEvent } from '../../src/events/index.js'
import { listCases } from '../../src/node/corpus.js'
import { parseLines } from '../../src/parse.js'
import { createFold } from '../../src/reduce/fold.js'
import { createState, flush, reduce, restoreState } from '../../src/reduce/index.js'
import type { Transaction } from '../../src/transaction.js'
import { runs } from '../fuzz.js'

const files = (await listCases('corpus')).filter((f) => f.includes('/trace/'))
const events: MailEvent[] = []
for (const f of files) events.push(...caseEvents(await readFile(f, 'utf8')))

function run(list: readonly MailEvent[]): Transaction[] {
  const state = createState()
  const out: Transaction[] = []
  for (const e of list) out.push(...reduce(state, e))
  return [...out, ...flush(state)]
}

describe('reduce', () => {
  it('should be deterministic', () => {
    expect(JSON.stringify(run(events))).toBe(JSON.stringify(run(events)))
  })

  it('should give the same transactions when resumed from any checkpoint', () => {
    const whole = JSON.stringify(run(events))
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length }), (cut) => {
        const first = createState()
        const out: Transaction[] = []
        for (const e of events.slice(0, cut)) out.push(...reduce(first, e))
        const second = restoreState(JSON.parse(JSON.stringify(first)))
        for (const e of events.slice(cut)) out.push(...reduce(second, e))
        out.push(...flush(second))
        expect(JSON.stringify(out)).toBe(whole)
      }),
      { numRuns: runs(60) },
    )
  })

  it('should give the same transactions when a fold is resumed from any checkpoint, split lines included', async () => {
    // Split Sendmail lines (`QID[1]: …`, `QID[2]: …`) wait in the fold for their other parts.
    const split = caseEvents(await readFile('corpus/sendmail/split-parts.log', 'utf8'))
    const all = [...split, ...events]
    const fold = (list: readonly MailEvent[]) => {
      const f = createFold(createState())
      const out = list.flatMap((e) => [...f.push(e)])
      return JSON.stringify([...out, ...f.end()])
    }
    const whole = fold(all)
    let cutInsideGroup = 0
    for (let cut = 0; cut <= all.length; cut++) {
      const state = createState()
      const first = createFold(state)
      const out = all.slice(0, cut).flatMap((e) => [...first.push(e)])
      out.push(...first.end(true))
      const saved = JSON.parse(JSON.stringify({ reducer: state, held: first.held() }))
      if (saved.held.length > 0) cutInsideGroup++
      const second = createFold(restoreState(saved.reducer), saved.held)
      out.push(...all.slice(cut).flatMap((e) => [...second.push(e)]), ...second.end())
      expect(JSON.stringify(out), `cut at ${cut}`).toBe(whole)
    }
    expect(cutInsideGroup).toBeGreaterThan(0)
  })

  it('should put every delivery attempt into exactly one transaction', () => {
    const attempts = events.reduce(
      (n, e) => n + (e.type === 'postfix.delivery' ? 1 : e.type === 'sendmail.to' ? e.recipients.length : 0),
      0,
    )
    expect(run(events).reduce((n, t) => n + t.recipients.length, 0)).toBe(attempts)
  })

  it('should never throw and stay bounded on shuffled, duplicated and missing lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 300 }), (list) => {
        const state = createState()
        let emitted = 0
        for (const e of list) emitted += reduce(state, e).length
        // A line opens at most two transactions (a Sendmail DSN line: the original and its notice).
        const open = Object.keys(state.drafts).length
        expect(open).toBeLessThanOrEqual(2 * list.length)
        emitted += flush(state).length
        expect(Object.keys(state.drafts)).toHaveLength(0)
        expect(state.held).toHaveLength(0)
        expect(emitted).toBeLessThanOrEqual(2 * list.length)
      }),
      { numRuns: runs(200) },
    )
  })

  it('should evict transactions idle longer than the maximum age, incomplete', () => {
    const state = createState({ maxAgeMs: 3_600_000 })
    const at = (time: string, queueId: string): MailEvent => ({
      type: 'postfix.qmgr.queued',
      line: 1,
      time,
      stamp: time,
      host: 'mx1',
      program: 'postfix/qmgr',
      instance: 'postfix',
      daemon: 'qmgr',
      queueId,
      from: 'a@b',
      size: 1,
      nrcpt: 1,
    })
    expect(reduce(state, at('2025-03-01T10:00:00Z', 'AAAAAA1'))).toEqual([])
    const out = reduce(state, at('2025-03-01T12:00:01Z', 'AAAAAA2'))
    expect(out.map((t) => [t.queueId, t.complete])).toEqual([['AAAAAA1', false]])
    expect(Object.keys(state.drafts)).toEqual(['mx1/postfix/AAAAAA2'])
  })

  it('should keep memory flat: only messages in flight stay in the state', () => {
    const state = createState()
    const base = Date.parse('2025-03-01T00:00:00Z')
    let maxDrafts = 0
    for (let i = 0; i < 20_000; i++) {
      const time = new Date(base + i * 1000).toISOString()
      const common = {
        line: i,
        time,
        stamp: time,
        host: 'mx1',
        instance: 'postfix',
        queueId: `Q${i.toString(16).toUpperCase().padStart(8, '0')}`,
      }
      reduce(state, {
        ...common,
        type: 'postfix.pickup.uid',
        program: 'postfix/pickup',
        daemon: 'pickup',
        uid: 1,
        from: 'a',
      })
      reduce(state, { ...common, type: 'postfix.qmgr.removed', program: 'postfix/qmgr', daemon: 'qmgr' })
      maxDrafts = Math.max(maxDrafts, Object.keys(state.drafts).length)
    }
    // Closed ones are held for 5 minutes of log time: 300 messages at one per second.
    expect(maxDrafts).toBeLessThanOrEqual(302)
  })
  it("should prefer qmgr's sender to the one of an earlier reject line", () => {
    const log = [
      'Mar  1 15:00:00 mx1 postfix/smtpd[1]: 1A2B3C4D5E: client=h.example.org[192.0.2.1]',
      'Mar  1 15:00:01 mx1 postfix/smtpd[1]: 1A2B3C4D5E: reject: RCPT from h.example.org[192.0.2.1]: 550 5.1.1 <x@example.org>: Recipient address rejected: User unknown; from=<Alice@h.example.org> to=<x@example.org> proto=ESMTP helo=<h>',
      'Mar  1 15:00:02 mx1 postfix/cleanup[2]: 1A2B3C4D5E: message-id=<m@h.example.org>',
      'Mar  1 15:00:02 mx1 postfix/qmgr[3]: 1A2B3C4D5E: from=<alice@example.org>, size=10, nrcpt=1 (queue active)',
      'Mar  1 15:00:03 mx1 postfix/qmgr[3]: 1A2B3C4D5E: removed',
    ].join('\n')
    const [t] = run(caseEvents(log))
    expect([t?.from, t?.complete]).toEqual(['alice@example.org', true])
  })
})

describe('unresolved times', () => {
  it('should count a line whose time is unresolved as of the latest time seen, not as some old date', () => {
    const lines = [
      'Mar  1 12:00:00 mx1 postfix/qmgr[2]: 0A1B2C3D4E: removed',
      // An invalid date: the event keeps the stamp as its time, unresolved.
      'Feb 30 12:00:01 mx1 postfix/pickup[1]: 1A2B3C4D5E: uid=0 from=<root>',
      // An hour on, the idle sweep runs: the message is not 24 years idle.
      'Mar  1 13:30:00 mx1 postfix/qmgr[2]: 0B1C2D3E4F: removed',
      'Mar  1 13:30:02 mx1 postfix/cleanup[3]: 1A2B3C4D5E: message-id=<x@mx1>',
      'Mar  1 13:30:02 mx1 postfix/qmgr[2]: 1A2B3C4D5E: from=<root@mx1>, size=300, nrcpt=1 (queue active)',
      'Mar  1 13:30:03 mx1 postfix/local[4]: 1A2B3C4D5E: to=<a@mx1>, relay=local, delay=3, delays=0/0/0/3, dsn=2.0.0, status=sent (delivered to mailbox)',
      'Mar  1 13:30:03 mx1 postfix/qmgr[2]: 1A2B3C4D5E: removed',
    ]
    const evs = parseLines(lines.join('\n'), { year: 2025, zone: 'UTC' })
    expect(evs[1]).toMatchObject({ type: 'postfix.pickup.uid', timeUnresolved: true })
    const ts = run(evs).filter((t) => t.queueId === '1A2B3C4D5E')
    expect(ts).toHaveLength(1)
    expect(ts[0]).toMatchObject({ complete: true, messageId: 'x@mx1', uid: 0 })
  })
})

/**
 * How the timeline plugs into a push parser: parse each line as today, push the event with its
 * header stamp, and take the time from the timeline when it is emitted. Run over the golden
 * corpus, the result must equal today's output — so swapping the clock for the timeline in
 * `createEventStream` changes no golden file.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { caseEvents, caseOptions } from '../../src/corpus.js'
import { readSyslogHeader } from '../../src/envelope/syslog.js'
import type { MailEvent } from '../../src/events/index.js'
import { listCases } from '../../src/node/corpus.js'
import { createParser } from '../../src/parse.js'
import type { ResolvedTime } from '../../src/time/resolved.js'
import { createTimeline } from '../../src/time/timeline.js'

/** The few lines `createEventStream` would need. */
function viaTimeline(text: string): MailEvent[] {
  const options = caseOptions(text)
  const parser = createParser(options)
  const out: MailEvent[] = []
  const timeline = createTimeline<MailEvent>({ ...options, now: '2030-01-01T00:00:00Z' }, (t, event) =>
    out.push(withTime(event, t)),
  )
  text.split('\n').forEach((raw, i) => {
    if (raw === '' || raw.startsWith('#')) return
    const line = raw.replace(/\r$/, '')
    const event = parser.parse(line, i + 1)
    const header = readSyslogHeader(line)
    timeline.push({ host: header?.host ?? '' }, header?.stamp, event)
  })
  timeline.end()
  return out
}

/** The event with the timeline's time; key order is kept (spread keeps existing keys in place). */
function withTime(event: MailEvent, t: ResolvedTime | undefined): MailEvent {
  if (t === undefined || !('time' in event)) return event
  return {
    ...event,
    time: t.iso ?? t.stamp,
    timeUnresolved: t.iso === undefined ? true : undefined,
  } as MailEvent
}

describe('timeline in a push parser', async () => {
  const cases = await listCases('corpus')
  for (const file of cases) {
    it(`should reproduce ${file}`, async () => {
      const text = await readFile(file, 'utf8')
      expect(JSON.stringify(viaTimeline(text))).toBe(JSON.stringify(caseEvents(text)))
    })
  }
})

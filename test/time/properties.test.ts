/**
 * Properties of the timeline: the same output for any chunking of the input bytes and any zone
 * of the host process, and no runaway year on out-of-order input.
 */
import { Readable } from 'node:stream'
import fc from 'fast-check'
import { DateTime } from 'luxon'
import { afterAll, describe, expect, it } from 'vitest'
import { parseSyslogStamp } from '../../src/envelope/stamp.js'
import { readSyslogHeader } from '../../src/envelope/syslog.js'
import { lineBatches } from '../../src/node/lines.js'
import { mtimeAnchor } from '../../src/time/anchors.js'
import type { ResolvedTime } from '../../src/time/resolved.js'
import { createTimeline, type TimelineOptions } from '../../src/time/timeline.js'
import { runs } from '../fuzz.js'
import { run } from './helpers.js'

const DAY = 86_400_000
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `Mmm dd hh:mm:ss` of an instant's wall clock in `zone`. */
function bsd(ms: number, zone: string): { stamp: string; year: number } {
  const d = DateTime.fromMillis(ms, { zone })
  const day = d.day < 10 ? ` ${d.day}` : String(d.day)
  return { stamp: `${MONTHS[d.month - 1]} ${day} ${d.toFormat('HH:mm:ss')}`, year: d.year }
}

/** A log whose true instants increase; some lines are late (at most `confirm` in a row per host). */
const scenario = fc.record({
  start: fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
  zone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
  steps: fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 3 * 86400 }),
      host: fc.integer({ min: 0, max: 2 }),
      dice: fc.integer({ min: 0, max: 99 }),
      lateDays: fc.integer({ min: 8, max: 60 }),
      jitter: fc.integer({ min: 0, max: 120 }),
    }),
    { minLength: 1, maxLength: 150 },
  ),
  mtimeSlack: fc.integer({ min: 0, max: 12 * 3600 }),
})

interface Generated {
  readonly lines: { stamp: string; host: string; year: number; late: boolean }[]
  readonly zone: string
  readonly options: TimelineOptions
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function generate(s: Scenario): Generated {
  let t = s.start
  const lateRun = [0, 0, 0]
  const lines = s.steps.map((st) => {
    t += st.gap * 1000
    const late = st.dice < 5 && lateRun[st.host]! < 2
    lateRun[st.host] = late ? lateRun[st.host]! + 1 : 0
    const reported = t - st.jitter * 1000 - (late ? st.lateDays * DAY : 0)
    return { ...bsd(reported, s.zone), host: `h${st.host}`, late }
  })
  const mtime = t + s.mtimeSlack * 1000
  return {
    lines,
    zone: s.zone,
    options: { zone: s.zone, now: mtime + 400 * DAY, anchors: [mtimeAnchor(mtime)] },
  }
}

describe('timeline properties', () => {
  it('should give every line its true year, or flag it outOfOrder when it is a late line', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const g = generate(s)
        const { times, order } = run(g.lines, g.options)
        expect(order).toEqual(g.lines.map((_l, i) => i))
        times.forEach((t, i) => {
          const line = g.lines[i]!
          if (t.year !== line.year) {
            expect(line.late, `line ${i} ${line.stamp} ${line.host}: ${t.year} ≠ ${line.year}`).toBe(true)
            expect(t.flags).toContain('outOfOrder')
          }
        })
      }),
      { numRuns: runs(300) },
    )
  })

  it('should never run away on arbitrary orderings: no line after the end bound, rollovers bounded', () => {
    const anyOrder = fc.array(
      fc.record({
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        hour: fc.integer({ min: 0, max: 23 }),
      }),
      { minLength: 1, maxLength: 120 },
    )
    fc.assert(
      fc.property(anyOrder, fc.integer({ min: 0, max: 3 }), (stamps, confirm) => {
        const lines = stamps.map(
          (x) =>
            `${MONTHS[x.month - 1]} ${String(x.day).padStart(2, ' ')} ${String(x.hour).padStart(2, '0')}:00:00`,
        )
        const bound = Date.UTC(2025, 5, 1)
        const { times, summary } = run(lines, {
          zone: 'UTC',
          now: bound,
          confirm,
          anchors: [mtimeAnchor(bound)],
        })
        expect(times).toHaveLength(lines.length)
        for (const t of times) expect(t.epochMs).toBeLessThanOrEqual(bound + DAY)
        const { rollovers, baseYear } = summary.streams[0]!
        // Each rollover needs confirm + 1 lines, but for one decided at the end.
        expect(rollovers).toBeLessThanOrEqual(Math.floor(lines.length / (confirm + 1)) + 1)
        expect(baseYear).toBeGreaterThanOrEqual(2025 - rollovers - 1)
      }),
      { numRuns: runs(300) },
    )
  })
})

/** Runs a log text through the Node line splitter in the given chunk sizes, then the timeline. */
async function viaChunks(text: string, sizes: readonly number[], options: TimelineOptions): Promise<string> {
  const bytes = Buffer.from(text)
  const chunks: Buffer[] = []
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length]!
    chunks.push(bytes.subarray(i, i + n))
    i += n
  }
  const out: string[] = []
  const tl = createTimeline<number>(options, (t: ResolvedTime | undefined, n) =>
    out.push(`${n} ${JSON.stringify(t)}`),
  )
  let n = 0
  for await (const batch of lineBatches(Readable.from(chunks))) {
    for (const line of batch) {
      const h = readSyslogHeader(line)
      tl.push({ host: h?.host ?? '', source: 'maillog' }, h?.stamp, ++n)
    }
  }
  tl.end()
  return out.join('\n')
}

function logText(g: Generated): string {
  return g.lines
    .map((l, i) =>
      i % 17 === 5
        ? 'garbage without a header'
        : `${l.stamp} ${l.host} postfix/qmgr[7]: 4F1A2B3C${i}: removed`,
    )
    .join('\n')
}

describe('timeline invariance', () => {
  const savedTz = process.env.TZ
  afterAll(() => {
    process.env.TZ = savedTz
  })

  it('should give the same output for any chunking of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
        async (s, sizes) => {
          const g = generate(s)
          const text = logText(g)
          const whole = await viaChunks(text, [text.length + 1], g.options)
          expect(await viaChunks(text, sizes, g.options)).toBe(whole)
          expect(await viaChunks(text, sizes, { ...g.options, maxHold: Number.POSITIVE_INFINITY })).toBe(
            whole,
          )
        },
      ),
      { numRuns: runs(60) },
    )
  })

  it('should give the same output whatever the zone of the host process', async () => {
    const probes: [string, number][] = [
      ['UTC', 0],
      ['America/Los_Angeles', 480],
      ['Asia/Kathmandu', -345],
      ['Pacific/Chatham', -825],
      ['Australia/Lord_Howe', -660],
    ]
    const samples = fc.sample(scenario, { numRuns: 20, seed: 42 })
    const texts = samples.map((s) => [logText(generate(s)), generate(s).options] as const)
    const results: string[][] = []
    for (const [tz, january] of probes) {
      process.env.TZ = tz
      // The switch took effect: the host's own offset changed.
      expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(january)
      const row: string[] = []
      for (const [text, options] of texts) row.push(await viaChunks(text, [97], options))
      results.push(row)
    }
    for (const row of results) expect(row).toEqual(results[0])
  })
})

describe('timeline: repeated stamps', () => {
  /** Each line's time, pushing `parts` as given: shared objects for a repeated stamp, or fresh ones. */
  function times(g: Generated, options: TimelineOptions, shared: boolean): string[] {
    const out: string[] = []
    const tl = createTimeline<number>(options, (t, n) => out.push(`${n} ${JSON.stringify(t)}`))
    let last: { stamp: string; parts: NonNullable<ReturnType<typeof parseSyslogStamp>>['parts'] } | undefined
    g.lines.forEach((l, i) => {
      // Every line repeats, so runs of equal stamps meet rollovers, late lines and bounds.
      for (const n of [2 * i, 2 * i + 1]) {
        const parts = shared && last?.stamp === l.stamp ? last.parts : parseSyslogStamp(l.stamp)!.parts
        last = { stamp: l.stamp, parts }
        tl.push({ host: l.host, source: 'maillog' }, parts, n)
      }
    })
    tl.end()
    return out
  }

  it('should resolve a stamp given again as the same parts object exactly as a fresh one', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const g = generate(s)
        // Lines are emitted at once only when nothing is held: a fixed year, or a small hold.
        for (const options of [g.options, { ...g.options, maxHold: 3 }, { zone: g.zone, year: 2020 }])
          expect(times(g, options, true)).toEqual(times(g, options, false))
      }),
    )
  })
})

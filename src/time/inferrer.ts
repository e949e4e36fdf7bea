/**
 * The streaming year inferrer: stamps in, resolved times out, in input order.
 *
 * Lines are grouped into streams by (source, host). Each stream runs the rollover tracker
 * (`rollover.ts`) for relative years and collects hard evidence (explicit years, `Feb 29`,
 * weekdays, reference anchors). Its **base year** is settled by, in order: the `year` option;
 * the first explicit year or matched reference anchor; otherwise, at the end of the source (or
 * of the input), by `solve.ts` from the hard evidence and the strongest end bound (reference
 * date, rotated name, gzip MTIME, mtime, bundle, now). Until then the stream's lines are
 * held — at most `maxHold` lines in all; past that the stream at the head of the queue is
 * settled with the evidence it has, and later contradicting evidence is flagged `conflict`.
 * Results are emitted strictly in input order, across all streams.
 *
 * It takes the world as arguments (`now`, zone, anchors): no clock, no globals, no luxon
 * `Settings`. Option parsing and defaults live in `timeline.ts`.
 *
 * @module
 */

import type { StampParts } from '../envelope/stamp.js'
import {
  type Anchor,
  type AnchorKind,
  anchorPosition,
  latestStartBound,
  strongestEndBound,
} from './anchors.js'
import { isLeapYear, nearestLeapYears, nearestWeekdayYears, position, weekdayOf } from './calendar.js'
import {
  buildResolved,
  type Confidence,
  FLAG,
  invalidTime,
  type ResolvedTime,
  type YearSource,
  type ZoneSource,
} from './resolved.js'
import { createRolloverTracker, type RolloverTracker, type Tracked } from './rollover.js'
import { solveBaseYear, type WeekdayEvidence } from './solve.js'
import { resolveWall, resolveWithOffset, subMsNanos, type WallPolicy, wallResult } from './wall-time.js'
import { createZoneResolver, type ZoneResolver } from './zone.js'

/** Normalized options of {@link createYearInferrer} (see `TimelineOptions` for the user-facing ones). */
export interface InferrerOptions {
  /** Zone of zone-less stamps. */
  readonly zone: string
  /** `option` when the caller chose the zone, `assumed` for the system zone. */
  readonly zoneSource: ZoneSource
  /** The current time, epoch ms: the end bound of last resort. */
  readonly now: number
  /** Year of each stream's first line; beats all other evidence. */
  readonly year: number | undefined
  /** The date the logs are read at, epoch ms: the strongest end bound. */
  readonly referenceDate: number | undefined
  /** Anchors for every stream (e.g. a bundle time). */
  readonly anchors: readonly Anchor[]
  readonly policy: WallPolicy
  /** A step back of more than this (ms) is a candidate rollover. */
  readonly backStepMs: number
  /** Lines that must confirm a candidate rollover. */
  readonly confirm: number
  /** How far past an end bound a line may lie (ms). */
  readonly maxFutureSkewMs: number
  /** Most lines held while base years or rollovers are unsettled. */
  readonly maxHold: number
}

/** Per-source information: its anchors and, when it differs, its zone. */
export interface SourceInfo {
  readonly anchors?: readonly Anchor[]
  readonly zone?: string
}

/** Which stream a line belongs to. */
export interface StreamKey {
  readonly host: string
  readonly source?: string
}

/** How one stream was resolved. */
export interface StreamSummary {
  readonly source: string | undefined
  readonly host: string
  readonly lines: number
  readonly baseYear: number | undefined
  readonly yearSource: YearSource
  readonly confidence: Confidence
  readonly rollovers: number
  readonly conflicts: number
}

/** What {@link YearInferrer.end} reports. */
export interface InferenceSummary {
  readonly streams: readonly StreamSummary[]
  /** One readable message per stream with conflicting evidence. */
  readonly conflicts: readonly string[]
}

/** A streaming inferrer; see {@link createYearInferrer}. */
export interface YearInferrer<T> {
  /** Zone of zone-less stamps. */
  readonly zone: string
  readonly zoneSource: ZoneSource
  /** Lines pushed but not yet emitted. */
  readonly held: number
  /** Registers a source's anchors and zone; call before its first line. */
  source(name: string, info: SourceInfo): void
  /**
   * Feeds one line: its stream, its stamp (`undefined` for a line without one, which is
   * emitted in order with no time) and a payload handed back with the result.
   */
  push(key: StreamKey, parts: StampParts | undefined, payload: T): void
  /** The source has no more lines: settle its streams and emit what they held. */
  endSource(name: string): void
  /** The input is over: settle everything, emit the rest, report. */
  end(): InferenceSummary
}

interface Entry<T> extends Tracked {
  readonly payload: T
  readonly parts: StampParts | undefined
  readonly stream: Stream<T> | undefined
  time: ResolvedTime | undefined
  done: boolean
  alt: readonly number[] | undefined
}

interface Stream<T> {
  readonly source: string | undefined
  readonly host: string
  readonly zr: ZoneResolver
  readonly zoneSource: ZoneSource
  readonly tracker: RolloverTracker<Entry<T>>
  readonly end: Anchor
  readonly start: Anchor | undefined
  readonly refs: readonly Anchor[]
  base: number | undefined
  baseExplicit: boolean
  yearSource: YearSource
  confidence: Confidence
  altBase: number | undefined
  readonly altCache: Map<number, readonly number[]>
  streamBits: number
  readonly leapKs: number[]
  readonly weekdays: WeekdayEvidence[]
  readonly weekdayKeys: Set<number>
  waiting: Entry<T>[]
  maxEpoch: number
  lines: number
  conflicts: number
}

const SOURCE_OF: Readonly<Record<AnchorKind, YearSource>> = {
  reference: 'reference',
  referenceDate: 'referenceDate',
  rotatedName: 'rotatedName',
  gzipMtime: 'gzipMtime',
  mtime: 'mtime',
  bundle: 'bundle',
  now: 'now',
}

const LOWERING = FLAG.outOfOrder | FLAG.conflict | FLAG.future

/**
 * Creates a streaming year inferrer. `emit` receives each line's resolved time (or `undefined`
 * for a line pushed without a stamp) and its payload, in input order.
 *
 * @example
 * const out: string[] = []
 * const inf = createYearInferrer({ ...defaults, zone: 'UTC', now: Date.parse('2025-01-02T12:00:00Z') },
 *   (t) => out.push(t!.iso!))
 * for (const s of ['Dec 31 23:59:58', 'Jan  1 00:00:01', 'Jan  1 00:00:02', 'Jan  1 00:00:03'])
 *   inf.push({ host: 'mx1' }, parseSyslogStamp(s)!.parts, undefined)
 * inf.end()
 * out //=> ['2024-12-31T23:59:58+00:00', '2025-01-01T00:00:01+00:00', '2025-01-01T00:00:02+00:00', '2025-01-01T00:00:03+00:00']
 */
export function createYearInferrer<T>(
  options: InferrerOptions,
  emit: (time: ResolvedTime | undefined, payload: T) => void,
): YearInferrer<T> {
  const zoneResolvers = new Map<string, ZoneResolver>()
  const sources = new Map<string, SourceInfo>()
  const streams = new Map<string, Map<string, Stream<T>>>()
  const all: Stream<T>[] = []
  const queue: (Entry<T> | undefined)[] = []
  let head = 0
  let draining = false
  const scratch = wallResult()
  const backStepSec = Math.round(options.backStepMs / 1000)
  const skewSec = Math.round(options.maxFutureSkewMs / 1000)
  const nowAnchor: Anchor = { kind: 'now', bound: 'notAfter', epochMs: options.now }
  const refAnchor: Anchor | undefined =
    options.referenceDate === undefined
      ? undefined
      : { kind: 'referenceDate', bound: 'notAfter', epochMs: options.referenceDate }

  function resolverFor(zone: string): ZoneResolver {
    let r = zoneResolvers.get(zone)
    if (!r) {
      r = createZoneResolver(zone)
      zoneResolvers.set(zone, r)
    }
    return r
  }
  const defaultZone = resolverFor(options.zone)

  function createStream(source: string | undefined, host: string): Stream<T> {
    const info = source === undefined ? undefined : sources.get(source)
    const anchors = [...options.anchors, ...(info?.anchors ?? [])].filter(
      (a) => a.host === undefined || a.host === host,
    )
    const ends = refAnchor ? [refAnchor, ...anchors, nowAnchor] : [...anchors, nowAnchor]
    const s: Stream<T> = {
      source,
      host,
      zr: info?.zone === undefined ? defaultZone : resolverFor(info.zone),
      zoneSource: info?.zone === undefined ? options.zoneSource : 'option',
      tracker: createRolloverTracker<Entry<T>>(backStepSec, options.confirm, (e) => assigned(s, e)),
      end: strongestEndBound(ends)!,
      start: latestStartBound(anchors),
      refs: anchors.filter((a) => a.bound === 'exact' && a.year !== undefined),
      base: undefined,
      baseExplicit: false,
      yearSource: 'none',
      confidence: 'low',
      altBase: undefined,
      altCache: new Map(),
      streamBits: 0,
      leapKs: [],
      weekdays: [],
      weekdayKeys: new Set(),
      waiting: [],
      maxEpoch: Number.NEGATIVE_INFINITY,
      lines: 0,
      conflicts: 0,
    }
    if (options.year !== undefined) {
      s.base = options.year
      s.yearSource = 'year'
      s.confidence = 'high'
    } else {
      const whole = s.refs.find((a) => a.at === undefined)
      if (whole) {
        s.base = whole.year
        s.yearSource = 'reference'
        s.confidence = 'high'
      }
    }
    all.push(s)
    return s
  }

  function streamOf(key: StreamKey): Stream<T> {
    const src = key.source ?? ''
    let hosts = streams.get(src)
    if (!hosts) {
      hosts = new Map()
      streams.set(src, hosts)
    }
    let s = hosts.get(key.host)
    if (!s) {
      s = createStream(key.source, key.host)
      hosts.set(key.host, s)
    }
    return s
  }

  function pin(
    s: Stream<T>,
    base: number,
    source: YearSource,
    explicit: boolean,
    confidence: Confidence,
  ): void {
    s.base = base
    s.yearSource = source
    s.confidence = confidence
    s.baseExplicit = explicit
    const waiting = s.waiting
    s.waiting = []
    for (const e of waiting) resolve(s, e)
  }

  /** Called by the tracker, in stream order, once a line's relative year is known. */
  function assigned(s: Stream<T>, e: Entry<T>): void {
    const p = e.parts!
    if (p.year === undefined) {
      if (p.month === 2 && p.day === 29 && !s.leapKs.includes(e.k)) s.leapKs.push(e.k)
      if (p.weekday !== undefined) {
        const key = ((e.k * 13 + p.month) * 32 + p.day) * 8 + p.weekday
        if (!s.weekdayKeys.has(key) && s.weekdayKeys.size < 512) {
          s.weekdayKeys.add(key)
          s.weekdays.push({ k: e.k, month: p.month, day: p.day, weekday: p.weekday })
        }
      }
      for (const ref of s.refs) {
        if (ref.at === undefined || anchorPosition(ref.at) !== e.pos) continue
        if (s.base === undefined) pin(s, ref.year! - e.k, 'reference', false, 'high')
        else if (s.base + e.k !== ref.year) {
          e.bits |= FLAG.conflict
          e.alt = [ref.year!]
        }
        break
      }
    } else if ((e.bits & FLAG.outOfOrder) !== 0) {
      // A late line's relative year is the stream's, not its own: it neither pins nor conflicts.
    } else if (s.base === undefined) {
      pin(s, p.year - e.k, 'stream', true, 'high')
    } else if (!s.baseExplicit && s.base + e.k !== p.year) {
      e.bits |= FLAG.conflict
      e.alt = [s.base + e.k]
    }
    if (s.base === undefined) s.waiting.push(e)
    else resolve(s, e)
  }

  function alternativesFor(s: Stream<T>, k: number): readonly number[] | undefined {
    if (s.altBase === undefined) return undefined
    let a = s.altCache.get(k)
    if (!a) {
      a = Object.freeze([s.altBase + k])
      s.altCache.set(k, a)
    }
    return a
  }

  function resolve(s: Stream<T>, e: Entry<T>): void {
    const p = e.parts!
    let bits = e.bits
    let year: number
    let yearSource: YearSource
    let confidence: Confidence
    let alternatives: readonly number[] | undefined
    if (p.year !== undefined) {
      year = p.year
      yearSource = 'explicit'
      confidence = 'certain'
      alternatives = e.alt
    } else {
      year = s.base! + e.k
      yearSource = s.yearSource
      confidence = s.confidence
      bits |= s.streamBits
      alternatives = e.alt ?? alternativesFor(s, e.k)
      if (p.month === 2 && p.day === 29 && !isLeapYear(year)) {
        s.conflicts++
        e.time = buildResolved(
          p.text,
          { epochMs: Number.NaN, iso: undefined, offsetMinutes: undefined, reason: 'conflict' },
          0,
          year,
          s.zr.name,
          s.zoneSource,
          yearSource,
          'low',
          bits | FLAG.conflict,
          nearestLeapYears(year),
        )
        e.done = true
        return
      }
    }
    if (p.weekday !== undefined && weekdayOf(year, p.month, p.day) !== p.weekday) {
      bits |= FLAG.conflict
      if (p.year === undefined) alternatives = nearestWeekdayYears(year, p.month, p.day, p.weekday)
    }
    let zone = s.zr.name
    let zoneSource = s.zoneSource
    if (p.offsetMinutes !== undefined) {
      resolveWithOffset(p, scratch)
      zone = ''
      zoneSource = 'stamp'
    } else {
      resolveWall(s.zr, p, year, options.policy, s.maxEpoch, scratch)
    }
    bits |= scratch.bits
    if (scratch.iso !== undefined) {
      if (scratch.epochMs > s.maxEpoch) s.maxEpoch = scratch.epochMs
      if (scratch.epochMs > s.end.epochMs!) bits |= FLAG.future
    }
    if ((bits & FLAG.conflict) !== 0) s.conflicts++
    if ((bits & LOWERING) !== 0 && (confidence !== 'certain' || (bits & FLAG.conflict) !== 0))
      confidence = 'low'
    e.time = buildResolved(
      p.text,
      scratch,
      subMsNanos(p.fraction),
      year,
      zone,
      zoneSource,
      yearSource,
      confidence,
      bits,
      alternatives,
    )
    e.done = true
  }

  function settle(s: Stream<T>): void {
    s.tracker.settle()
    if (s.base !== undefined) return
    const c = solveBaseYear(
      { highByK: s.tracker.highByK, low0: s.tracker.low0, leapKs: s.leapKs, weekdays: s.weekdays },
      s.zr.wallClock(s.end.epochMs!),
      s.start === undefined ? undefined : s.zr.wallClock(s.start.epochMs!),
      skewSec,
    )
    if (c.leapConstrained) s.streamBits |= FLAG.leapConstrained
    s.altBase = c.alternative
    pin(s, c.base, SOURCE_OF[s.end.kind], false, s.end.kind === 'now' || c.unmet > 0 ? 'low' : 'high')
  }

  function drain(): void {
    if (draining) return
    draining = true
    try {
      while (head < queue.length && queue[head]!.done) {
        const e = queue[head]!
        queue[head] = undefined
        head++
        emit(e.time, e.payload)
      }
      if (head > 4096 && head * 2 > queue.length) {
        queue.splice(0, head)
        head = 0
      }
    } finally {
      draining = false
    }
  }

  function enforceHold(): void {
    while (queue.length - head > options.maxHold) {
      const e = queue[head]!
      if (!e.done && e.stream) settle(e.stream)
      drain()
      if (queue[head] === e) break // cannot happen: settling decides every line of the stream
    }
  }

  return {
    zone: defaultZone.name,
    zoneSource: options.zoneSource,
    get held() {
      return queue.length - head
    },
    source(name, info) {
      if (streams.has(name)) throw new Error(`source: "${name}" already has lines; register it before them`)
      if (info.zone !== undefined) resolverFor(info.zone)
      sources.set(name, info)
    },
    push(key, parts, payload) {
      if (parts === undefined || !parts.valid) {
        const time =
          parts === undefined ? undefined : invalidTime(parts.text, defaultZone.name, options.zoneSource)
        queue.push({
          payload,
          parts,
          stream: undefined,
          pos: 0,
          k: Number.NaN,
          bits: 0,
          time,
          done: true,
          alt: undefined,
        })
      } else {
        const s = streamOf(key)
        const e: Entry<T> = {
          payload,
          parts,
          stream: s,
          pos: position(parts.month, parts.day, parts.hour, parts.minute, parts.second),
          k: Number.NaN,
          bits: 0,
          time: undefined,
          done: false,
          alt: undefined,
        }
        queue.push(e)
        s.lines++
        if (parts.year !== undefined && s.baseExplicit) s.tracker.pushAt(e, parts.year - s.base!)
        else s.tracker.push(e)
      }
      enforceHold()
      drain()
    },
    endSource(name) {
      const hosts = streams.get(name)
      if (hosts) for (const s of hosts.values()) settle(s)
      drain()
    },
    end() {
      for (const s of all) settle(s)
      drain()
      const summaries = all.map(
        (s): StreamSummary => ({
          source: s.source,
          host: s.host,
          lines: s.lines,
          baseYear: s.base,
          yearSource: s.yearSource,
          confidence: s.confidence,
          rollovers: s.tracker.rollovers,
          conflicts: s.conflicts,
        }),
      )
      const conflicts = summaries
        .filter((s) => s.conflicts > 0)
        .map(
          (s) =>
            `${s.source === undefined ? '' : `${s.source}: `}host ${s.host}: ${s.conflicts} line(s) conflict with year ${s.baseYear} (${s.yearSource})`,
        )
      return { streams: summaries, conflicts }
    },
  }
}

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
import type { Anchor } from './anchors.js'
import { position } from './calendar.js'
import {
  type Confidence,
  invalidTime,
  type ResolvedTime,
  type YearSource,
  type ZoneSource,
} from './resolved.js'
import {
  createStream,
  type Entry,
  pushLine,
  repeatedTime,
  type Stream,
  type StreamSettings,
  settleStream,
} from './stream.js'
import type { WallPolicy } from './wall-time.js'
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

/**
 * Creates a streaming year inferrer. `emit` receives each line's resolved time (or `undefined`
 * for a line pushed without a stamp) and its payload, in input order.
 *
 * @example
 * const out: string[] = []
 * const inferrer = createYearInferrer<string>({
 *   zone: 'UTC', zoneSource: 'option', now: Date.parse('2025-01-02T12:00:00Z'), year: undefined,
 *   referenceDate: undefined, anchors: [], policy: { gap: 'forward', overlap: 'monotonic', leapSecond: 'clamp' },
 *   backStepMs: 7 * 86_400_000, confirm: 2, maxFutureSkewMs: 86_400_000, maxHold: 100_000,
 * }, (t) => out.push(t!.iso!))
 * for (const s of ['Dec 31 23:59:58', 'Jan  1 00:00:01', 'Jan  1 00:00:02', 'Jan  1 00:00:03'])
 *   inferrer.push({ host: 'mx1' }, parseSyslogStamp(s)!.parts, s)
 * inferrer.end()
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

  const settings: StreamSettings = {
    policy: options.policy,
    backStepSec: Math.round(options.backStepMs / 1000),
    confirm: options.confirm,
    skewSec: Math.round(options.maxFutureSkewMs / 1000),
    year: options.year,
  }

  function newStream(source: string | undefined, host: string): Stream<T> {
    const info = source === undefined ? undefined : sources.get(source)
    const anchors = [...options.anchors, ...(info?.anchors ?? [])].filter(
      (a) => a.host === undefined || a.host === host,
    )
    const ends = refAnchor ? [refAnchor, ...anchors, nowAnchor] : [...anchors, nowAnchor]
    const zr = info?.zone === undefined ? defaultZone : resolverFor(info.zone)
    const zoneSource = info?.zone === undefined ? options.zoneSource : 'option'
    const s = createStream<T>(settings, source, host, zr, zoneSource, anchors, ends)
    all.push(s)
    return s
  }

  let lastStream: Stream<T> | undefined
  function streamOf(key: StreamKey): Stream<T> {
    // Consecutive lines mostly come from one stream.
    const last = lastStream
    if (last !== undefined && last.host === key.host && last.source === key.source) return last
    const src = key.source ?? ''
    let hosts = streams.get(src)
    if (!hosts) {
      hosts = new Map()
      streams.set(src, hosts)
    }
    let s = hosts.get(key.host)
    if (!s) {
      s = newStream(key.source, key.host)
      hosts.set(key.host, s)
    }
    lastStream = s
    return s
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
      if (!e.done && e.stream) settleStream(e.stream)
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
        if (head === queue.length) {
          const time = repeatedTime(s, parts)
          if (time !== undefined) {
            emit(time, payload)
            return
          }
        }
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
        pushLine(s, e, parts)
      }
      enforceHold()
      drain()
    },
    endSource(name) {
      const hosts = streams.get(name)
      if (hosts) for (const s of hosts.values()) settleStream(s)
      drain()
    },
    end() {
      for (const s of all) settleStream(s)
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

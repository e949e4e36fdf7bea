import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { createZoneResolver, parseZone, systemZone } from '../../src/time/zone.js'
import { runs } from '../fuzz.js'

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'America/Santiago',
  'UTC',
]

describe('createZoneResolver', () => {
  it('should classify New York minutes around both 2024 transitions', () => {
    const ny = createZoneResolver('America/New_York')
    expect(ny.minute(2024, 3, 10, 1, 59)).toMatchObject({ kind: 0, offset: -300 })
    expect(ny.minute(2024, 3, 10, 2, 0)).toMatchObject({ kind: 2, prefix: '2024-03-10T03:00:', offset: -240 })
    expect(ny.minute(2024, 3, 10, 3, 0)).toMatchObject({ kind: 0, offset: -240 })
    const o = ny.minute(2024, 11, 3, 1, 30)
    expect(o).toMatchObject({
      kind: 1,
      offset: -240,
      laterOffset: -300,
      offsetText: '-04:00',
      laterOffsetText: '-05:00',
    })
    expect(o.laterStartMs - o.startMs).toBe(3_600_000)
    expect(ny.minute(2024, 11, 3, 2, 0)).toMatchObject({ kind: 0, offset: -300 })
  })
  it('should handle a 30-minute DST shift (Lord Howe)', () => {
    const lh = createZoneResolver('Australia/Lord_Howe')
    expect(lh.minute(2024, 4, 7, 1, 45)).toMatchObject({ kind: 1, offset: 660, laterOffset: 630 })
    expect(lh.minute(2024, 10, 6, 2, 15)).toMatchObject({ kind: 2, prefix: '2024-10-06T02:45:' })
  })
  it('should agree with luxon on the offset of every plain minute (the per-hour shortcut is exact)', () => {
    const resolvers = new Map(ZONES.map((z) => [z, createZoneResolver(z)]))
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          const local = DateTime.fromMillis(ms, { zone })
          const m = resolvers.get(zone)!.minute(local.year, local.month, local.day, local.hour, local.minute)
          const possible = local.getPossibleOffsets().map((d) => d.offset)
          if (m.kind === 0) expect(possible).toEqual([m.offset])
          else expect(m.kind).toBe(1)
          if (m.kind === 1) expect(possible.sort((a, b) => b - a)).toContain(m.offset)
          expect([m.startMs, m.laterStartMs]).toContain(ms - (ms % 60000))
        },
      ),
      { numRuns: runs(3000) },
    )
  })
  it('should read wall clocks of instants', () => {
    const b = createZoneResolver('Europe/Berlin')
    expect(b.wallClock(Date.parse('2024-12-31T23:30:00Z'))).toEqual({ year: 2025, position: 1800 })
  })
  it('should accept fixed offsets and reject unknown zones by name', () => {
    expect(createZoneResolver('UTC-5')).toMatchObject({ fixed: true, name: 'UTC-5' })
    expect(createZoneResolver('UTC+05:30').minute(2024, 1, 1, 0, 0).offsetText).toBe('+05:30')
    expect(() => parseZone('Mars/Olympus')).toThrow(/^zone: unknown time zone "Mars\/Olympus"/)
    expect(() => parseZone('default')).toThrow(/^zone:/)
    expect(parseZone('local').name).toBe(parseZone(systemZone()).name)
  })
})

import { describe, expect, it } from 'vitest'
import { DAY_SEC, position } from '../../src/time/calendar.js'
import { FLAG } from '../../src/time/resolved.js'
import { createRolloverTracker, type Tracked } from '../../src/time/rollover.js'

const BACK = 7 * DAY_SEC

function feed(stamps: [number, number, number?][], confirm = 2) {
  const out: { i: number; k: number; bits: number }[] = []
  const lines = stamps.map(([m, d, h = 12], i) => ({
    i,
    pos: position(m, d, h, 0, 0),
    k: Number.NaN,
    bits: 0,
  }))
  const t = createRolloverTracker<Tracked & { i: number }>(BACK, confirm, (l) =>
    out.push({ i: l.i, k: l.k, bits: l.bits }),
  )
  for (const l of lines) t.push(l)
  return { t, out }
}

describe('createRolloverTracker', () => {
  it('should confirm a rollover with two further lines and assign in input order', () => {
    const { t, out } = feed([
      [12, 30],
      [12, 31],
      [1, 1],
      [1, 1, 13],
      [1, 2],
    ])
    expect(out.map((o) => o.i)).toEqual([0, 1, 2, 3, 4])
    expect(out.map((o) => o.k)).toEqual([0, 0, 1, 1, 1])
    expect(out[2]!.bits).toBe(FLAG.rollover)
    expect(t.rollovers).toBe(1)
  })
  it('should hold candidate lines until they are confirmed or refuted', () => {
    const { t, out } = feed([
      [5, 2],
      [4, 11],
    ])
    expect(out).toHaveLength(1)
    expect(t.pending).toHaveLength(1)
  })
  it('should turn unconfirmed candidates into late lines', () => {
    const { out } = feed([
      [5, 2],
      [4, 11],
      [4, 12],
      [5, 3],
    ])
    expect(out.map((o) => [o.i, o.k, o.bits])).toEqual([
      [0, 0, 0],
      [1, 0, FLAG.outOfOrder],
      [2, 0, FLAG.outOfOrder],
      [3, 0, 0],
    ])
  })
  it('should treat jitter across New Year as neither confirmation nor refutation', () => {
    const lines = [
      position(12, 31, 23, 59, 58),
      position(1, 1, 0, 0, 1),
      position(12, 31, 23, 59, 59),
      position(1, 1, 0, 0, 2),
      position(1, 1, 0, 0, 3),
    ].map((pos, i) => ({ i, pos, k: Number.NaN, bits: 0 }))
    const out: [number, number][] = []
    const t = createRolloverTracker<Tracked & { i: number }>(BACK, 2, (l) => out.push([l.i, l.k]))
    for (const l of lines) t.push(l)
    expect(out).toEqual([
      [0, 0],
      [2, 0],
      [1, 1],
      [3, 1],
      [4, 1],
    ])
  })
  it('should read a week-late Jan 1 then Dec 31 as two late lines, not a year of silence', () => {
    const { t, out } = feed([
      [1, 8, 16],
      [1, 1, 0],
      [12, 31, 23],
    ])
    t.settle()
    expect(out.map((o) => [o.i, o.k, o.bits])).toEqual([
      [0, 0, 0],
      [1, 0, FLAG.outOfOrder],
      [2, -1, FLAG.outOfOrder],
    ])
    expect(t.rollovers).toBe(0)
  })
  it('should give a line just before New Year, after the new year began, to the year before', () => {
    const out: [number, number][] = []
    const t = createRolloverTracker<Tracked & { i: number }>(BACK, 2, (l) => out.push([l.i, l.k]))
    const stamps = [
      position(12, 31, 23, 0, 0),
      position(1, 1, 0, 10, 0),
      position(1, 1, 0, 20, 0),
      position(1, 1, 0, 30, 0),
      position(12, 30, 23, 0, 0),
      position(1, 1, 0, 40, 0),
    ]
    stamps.forEach((pos, i) => {
      t.push({ i, pos, k: Number.NaN, bits: 0 })
    })
    expect(out).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 0],
      [5, 1],
    ])
    expect(t.rollovers).toBe(1)
  })
  it('should give New Year jitter at the start of a stream relative year -1', () => {
    const out: number[] = []
    const t = createRolloverTracker<Tracked>(BACK, 2, (l) => out.push(l.k))
    t.push({ pos: position(1, 1, 0, 0, 5), k: Number.NaN, bits: 0 })
    t.push({ pos: position(12, 31, 23, 59, 58), k: Number.NaN, bits: 0 })
    t.push({ pos: position(1, 1, 0, 0, 9), k: Number.NaN, bits: 0 })
    expect(out).toEqual([0, -1, 0])
  })
  it('should take a line more than half a year ahead for a late line of the year before, unless confirmed', () => {
    const late = feed([
      [1, 10],
      [12, 21],
      [1, 11],
    ])
    expect(late.out.map((o) => [o.i, o.k, o.bits])).toEqual([
      [0, 0, 0],
      [1, -1, FLAG.outOfOrder],
      [2, 0, 0],
    ])
    const jump = feed([
      [1, 10],
      [8, 21],
      [8, 22],
      [8, 23],
    ])
    expect(jump.out.map((o) => o.k)).toEqual([0, 0, 0, 0])
    expect(jump.out.every((o) => o.bits === 0)).toBe(true)
  })
  it('should roll over at once with confirm 0', () => {
    const { out } = feed(
      [
        [12, 31],
        [1, 1],
      ],
      0,
    )
    expect(out.map((o) => o.k)).toEqual([0, 1])
  })
  it('should settle an open candidate by the closer reading', () => {
    const a = feed([
      [12, 31],
      [1, 1],
    ])
    a.t.settle()
    expect(a.out.map((o) => o.k)).toEqual([0, 1])
    const b = feed([
      [6, 21],
      [6, 1],
    ])
    b.t.settle()
    expect(b.out.map((o) => [o.k, o.bits])).toEqual([
      [0, 0],
      [0, FLAG.outOfOrder],
    ])
  })
  it('should jump to a known relative year and resolve candidates with it', () => {
    const out: [number, number][] = []
    const t = createRolloverTracker<Tracked & { i: number }>(BACK, 2, (l) => out.push([l.i, l.k]))
    t.push({ i: 0, pos: position(12, 31, 12, 0, 0), k: Number.NaN, bits: 0 })
    t.push({ i: 1, pos: position(1, 1, 12, 0, 0), k: Number.NaN, bits: 0 })
    t.pushAt({ i: 2, pos: position(1, 2, 12, 0, 0), k: Number.NaN, bits: 0 }, 1)
    expect(out).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ])
    expect([...t.highByK]).toEqual([
      [0, position(12, 31, 12, 0, 0)],
      [1, position(1, 2, 12, 0, 0)],
    ])
  })
})

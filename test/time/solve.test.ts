import { describe, expect, it } from 'vitest'
import { DAY_SEC, position } from '../../src/time/calendar.js'
import { solveBaseYear } from '../../src/time/solve.js'

const at = (m: number, d: number, h = 12) => position(m, d, h, 0, 0)
const none = { leapKs: [], weekdays: [] }
const highs = (...xs: number[]) => new Map(xs.map((x, k) => [k, x] as [number, number]))

describe('solveBaseYear', () => {
  it('should take the latest base that keeps the last line before the end bound', () => {
    const ev = { ...none, highByK: highs(at(12, 31), at(1, 2, 9)), low0: at(12, 30) }
    expect(solveBaseYear(ev, { year: 2025, position: at(1, 2, 10) }, undefined, DAY_SEC)).toMatchObject({
      base: 2024,
      alternative: 2023,
      unmet: 0,
    })
  })
  it('should allow the skew past the bound', () => {
    const ev = { ...none, highByK: highs(at(6, 2)), low0: at(6, 1) }
    expect(solveBaseYear(ev, { year: 2025, position: at(6, 1) }, undefined, DAY_SEC).base).toBe(2025)
    expect(solveBaseYear(ev, { year: 2025, position: at(6, 1) }, undefined, 0).base).toBe(2024)
  })
  it('should let Feb 29 pick a leap year', () => {
    const ev = { highByK: highs(at(3, 2)), low0: at(2, 27), leapKs: [0], weekdays: [] }
    expect(solveBaseYear(ev, { year: 2027, position: at(1, 1) }, undefined, DAY_SEC)).toMatchObject({
      base: 2024,
      alternative: 2020,
      leapConstrained: true,
    })
  })
  it('should let a weekday pick the year', () => {
    const ev = {
      ...none,
      highByK: highs(at(12, 5)),
      low0: at(12, 5),
      weekdays: [{ k: 0, month: 12, day: 5, weekday: 4 }],
    }
    expect(solveBaseYear(ev, { year: 2026, position: at(6, 1) }, undefined, DAY_SEC).base).toBe(2024)
  })
  it('should respect a start bound when it can', () => {
    const ev = { ...none, highByK: highs(at(3, 1)), low0: at(2, 1) }
    const end = { year: 2026, position: at(6, 1) }
    expect(solveBaseYear(ev, end, { year: 2024, position: at(1, 1) }, DAY_SEC).base).toBe(2026)
    // A start bound that no base up to the end bound can meet is dropped.
    expect(solveBaseYear(ev, end, { year: 2026, position: at(3, 1) }, DAY_SEC).base).toBe(2026)
  })
  it('should report contradictory hard evidence as unmet constraints', () => {
    // Feb 29 on a Monday in relative year 0 and Feb 29 on a Monday in relative year 1: impossible.
    const ev = {
      highByK: highs(at(3, 1), at(3, 1)),
      low0: at(2, 1),
      leapKs: [0, 1],
      weekdays: [],
    }
    const c = solveBaseYear(ev, { year: 2026, position: 0 }, undefined, DAY_SEC)
    expect(c.unmet).toBeGreaterThan(0)
  })
})

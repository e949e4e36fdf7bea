/**
 * Usage errors (bad option, bad value) and the shared option definitions.
 *
 * @module
 */

import { type ParseArgsConfig, parseArgs } from 'node:util'
import { DateTime } from 'luxon'
import { createParser, type ParseOptions } from '../parse.js'

/** An error in how the command was called; exits 2 with a hint. */
export class UsageError extends Error {}

/** Options shared by commands that read logs. */
export const TIME_OPTIONS = {
  year: { type: 'string' },
  zone: { type: 'string' },
  'reference-date': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
} as const

/** `parseArgs` that throws {@link UsageError} instead of a TypeError. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
}

/** Turns `--year`, `--zone`, `--reference-date` into parser options, validating them. */
export function timeOptions(values: {
  year?: string
  zone?: string
  'reference-date'?: string
}): ParseOptions {
  const year = values.year === undefined ? undefined : Number(values.year)
  if (year !== undefined && !(Number.isInteger(year) && year > 0 && year < 10000)) {
    throw new UsageError(`--year: expected a year such as 2025, got "${values.year}"`)
  }
  const ref = values['reference-date']
  if (ref !== undefined && Number.isNaN(Date.parse(ref))) {
    throw new UsageError(`--reference-date: expected an ISO date such as 2026-03-01, got "${ref}"`)
  }
  return { year, zone: values.zone, referenceDate: ref }
}

/**
 * `--since`/`--until` value → ms since the epoch: an ISO date or date-time, in `zone` when it
 * has no offset (`2025-03-01`, `2025-03-01T12:00`, `2025-03-01T12:00:00+01:00`).
 */
export function timeOption(value: string | undefined, zone: string, option: string): number | undefined {
  if (value === undefined) return undefined
  const dt = DateTime.fromISO(value, { zone })
  if (!dt.isValid) throw new UsageError(`${option}: expected an ISO date or date-time, got "${value}"`)
  return dt.toMillis()
}

/** A whole-number option (`--top 5`), at least `min`. */
export function countOption(value: string | undefined, fallback: number, option: string, min = 0): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!(Number.isInteger(n) && n >= min)) {
    throw new UsageError(`${option}: expected a whole number${min > 0 ? ` ≥ ${min}` : ''}, got "${value}"`)
  }
  return n
}

/**
 * The parser options of a reading command and the zone they resolve to; a bad `--year`,
 * `--zone` or `--reference-date` becomes a {@link UsageError} naming the option.
 */
export function readingOptions(values: { year?: string; zone?: string; 'reference-date'?: string }): {
  readonly options: ParseOptions
  readonly zone: string
} {
  const options = timeOptions(values)
  try {
    return { options, zone: createParser(options).zone }
  } catch (err) {
    throw err instanceof UsageError ? err : new UsageError(`--${(err as Error).message}`)
  }
}

/**
 * Usage errors (bad option, bad value) and the shared option definitions.
 *
 * @module
 */

import { type ParseArgsConfig, parseArgs } from 'node:util'
import type { ParseOptions } from '../parse.js'

/** An error in how the command was called; exits 2 with a hint. */
export class UsageError extends Error {}

/** Options shared by commands that read logs. */
export const TIME_OPTIONS = {
  year: { type: 'string' },
  zone: { type: 'string' },
  'reference-date': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
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

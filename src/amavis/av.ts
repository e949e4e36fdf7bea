/**
 * Virus scanner failures during a content check (amavisd-new 2.11.1 `amavisd`, all `(!)` lines):
 * one scanner's unexpected answer, its call dying, and the whole primary tier failing. They were
 * `amavis.diagnostic` text; typed, a failing scanner can be counted by name.
 *
 * @module
 */

import type { AmavisEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

/**
 * Parses a scanner failure (the text after the log id and alert mark), or returns `undefined`:
 * `run_av (NAME) FAILED - ERROR` (amavisd:28967), `NAME av-scanner FAILED: ERROR` (:29070),
 * `WARN: all TIER virus scanners failed, considering backups` (:29040).
 *
 * @example
 * parseAvFailure('ClamAV-clamd av-scanner FAILED: run_av error: Too many retries', base)
 * //=> { type: 'amavis.av-failure', …, kind: 'av-scanner', scanner: 'ClamAV-clamd', error: 'run_av error: Too many retries' }
 */
export function parseAvFailure(text: string, b: Base): AmavisEvent | undefined {
  if (text.startsWith('WARN: all ')) {
    const end = text.indexOf(' virus scanners failed', 10)
    if (end < 0) return undefined
    return build(b, 'amavis.av-failure', {
      kind: 'all-failed',
      scanner: undefined,
      tier: text.slice(10, end),
      error: undefined,
    })
  }
  if (text.startsWith('run_av (')) {
    const close = text.indexOf(') FAILED - ', 8)
    if (close < 0) return undefined
    return build(b, 'amavis.av-failure', {
      kind: 'run-av',
      scanner: text.slice(8, close),
      tier: undefined,
      error: text.slice(close + 11),
    })
  }
  const at = text.indexOf(' av-scanner FAILED: ')
  if (at <= 0) return undefined
  return build(b, 'amavis.av-failure', {
    kind: 'av-scanner',
    scanner: text.slice(0, at),
    tier: undefined,
    error: text.slice(at + 20),
  })
}

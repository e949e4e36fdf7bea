/**
 * anvil and scache periodic statistics (`anvil/anvil.c:525-535`, `scache/scache.c:477-495`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const MAX = /^(?=.*$)statistics: (max [a-z]+ (?:rate|count|size)) (\S+)(?: for \((.*)\))? at (.*)$/
const OTHER = /^statistics: (start interval|domain lookup|address lookup|max simultaneous) (.*)$/

/**
 * Parses `statistics: max connection rate 12/60s for (smtp:192.0.2.1) at Mar  1 12:00:00`.
 *
 * @example
 * parseStatistics('statistics: max cache size 3 at Mar  1 12:00:00', base)?.metric //=> 'max cache size'
 */
export function parseStatistics(body: string, b: Base): PostfixEvent | undefined {
  const m = MAX.exec(body)
  if (m) return build(b, 'postfix.statistics', { metric: m[1]!, value: m[2], subject: m[3], at: m[4] })
  const o = OTHER.exec(body)
  if (!o) return undefined
  if (o[1] === 'start interval') return build(b, 'postfix.statistics', { metric: o[1], at: o[2] })
  return build(b, 'postfix.statistics', { metric: o[1]!, value: o[2] })
}

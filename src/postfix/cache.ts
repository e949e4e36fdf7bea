/**
 * Cache cleanup lines of verify, postscreen and tlsmgr (`util/dict_cache.c:463`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const CLEANUP = /^cache (\S+) (?:full|partial) cleanup: retained=(\d+) dropped=(\d+) entries$/

/**
 * Parses `cache btree:/var/lib/postfix/verify_cache full cleanup: retained=12 dropped=3 entries`.
 *
 * @example
 * parseCacheCleanup('cache btree:/x full cleanup: retained=1 dropped=0 entries', base)?.retained //=> 1
 */
export function parseCacheCleanup(body: string, b: Base): PostfixEvent | undefined {
  const m = CLEANUP.exec(body)
  return m
    ? build(b, 'postfix.cache-cleanup', { cache: m[1]!, retained: Number(m[2]), dropped: Number(m[3]) })
    : undefined
}

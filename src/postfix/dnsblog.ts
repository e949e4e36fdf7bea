/**
 * dnsblog: DNS blocklist hits reported to postscreen (`dnsblog/dnsblog.c:218`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const LISTED = /^addr (\S+) listed by domain (\S+) as (\S+)$/

/**
 * Parses `addr 192.0.2.1 listed by domain zen.spamhaus.org as 127.0.0.4`.
 *
 * @example
 * parseDnsblog('addr 192.0.2.1 listed by domain zen.example as 127.0.0.4', base)?.domain //=> 'zen.example'
 */
export function parseDnsblog(body: string, b: Base): PostfixEvent | undefined {
  const m = LISTED.exec(body)
  return m ? build(b, 'postfix.dnsblog.listed', { ip: m[1]!, domain: m[2]!, reply: m[3]! }) : undefined
}

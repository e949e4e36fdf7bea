/**
 * Start, stop and reload of the mail system: master (`master/master.c:550-583`,
 * `master_sig.c:205`) and postfix-script/postlog (`conf/postfix-script`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const MASTER = /^(daemon started|reload) -- version ([^,]+), configuration (.+)$/
const SIGNAL = /^terminating on signal (\d+)$/
const SCRIPT =
  /^(starting|stopping|refreshing|waiting for) the Postfix mail system|^the Postfix mail system is (running|not running)/

/**
 * Parses a lifecycle message of master, postfix-script or postlog.
 *
 * @example
 * parseLifecycle('daemon started -- version 3.8.6, configuration /etc/postfix', base)?.version //=> '3.8.6'
 */
export function parseLifecycle(body: string, b: Base): PostfixEvent | undefined {
  const m = MASTER.exec(body)
  if (m) {
    const action = m[1] === 'reload' ? 'reload' : 'started'
    return build(b, 'postfix.lifecycle', { action, version: m[2], configuration: m[3], text: body })
  }
  const s = SIGNAL.exec(body)
  if (s) return build(b, 'postfix.lifecycle', { action: 'terminating', signal: Number(s[1]), text: body })
  const p = SCRIPT.exec(body)
  if (p) {
    const action =
      p[1] === 'waiting for' ? 'waiting' : (p[1] ?? (p[2] === 'running' ? 'running' : 'not running'))
    return build(b, 'postfix.lifecycle', { action, text: body })
  }
  return undefined
}

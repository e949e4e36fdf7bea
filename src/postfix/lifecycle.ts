/**
 * Start, stop and reload of the mail system: master (`master/master.c:550-583`,
 * `master_sig.c:205`), its reports on child processes (`master_spawn.c:327-340`), and
 * postfix-script/postlog (`conf/postfix-script`), including the warnings of the `check` it runs
 * at every start.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const MASTER = /^(daemon started|reload) -- version ([^,]+), configuration (.+)$/
const SIGNAL = /^terminating on signal (\d+)$/
// postfix-script:132-231 (`aborting`, `already running` and `startup failed` are its fatal/warn lines).
const SCRIPT =
  /^(starting|stopping|refreshing|waiting for|aborting) the Postfix mail system|^the Postfix mail system is (running|not running|already running)|^(mail system startup failed|Postfix integrity check failed)/
// master_spawn.c:327-336: `process /usr/libexec/postfix/smtpd pid 4242 exit status 1`.
const CHILD = /^process ([^\s]+) pid (\d+) (exit status|killed by signal|stopped by signal) (\d+)$/
const THROTTLE = ': bad command startup -- throttling'
// postfix-script check (:342-426): ownership, permissions, stale copies, damaged queue files;
// Debian's postfix-script adds `symlink leaves directory`.
const CHECK =
  /^damaged message: |^not owned by |^group or other writable: |^not set-gid or not owner\+group\+world executable: |^[^\s]+ and [^\s]+ differ$|^symlink leaves directory: /

/**
 * Parses a lifecycle message of master, postfix-script or postlog.
 *
 * @example
 * parseLifecycle('daemon started -- version 3.8.6, configuration /etc/postfix', base)?.version //=> '3.8.6'
 * parseLifecycle('process /usr/libexec/postfix/smtp pid 812 exit status 1', base)?.code //=> 1
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
      p[3] === 'mail system startup failed'
        ? 'startup failed'
        : p[3] !== undefined
          ? 'check failed'
          : p[1] === 'waiting for'
            ? 'waiting'
            : (p[1] ?? (p[2] as string))
    return build(b, 'postfix.lifecycle', { action, text: body })
  }
  const c = CHILD.exec(body)
  if (c) {
    const exited = c[3] === 'exit status'
    return build(b, 'postfix.lifecycle', {
      action: exited ? 'process exit' : c[3] === 'killed by signal' ? 'process killed' : 'process stopped',
      signal: exited ? undefined : Number(c[4]),
      command: c[1],
      code: exited ? Number(c[4]) : undefined,
      text: body,
    })
  }
  if (body.endsWith(THROTTLE) && body.indexOf(' ') === body.length - THROTTLE.length + 1) {
    return build(b, 'postfix.lifecycle', {
      action: 'throttling',
      command: body.slice(0, body.length - THROTTLE.length),
      text: body,
    })
  }
  if (CHECK.test(body)) return build(b, 'postfix.lifecycle', { action: 'check warning', text: body })
  return undefined
}

/**
 * Zimbra's own programs in zimbra.log (syslog LOCAL0): `zimbramon` (the Perl monitoring and
 * control scripts, `PID:level: text`), the configuration daemon `zmconfigd`, the mailboxd manager
 * `zmmailboxdmgr`, and `saslauthd` checking SMTP AUTH against the mailbox server (`auth_zimbra:`).
 *
 * @module
 */

import type { EventBase, MailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'

/** What the Zimbra family reads of a claimed program name. */
export type ZimbraProgram = 'mailboxd' | 'zimbramon' | 'zmconfigd' | 'mailboxdmgr' | 'saslauthd'

const PROGRAMS: ReadonlyMap<string, ZimbraProgram> = new Map<string, ZimbraProgram>([
  ['mailboxd', 'mailboxd'],
  ['zimbramon', 'zimbramon'],
  ['zmconfigd', 'zmconfigd'],
  ['zmmailboxdmgr', 'mailboxdmgr'],
  // The manager's name before mailboxd moved from Tomcat to Jetty (ZCS 5.0).
  ['zmtomcatmgr', 'mailboxdmgr'],
  ['saslauthd', 'saslauthd'],
])

/**
 * The Zimbra program a syslog program name is, or `undefined`.
 *
 * @example
 * zimbraProgram('zmmailboxdmgr') //=> 'mailboxdmgr'
 * zimbraProgram('slapd')         //=> undefined
 */
export function zimbraProgram(program: string): ZimbraProgram | undefined {
  return PROGRAMS.get(program)
}

/**
 * `zimbramon` text shapes after `PID:level: ` (zm-core-utils `src/libexec/zmstatuslog:89`,
 * `zmstat-*` and `zmlogprocess:288` `LogStats` calls, `zmqueuelog:79`).
 */
export const zimbramonShapes = {
  status: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d, STATUS: /,
  stat: /zmstat [\w.-]+: /,
  queue: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d, QUEUE: /,
  mta: /MTA: [^\s:]+: /,
} as const

const zimbramonShape = classifier(zimbramonShapes)

// Logger.pm:48-66 writes `$$:$level: $msg`; the pid repeats the syslog header's.
const MON = /^\d+:(\w+): ?(.*)$/
// zmstatuslog splits each `zmcontrol status` line at its first space into service and state, so
// the state may hold spaces, and the host is empty when zmcontrol printed no `Host` line.
const STATUS = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), STATUS: (\S*): (\S+): (.+)$/
// zmcontrol:468, logged by zmstatuslog as service `Unable` when the service cache is missing.
const NO_SERVICES = 'Unable to determine enabled services.'
const STAT = /^zmstat ([\w.-]+): /
// zmqueuelog:79 `DATE, QUEUE: KB MSGS` (postqueue's last line: size in kB, message count).
const QUEUE = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d), QUEUE: (\d+) (\d+)\s*$/
// zmlogprocess:288 `MTA: HOST: col,col:: val,val` (comma-joined, no spaces).
const MTA = /^MTA: ([^\s:]+): ([^\s:]+):: (\S+)\s*$/
// `zmmtaconfig: …`, `zmconfigd: …`: a script name leading the text.
const COMPONENT = /^(zm[\w-]+): /

/**
 * Parses a `zimbramon` message.
 *
 * @example
 * parseZimbramon('6828:info: Starting mailbox via zmcontrol ', base, raw).type //=> 'zimbra.zimbramon.message'
 */
export function parseZimbramon(message: string, b: EventBase, raw: string): MailEvent {
  const m = MON.exec(message)
  if (!m) return build(b, 'zimbra.unrecognized', { raw, message })
  const level = m[1]!
  const text = m[2]!
  switch (zimbramonShape(text)) {
    case 'status': {
      const s = STATUS.exec(text)
      if (!s) break
      const state = s[4]!.trimEnd()
      const whole = `${s[3]} ${state}`
      const failed = whole.startsWith(NO_SERVICES)
      return build(b, 'zimbra.zimbramon.status', {
        level,
        checked: s[1]!,
        serverName: s[2]!,
        service: failed ? '' : s[3]!,
        status: failed ? whole : state,
        running: !failed && state === 'Running',
      })
    }
    case 'queue': {
      const q = QUEUE.exec(text)
      if (!q) break
      return build(b, 'zimbra.zimbramon.stat', {
        level,
        file: 'QUEUE',
        columns: ['timestamp', 'kb', 'msgs'],
        values: [q[1]!, q[2]!, q[3]!],
      })
    }
    case 'mta': {
      const t = MTA.exec(text)
      if (!t) break
      const columns = t[2]!.split(',')
      const values = t[3]!.split(',')
      if (columns.length !== values.length) break
      return build(b, 'zimbra.zimbramon.stat', { level, file: `MTA: ${t[1]}`, columns, values })
    }
    case 'stat': {
      // `zmstat FILE: col, col, …:: val, val, …` (found by index: no backtracking).
      const s = STAT.exec(text)
      const sep = s ? text.indexOf(':: ', s[0].length) : -1
      if (sep < 0) break
      return build(b, 'zimbra.zimbramon.stat', {
        level,
        file: s![1]!,
        columns: text.slice(s![0].length, sep).split(', '),
        values: text
          .slice(sep + 3)
          .trimEnd()
          .split(', '),
      })
    }
    case undefined:
      break
  }
  const trimmed = text.trimEnd()
  const c = COMPONENT.exec(trimmed)
  return build(b, 'zimbra.zimbramon.message', {
    level,
    component: c?.[1],
    text: c ? trimmed.slice(c[0].length) : trimmed,
  })
}

// zmmailboxdmgr.c: `status requested` (and start/stop/restart), `shutdown|bounce requested,
// sending TERM signal to %d`, `manager started mailboxd/JVM with pid %d`, `wrote java pid %d to %s`.
const REQUEST = /^(\w+) requested\b/
const JVM_PID = /^(?:manager (?:started|woke up from wait on) mailboxd\/JVM with pid|wrote java pid) (\d+)/

/**
 * Parses a `zmmailboxdmgr` message.
 *
 * @example
 * parseMailboxdManager('manager started mailboxd/JVM with pid 9052', base)
 * //=> { type: 'zimbra.mailboxdmgr.message', mailboxdPid: 9052, text: 'manager started mailboxd/JVM with pid 9052', … }
 */
export function parseMailboxdManager(message: string, b: EventBase): MailEvent {
  const text = message.trimEnd()
  const pid = JVM_PID.exec(text)?.[1]
  return build(b, 'zimbra.mailboxdmgr.message', {
    request: REQUEST.exec(text)?.[1],
    mailboxdPid: pid === undefined ? undefined : Number(pid),
    text,
  })
}

// Zimbra's cyrus-sasl `auth_zimbra` mechanism: `auth_zimbra: %s auth OK` and
// `auth_zimbra: %s auth failed: %s` (the mailbox server's fault text).
const SASL = /^auth_zimbra: (\S+) auth (?:(OK)|failed(?:: (.*))?)$/

/**
 * Parses a `saslauthd` message: Zimbra's `auth_zimbra` results; any other saslauthd line is
 * `zimbra.unrecognized`.
 *
 * @example
 * parseSaslauthd('auth_zimbra: bob@example.com auth OK', base, raw)
 * //=> { type: 'zimbra.saslauthd.auth', account: 'bob@example.com', … }
 */
export function parseSaslauthd(message: string, b: EventBase, raw: string): MailEvent {
  const m = SASL.exec(message.trimEnd())
  if (!m) return build(b, 'zimbra.unrecognized', { raw, message })
  if (m[2] !== undefined) return build(b, 'zimbra.saslauthd.auth', { account: m[1]! })
  const reason = m[3]?.trimEnd()
  return build(b, 'zimbra.saslauthd.auth-failed', {
    account: m[1]!,
    reason: reason === '' ? undefined : reason,
  })
}

// zm-core-utils src/libexec/zmconfigd:76 `Service status change: %s %s changed from %s to %s`.
const SERVICE_STATUS = /^Service status change: (\S+) (\S+) changed from (\S+) to (\S+?)\s*$/

/**
 * Parses a `zmconfigd` message (zm-core-utils `src/libexec/zmconfigd`, its `Log.logMsg` calls).
 *
 * @example
 * parseZmconfigd('Service status change: mbox1.example.com mailboxd changed from stopped to running', base).type
 * //=> 'zimbra.zmconfigd.service-status'
 */
export function parseZmconfigd(message: string, b: EventBase): MailEvent {
  const m = SERVICE_STATUS.exec(message)
  if (m) {
    return build(b, 'zimbra.zmconfigd.service-status', {
      serverName: m[1]!,
      service: m[2]!,
      previous: m[3]!,
      status: m[4]!,
    })
  }
  return build(b, 'zimbra.zmconfigd.message', { text: message.trimEnd() })
}

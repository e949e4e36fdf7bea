/**
 * Messages any Postfix daemon or command may log, whatever its grammar: Cyrus SASL library
 * messages, a queue file a delivery request named but that is gone, and configuration
 * mistakes found while reading `main.cf` or a lookup table. Tried after a daemon's own
 * grammar, before the line falls back to `postfix.diagnostic`. Also the last resort of the
 * user commands (`postqueue`, `postdrop`, `sendmail` …): their other complaints are
 * `postfix.command-error`.
 *
 * @module
 */

import type { PostfixConfigWarning, PostfixEvent, PostfixSaslLog } from '../events/index.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { isQueueId } from './head.js'

/** Message shapes, most frequent first (counts from collected real logs). */
export const warningShapes = {
  queueFile: /open [a-z]+ [0-9A-Za-z]+: /,
  sasl: 'SASL authentication ',
  override: /[^\s,]+, line \d+: overriding earlier entry: /,
  conflict: 'do not list domain ',
  stale: 'database ',
  unsupported: ['unsupported dictionary type: ', /[^\s]+ is unavailable\. unsupported dictionary type: /],
} as const

const shape = classifier(warningShapes)

/** Whether `s[start, end)` is a non-empty run of digits. */
function isDigits(s: string, start: number, end: number): boolean {
  if (end <= start) return false
  for (let k = start; k < end; k++) {
    const c = s.charCodeAt(k)
    if (c < 48 || c > 57) return false
  }
  return true
}

const SASL_LEVELS: ReadonlySet<string> = new Set(['failure', 'problem', 'info', 'debug', 'trace', 'pass'])

/**
 * `SASL authentication failure: Password verification failed` (`xsasl_cyrus_log.c:58`, `:75`;
 * `info`/`debug`/`trace`/`pass` at `:63-97` with verbose logging only).
 */
function sasl(body: string, b: Base): PostfixEvent | undefined {
  const colon = body.indexOf(': ', 20)
  if (colon < 0) return undefined
  const level = body.slice(20, colon)
  if (!SASL_LEVELS.has(level)) return undefined
  return build(b, 'postfix.sasl-log', {
    level: level as PostfixSaslLog['level'],
    text: body.slice(colon + 2),
  })
}

/**
 * `open active 4AbC12: No such file or directory` (`deliver_request.c:359`): the queue id is
 * in the text, not in the prefix, so it is copied to `queueId` for the reducer.
 */
function queueFile(body: string, b: Base): PostfixEvent | undefined {
  const space = body.indexOf(' ', 5)
  const colon = body.indexOf(': ', space + 1)
  if (space < 0 || colon < 0 || !isQueueId(body, space + 1, colon)) return undefined
  if (b.queueId === undefined) (b as { queueId?: string }).queueId = body.slice(space + 1, colon)
  return build(b, 'postfix.queue-file-error', {
    queue: body.slice(5, space),
    reason: body.slice(colon + 2),
    text: body,
  })
}

type ConfigFields = Omit<PostfixConfigWarning, keyof Base | 'type'>

/** `/etc/postfix/main.cf, line 48: overriding earlier entry: name=old value` (`util/dict.c:550`). */
function override(body: string): ConfigFields | undefined {
  const comma = body.indexOf(', line ')
  const colon = body.indexOf(': ', comma + 7)
  const eq = body.indexOf('=', colon + 28)
  if (comma < 0 || colon < 0 || eq < 0 || !isDigits(body, comma + 7, colon)) return undefined
  return {
    kind: 'override',
    file: body.slice(0, comma),
    fileLine: Number(body.slice(comma + 7, colon)),
    parameters: [body.slice(colon + 28, eq)],
    text: body,
  }
}

/** `do not list domain x.example in BOTH mydestination and virtual_alias_domains` (`resolve.c:499-636`). */
function conflict(body: string): ConfigFields | undefined {
  const both = body.indexOf(' in BOTH ', 19)
  const and = body.indexOf(' and ', both + 9)
  if (both < 0 || and < 0) return undefined
  return {
    kind: 'domain-conflict',
    parameters: [body.slice(both + 9, and), body.slice(and + 5)],
    domain: body.slice(19, both),
    text: body,
  }
}

/** `database /etc/postfix/virtual.db is older than source file /etc/postfix/virtual` (`dict_db.c:808` …). */
function stale(body: string): ConfigFields | undefined {
  const older = body.indexOf(' is older than source file ', 9)
  if (older < 0) return undefined
  return { kind: 'stale-database', file: body.slice(older + 27), database: body.slice(9, older), text: body }
}

const UNSUPPORTED = 'unsupported dictionary type: '

/**
 * `unsupported dictionary type: mysql` (`dict_open.c:534`; `dynamicmaps.c:147-159` adds a
 * reason after the type) and `mysql:/etc/postfix/x.cf is unavailable. unsupported dictionary
 * type: mysql` (`dict_surrogate.c:81-115`).
 */
function unsupported(body: string): ConfigFields | undefined {
  const at = body.indexOf(UNSUPPORTED) + UNSUPPORTED.length
  let end = at
  while (end < body.length && body.charCodeAt(end) !== 32 && !body.startsWith('. ', end)) end++
  if (end === at) return undefined
  return { kind: 'unsupported-dictionary', dictionaryType: body.slice(at, end), text: body }
}

/**
 * Parses a message any Postfix program may log, or returns `undefined`.
 *
 * @example
 * parseWarning('open active 4AbC12: No such file or directory', base)?.type //=> 'postfix.queue-file-error'
 */
export function parseWarning(body: string, b: Base): PostfixEvent | undefined {
  let config: ConfigFields | undefined
  switch (shape(body)) {
    case 'queueFile':
      return queueFile(body, b)
    case 'sasl':
      return sasl(body, b)
    case 'override':
      config = override(body)
      break
    case 'conflict':
      config = conflict(body)
      break
    case 'stale':
      config = stale(body)
      break
    case 'unsupported':
      config = unsupported(body)
      break
    case undefined:
      return undefined
  }
  return config && build(b, 'postfix.config-warning', config)
}

/**
 * A user command's warning or error (`postqueue`, `postdrop`, `sendmail` …): the user prefix
 * `root(0): ` (`sendmail.c:798-1026`) or `uid=0: ` (`postdrop.c:505-625`) becomes fields.
 * Lines without a severity are left to the fallbacks.
 *
 * @example
 * parseCommand('root(0): error reading input: Is a directory', { ...base, severity: 'fatal' })
 * //=> { type: 'postfix.command-error', …, user: 'root', uid: 0, text: 'error reading input: Is a directory' }
 */
export function parseCommand(body: string, b: Base): PostfixEvent | undefined {
  const w = parseWarning(body, b)
  if (w || b.severity === undefined) return w
  const colon = body.indexOf(': ')
  if (colon > 0) {
    const open = body.lastIndexOf('(', colon)
    if (open > 0 && body.charCodeAt(colon - 1) === 41 /* ) */ && isDigits(body, open + 1, colon - 1)) {
      const user = body.slice(0, open)
      if (!user.includes(' ')) {
        const uid = Number(body.slice(open + 1, colon - 1))
        return build(b, 'postfix.command-error', { user, uid, text: body.slice(colon + 2) })
      }
    } else if (body.startsWith('uid=') && isDigits(body, 4, colon)) {
      const uid = Number(body.slice(4, colon))
      return build(b, 'postfix.command-error', { user: undefined, uid, text: body.slice(colon + 2) })
    }
  }
  return build(b, 'postfix.command-error', { user: undefined, uid: undefined, text: body })
}

/**
 * Postfix family: the daemon → grammar table and the fallbacks that make sure every line
 * under a Postfix program name becomes exactly one event — a specific one, a diagnostic for
 * severity-prefixed and known informational lines, or `postfix.unrecognized` with the raw text.
 *
 * @module
 */

import type { EventBase, PostfixEvent } from '../events/index.js'
import type { Family } from '../family.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base, Grammar } from './base.js'
import { parseBounce } from './bounce.js'
import { parseCacheCleanup } from './cache.js'
import { parseCleanup } from './cleanup.js'
import { parseDelivery } from './delivery.js'
import { parseDnsblog } from './dnsblog.js'
import { findEndpoint } from './fields.js'
import { type PostfixProgram, postfixProgram, readPostfixPrefix, readRepeated } from './head.js'
import { parseLifecycle } from './lifecycle.js'
import { parsePickup } from './pickup.js'
import { parsePostscreen } from './postscreen.js'
import { parsePostsuper } from './postsuper.js'
import { parseQmgr } from './qmgr.js'
import { parseSmtp } from './smtp.js'
import { parseSmtpd } from './smtpd.js'
import { parseStatistics } from './statistics.js'
import { parseTls } from './tls.js'
import { parseTlsproxy } from './tlsproxy.js'
import { parseCommand, parseWarning } from './warnings.js'

export { isQueueId, type PostfixProgram, postfixProgram, readPostfixPrefix } from './head.js'

function table(
  entries: readonly (readonly [readonly string[], readonly Grammar[]])[],
): ReadonlyMap<string, readonly Grammar[]> {
  const map = new Map<string, readonly Grammar[]>()
  for (const [daemons, grammars] of entries) {
    for (const d of daemons) {
      if (map.has(d)) throw new Error(`duplicate daemon in grammar table: ${d}`)
      map.set(d, grammars)
    }
  }
  return map
}

/** Grammars per daemon name, tried in order. */
export const GRAMMARS: ReadonlyMap<string, readonly Grammar[]> = table([
  [['smtpd'], [parseSmtpd, parseTls]],
  [['smtp', 'lmtp'], [parseSmtp]],
  [['local', 'virtual', 'pipe', 'error', 'discard', 'retry'], [parseDelivery]],
  [['qmgr', 'nqmgr', 'oqmgr'], [parseQmgr]],
  [['cleanup'], [parseCleanup]],
  [['bounce', 'defer', 'trace'], [parseBounce]],
  [['pickup'], [parsePickup]],
  [['postscreen'], [parsePostscreen]],
  [['dnsblog'], [parseDnsblog]],
  [['anvil', 'scache'], [parseStatistics]],
  [['verify', 'tlsmgr'], [parseCacheCleanup]],
  [['tlsproxy'], [parseTlsproxy, parseTls]],
  [['postsuper'], [parsePostsuper]],
  [['master', 'postfix-script', 'postlog', 'postfix'], [parseLifecycle]],
  // User commands (`postfix/sendmail` is Postfix's, not Sendmail's: the family claims it by name).
  [
    [
      'postqueue',
      'postdrop',
      'sendmail',
      'postalias',
      'postmap',
      'postcat',
      'postconf',
      'postkick',
      'postlock',
      'postmulti',
    ],
    [parseCommand],
  ],
])

/**
 * Informational lines without a severity that carry no fields worth a type of their own;
 * they become `postfix.diagnostic` rather than unrecognized.
 */
const informational = classifier({
  info: [
    'table ',
    'using backwards-compatible default setting',
    'abort: ',
    'replacing command ',
    'sasl_exceptions: ',
    'SMTPUTF8 ',
    'message-size ',
    'Deleted: ',
    'connection established',
    'Connection ',
    'dict_',
    'bare <LF> received ',
    'Postfix is running with backwards-compatible default settings',
    'See http://www.postfix.org/COMPATIBILITY_README.html',
    'To disable backwards compatibility use ',
  ],
})

/**
 * Verbose-logging shapes (`-v` on a daemon, `debug_peer_list`): internal function names
 * followed by a colon, attribute dumps, parameter dumps, the SMTP conversation.
 */
const verbose = classifier({
  debug: [
    /[a-z][a-z0-9]*_[a-z0-9_]*: /,
    /[a-z][a-z0-9_]* = /,
    /[<>] [^\s[]*\[[^\]\s]*\](?::\d+)?: /,
    'send attr ',
    'input attribute ',
    'private/',
    'public/',
    'connect to subsystem ',
    '>>> ',
    'start sorted recipient list',
    'end sorted recipient list',
    'request: ',
    'request ignored',
    'done incoming queue scan',
    'done deferred queue scan',
    'idle timeout -- exiting',
    'process generation: ',
    'Compiled against ',
    'Run-time linked against ',
    'mynetworks: ',
    'before ',
    'after ',
    'fsspace: ',
    /[a-z]+ socket: wanted attribute: /,
    /[a-z]+ stream disconnect/,
    'wakeup ',
    'start move queue ',
    'end move queue ',
    'master disconnect -- exiting',
    'host name lookup methods: ',
    'open incoming/',
    'initial envelope ',
    'extracted envelope ',
    'connection closed',
    'pref ',
    'connecting to ',
    'lookup ',
    'begin ',
    'end ',
    'recipient limit ',
  ],
})

/**
 * Parses the message of a Postfix line whose header and prefix are already in `base`.
 *
 * @example
 * parsePostfixBody('removed', { type: 'unknown', line: 1, time, stamp, host: 'mx1', program: 'postfix/qmgr', instance: 'postfix', daemon: 'qmgr', queueId: '3F4A92C1B' }, raw).type
 * //=> 'postfix.qmgr.removed'
 */
export function parsePostfixBody(body: string, base: Base, raw: string): PostfixEvent {
  const grammars = GRAMMARS.get(base.daemon)
  if (grammars) {
    for (const g of grammars) {
      const event = g(body, base)
      if (event) return event
    }
  }
  // Messages of any daemon (SASL library, queue files, configuration); after the daemon's own
  // shapes, which are far more frequent.
  const warning = parseWarning(body, base)
  if (warning) return warning
  if (base.severity !== undefined || informational(body)) {
    return build(base, 'postfix.diagnostic', { text: body, client: findEndpoint(body) })
  }
  if (verbose(body)) return build(base, 'postfix.debug', { text: body })
  return build(base, 'postfix.unrecognized', { raw, message: body })
}

/**
 * The Postfix family: programs `postfix/…`, `postfix-<instance>/…` and custom syslog names
 * ending in a Postfix daemon.
 *
 * @example
 * postfixFamily.claim('postfix/smtpd') //=> { instance: 'postfix', daemon: 'smtpd' }
 */
export const postfixFamily: Family<PostfixProgram> = {
  name: 'postfix',
  claim: postfixProgram,
  parse(message: string, header: EventBase, raw: string, program: PostfixProgram): PostfixEvent {
    // rsyslog's `message repeated N times: [ … ]`: the inner line is the event (first char
    // tested first: this runs on every line).
    const repeated = message.charCodeAt(0) === 109 /* m */ ? readRepeated(message) : undefined
    const prefix = readPostfixPrefix(repeated ? repeated.message : message)
    // The line's event object gains the Postfix header fields in place (see grammar/build.ts).
    const base = header as { -readonly [K in keyof Base]: Base[K] }
    base.instance = program.instance
    base.service = program.service
    base.daemon = program.daemon
    base.queueId = prefix.queueId
    base.severity = prefix.severity
    if (repeated) base.repeated = repeated.count
    return parsePostfixBody(prefix.body, base, raw)
  },
}

/**
 * amavis family: syslog lines of amavisd-new / amavis (`amavis[pid]: (log_id) [(!)|(!!)]text`,
 * A211 amavisd:2512-2515,2552). The log-id and alert prefix go into every event; a classifier
 * names the message shape; a line no grammar claims is `amavis.diagnostic` when it carries an
 * alert mark or is a known informational line, else `amavis.unrecognized` with its raw text.
 * `clamd`, `spamd` and other scanners' own lines are not this family's (they stay `unknown`).
 *
 * @module
 */

import type { AmavisEvent, EventBase } from '../events/index.js'
import type { Family } from '../family.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import { parseAvFailure } from './av.js'
import type { Base } from './base.js'
import { parseBounce } from './bounce.js'
import { parsePart, parseSpamTag, parseTiming } from './detail.js'
import { parseForward } from './forward.js'
import { parseResult } from './result.js'
import { parseChecking, parseSmtp } from './session.js'
import { parseRundown, parseStartup } from './startup.js'

/** Message shapes, most frequent first. */
export const amavisShapes = {
  result: ['Passed ', 'Blocked ', 'Passed,', 'Blocked,', 'Not-Delivered '],
  part: /p\d{3} /,
  smtp: /(?:E?SMTP|E?LMTP)[A-Z/]* ?:?(?:\[[^\]\s]*\])?:\d/,
  checking: 'Checking: ',
  forward: /[\w-]+(?:\([\w-]+\))? (?:FWD|SEND) from </,
  timing: [/size: \d+, (?:TIMING|RUSAGE)/, 'TIMING'],
  spamTag: ['SPAM-TAG, ', 'spam-tag, ', 'SPAM, '],
  openRelay: 'Open relay? Nonlocal recips but not originating: ',
  bounce: ['bounce killed ', 'bounce rescued ', 'bounce unverifiable'],
  avFailure: ['run_av (', /[\w.-]+ av-scanner FAILED: /, 'WARN: all '],
  // Once per restart or child: after the per-message shapes.
  rundown: 'Requesting process rundown',
  startup: [
    'starting. ',
    'Found decoder for ',
    'Internal decoder for .',
    'No decoder for ',
    'No ext program for ',
    'Found $',
    'No $',
    'Found primary av scanner ',
    'Found secondary av scanner ',
    'Using primary internal av scanner code for ',
    'Using secondary internal av scanner code for ',
    'Found spam scanner ',
    'Module ',
    'Perl version ',
    'perl=',
    'user=',
    'SpamControl: init_pre_',
    'Creating db in ',
    'Deleting db files ',
    'sd_notify (',
    'Net::Server: ',
    // `ANTI-VIRUS code      loaded`, `SQL::Quarantine      NOT loaded` (amavisd:12950-12974).
    /[A-Z][\w:.-]*(?: base| proto)?(?: code)? +(?:NOT )?loaded/,
  ],
} as const

const shape = classifier(amavisShapes)

/** The builder of each shape; `undefined` when the line only starts like it. */
const PARSERS: Readonly<
  Record<keyof typeof amavisShapes, (text: string, b: Base) => AmavisEvent | undefined>
> = {
  result: parseResult,
  part: parsePart,
  smtp: parseSmtp,
  checking: parseChecking,
  forward: parseForward,
  timing: parseTiming,
  spamTag: parseSpamTag,
  openRelay: (text, b) => build(b, 'amavis.open-relay', { recipients: text.slice(49).split(', ') }),
  bounce: parseBounce,
  avFailure: parseAvFailure,
  rundown: parseRundown,
  startup: parseStartup,
}

/**
 * Informational lines without an alert mark that carry no fields worth a type of their own
 * (A211 amavisd:19683-19685,13740,13201,20415,29282,29301, and Net::Server's own lines).
 */
const informational = classifier({
  info: [
    'starting. ',
    'extra modules loaded',
    'Net::Server: ',
    'Perl version ',
    'Module ',
    'Amavis::',
    'Found ',
    'Using ',
    'No ext program for ',
    'No decoder for ',
    'Internal decoder for ',
    'Creating db in ',
    // amavisd:20415 `Deleting db files %s in %s`: the list may be empty, leaving two spaces.
    'Deleting db files ',
    'SpamControl: ',
    'ANTI-VIRUS code ',
    'ANTI-SPAM',
    'sd_notify',
    'Requesting process rundown',
    'Open relay? ',
    'bounce ',
    'DSN: ',
    'TROUBLE',
    'WARN: ',
    '_WARN: ',
    '_DIE: ',
    'NOTICE: ',
    'INFO: ',
    'Negative SMTP response ',
    'SA info: ',
    'SA warn: ',
    'lookup_sql: ',
    'lookup_ldap: ',
  ],
})

/**
 * Traces of `$log_level` 3 to 5: internal function names (`lookup_acl(…)`, `rw_loop: …`,
 * `get_deadline …`), the SMTP conversation (`ESMTP< RCPT TO:…`, `ESMTP> 250 …`) and scanner
 * dialogue. Lines of the known informational shapes are matched first.
 */
const debugging = classifier({
  debug: [/[a-z_][\w:]*[ (:,[=]/, /(?:E?SMTP|E?LMTP)[<>] /, /[\w-]+-clamd: /, 'SA dbg: ', 'TIMING-SA '],
})

/** amavis' own syslog names: `amavis`, `amavisd`, `amavisd-new`, any path to them. */
const NAMES: ReadonlySet<string> = new Set(['amavis', 'amavisd', 'amavisd-new', 'amavisd.pl'])

/** Reads `(03301-07) (!)` off the front of a message; the split-line `...` marks are kept. */
function prefix(message: string): { logId?: string; alert?: 'warning' | 'error'; text: string } {
  let i = 0
  let logId: string | undefined
  if (message.charCodeAt(0) === 40 /* ( */) {
    const close = message.indexOf(') ')
    const id = close > 1 ? message.slice(1, close) : ''
    if (id !== '' && id !== '!' && id !== '!!' && /^[\w-]+$/.test(id)) {
      logId = id
      i = close + 2
    }
  }
  let alert: 'warning' | 'error' | undefined
  if (message.startsWith('(!!)', i)) {
    alert = 'error'
    i += 4
  } else if (message.startsWith('(!)', i)) {
    alert = 'warning'
    i += 3
  }
  if (alert && message.charCodeAt(i) === 32) i++
  return { logId, alert, text: message.slice(i) }
}

/** A split line is cut at `$logline_maxlen` (980, A211 amavisd:762); shorter lines ending in `...` are whole. */
const SPLIT_MIN = 900

/**
 * Parses the message of an amavis line whose prefix is already in `base`.
 *
 * @example
 * parseAmavisText('Checking: rOEEAACEPVgB [192.0.2.229] <a@b> -> <c@d>', base).type //=> 'amavis.checking'
 */
export function parseAmavisText(text: string, b: Base, raw: string, message: string): AmavisEvent {
  const name = shape(text)
  const event = name === undefined ? undefined : PARSERS[name](text, b)
  if (event) return event
  const continued = text.startsWith('...')
  const continues = text.endsWith('...') && message.length >= SPLIT_MIN
  if (continued || continues) {
    return build(b, 'amavis.split', {
      continued,
      continues,
      text: text.slice(continued ? 3 : 0, continues ? -3 : undefined),
    })
  }
  if (b.alert !== undefined || informational(text)) return build(b, 'amavis.diagnostic', { text })
  if (debugging(text)) return build(b, 'amavis.debug', { text })
  return build(b, 'amavis.unrecognized', { raw, message })
}

/**
 * The amavis family.
 *
 * @example
 * amavisFamily.claim('amavis')            //=> true
 * amavisFamily.claim('/usr/sbin/amavisd') //=> true
 * amavisFamily.claim('clamd')             //=> undefined
 */
export const amavisFamily: Family<true> = {
  name: 'amavis',
  claim: (program) => (NAMES.has(program.slice(program.lastIndexOf('/') + 1)) ? true : undefined),
  parse(message: string, header: EventBase, raw: string): AmavisEvent {
    const p = prefix(message)
    // The line's event object gains the amavis fields in place (see grammar/build.ts).
    const base = header as { -readonly [K in keyof Base]: Base[K] }
    base.logId = p.logId
    base.alert = p.alert
    return parseAmavisText(p.text, base, raw, message)
  },
}

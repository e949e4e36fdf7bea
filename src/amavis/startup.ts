/**
 * Start-up notices of the amavisd master process and the child rundown request (amavisd-new
 * 2.11.1 `amavisd`). They were `amavis.diagnostic` text; typed, a restart, a missing decoder
 * or a scanner that was not found can be searched by field. Lines are read with `indexOf` and
 * `startsWith` only: the formats are fixed `sprintf` templates, several with `%-Ns` padding,
 * so runs of spaces are skipped rather than matched.
 *
 * @module
 */

import type { AmavisEvent, AmavisStartup } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

/** Index of the first character that is not a space at or after `i`. */
function skipSpaces(s: string, i: number): number {
  while (s.charCodeAt(i) === 32) i++
  return i
}

/** Fields absent from every kind; each builder overrides what its line has. */
const NONE = {
  path: undefined,
  paths: undefined,
  myHostname: undefined,
  product: undefined,
  version: undefined,
  warm: undefined,
  name: undefined,
  extension: undefined,
  found: undefined,
  loaded: undefined,
  tried: undefined,
  tier: undefined,
  user: undefined,
  group: undefined,
  stage: undefined,
  status: undefined,
} as const

type Fields = Partial<Omit<AmavisStartup, keyof Base | 'type' | 'kind' | 'text'>>

function startup(b: Base, kind: AmavisStartup['kind'], text: string, fields: Fields): AmavisEvent {
  return build(b, 'amavis.startup', { kind, ...NONE, ...fields, text })
}

/**
 * `starting.[ (warm)] $0 at $myhostname $myproduct_name-$myversion_id ($myversion_date)…`
 * (amavisd:19683-19685); releases up to 2.5 print two spaces after `starting.`.
 *   starting. /usr/sbin/amavisd at mx.example.org amavisd-new-2.11.1 (20181009), Unicode aware
 *            ^ i
 */
function starting(text: string, b: Base): AmavisEvent | undefined {
  let i = 9
  const warm = text.startsWith(' (warm)', i)
  if (warm) i += 7
  i = skipSpaces(text, i)
  const at = text.indexOf(' at ', i)
  if (at < 0) return undefined
  const hostEnd = text.indexOf(' ', at + 4)
  if (hostEnd < 0) return undefined
  let idEnd = text.indexOf(' ', hostEnd + 1)
  if (idEnd < 0) idEnd = text.length
  const id = text.slice(hostEnd + 1, idEnd)
  // `amavisd-new-2.11.1`: the product name itself holds a `-`, the version starts at the last one.
  const dash = id.lastIndexOf('-')
  const versioned = dash > 0 && /^\d/.test(id.slice(dash + 1))
  return startup(b, 'starting', text, {
    path: text.slice(i, at),
    myHostname: text.slice(at + 4, hostEnd),
    product: versioned ? id.slice(0, dash) : id,
    version: versioned ? id.slice(dash + 1) : undefined,
    warm: warm || undefined,
  })
}

/**
 * `perl=%s, user=%s, EUID: %s (%s);  group=%s, EGID: %s (%s)` (amavisd:19688-19689); older
 * releases start at `user=`. An empty `user=`/`group=` means none was configured.
 */
function identity(text: string, b: Base): AmavisEvent | undefined {
  const userAt = text.indexOf('user=')
  const groupAt = text.indexOf('group=')
  if (userAt < 0 || groupAt < 0) return undefined
  const userEnd = text.indexOf(',', userAt)
  const groupEnd = text.indexOf(',', groupAt)
  const user = text.slice(userAt + 5, userEnd < 0 ? undefined : userEnd)
  const group = text.slice(groupAt + 6, groupEnd < 0 ? undefined : groupEnd)
  return startup(b, 'process', text, {
    version: text.startsWith('perl=') ? text.slice(5, text.indexOf(',')) : undefined,
    user: user === '' ? undefined : user,
    group: group === '' ? undefined : group,
  })
}

/**
 * `Module %-19s %s` (amavisd:12948), and `Perl version %s` of releases before 2.6.
 *   Module Amavis::Conf        2.034
 *          ^ 7
 */
function moduleVersion(text: string, b: Base, at: number): AmavisEvent | undefined {
  const end = text.indexOf(' ', at)
  if (end < 0) return undefined
  const name = at === 7 ? text.slice(at, end) : 'Perl'
  return startup(b, 'module', text, { name, version: text.slice(skipSpaces(text, end)) })
}

/**
 * External programs and decoders found or missing (amavisd:18642-18696):
 * `Found %-16s at %s` and `No %-19s not using it` for `$file`, `$altermime`;
 * `Found decoder for    .%-4s at %s` (paths joined by `; `, `(backup, not used)` after),
 * `Internal decoder for .%-4s`, `No ext program for   .%s, tried: %s`, `No decoder for .%-4s`.
 */
function decoderFound(text: string, b: Base): AmavisEvent | undefined {
  const extEnd = text.indexOf(' ', 22)
  if (extEnd < 0) return undefined
  let at = skipSpaces(text, extEnd)
  if (!text.startsWith('at ', at)) return undefined
  at += 3
  // A chrooted daemon prefixes `(chroot: DIR/) ` (amavisd:18682).
  if (text.startsWith('(chroot: ', at)) at = text.indexOf(') ', at) + 2
  let list = text.slice(at)
  if (list.endsWith(' (backup, not used)')) list = list.slice(0, -19)
  return startup(b, 'decoder', text, {
    extension: text.slice(22, extEnd),
    found: true,
    paths: list.split('; '),
  })
}

function decoderMissing(text: string, b: Base, at: number): AmavisEvent | undefined {
  const comma = text.indexOf(', tried: ', at)
  const extEnd = comma >= 0 ? comma : text.indexOf(' ', at) < 0 ? text.length : text.indexOf(' ', at)
  return startup(b, 'decoder', text, {
    extension: text.slice(at, extEnd),
    found: false,
    tried: comma >= 0 ? text.slice(comma + 9).split('; ') : undefined,
  })
}

/** `Found $file            at /usr/bin/file` / `No $altermime,         not using it`. */
function program(text: string, b: Base, found: boolean): AmavisEvent | undefined {
  const start = found ? 7 : 4
  let end = start
  while (end < text.length && text.charCodeAt(end) !== 32 && text.charCodeAt(end) !== 44) end++
  const at = found ? text.indexOf(' at ', end) : -1
  if (found && at < 0) return undefined
  return startup(b, 'program', text, {
    name: text.slice(start, end),
    found,
    path: found ? text.slice(skipSpaces(text, at + 4)) : undefined,
  })
}

/**
 * Scanners (amavisd:18706-18731): `Using primary internal av scanner code for NAME`,
 * `Found secondary av scanner %-11s at PATH`, `Found spam scanner %-11s at PATH`.
 */
function scanner(text: string, b: Base): AmavisEvent | undefined {
  const using = text.startsWith('Using ')
  const tierEnd = text.indexOf(' ', 6)
  const spam = text.startsWith('Found spam scanner ')
  const tier = spam ? undefined : text.slice(6, tierEnd)
  if (using) {
    const at = text.indexOf(' code for ', tierEnd)
    if (at < 0) return undefined
    return startup(b, 'av-scanner', text, { tier, name: text.slice(at + 10), found: true })
  }
  const nameAt = spam ? 19 : tierEnd + 12
  const nameEnd = text.indexOf(' ', nameAt)
  if (nameEnd < 0) return undefined
  const at = skipSpaces(text, nameEnd)
  if (!text.startsWith('at ', at)) return undefined
  return startup(b, spam ? 'spam-scanner' : 'av-scanner', text, {
    tier,
    name: text.slice(nameAt, nameEnd),
    found: true,
    path: text.slice(at + 3),
  })
}

/** `SpamControl: init_pre_chroot on SpamAssassin done` (amavisd:29301,29314; 2.6 omits `on X`). */
function spamControl(text: string, b: Base): AmavisEvent | undefined {
  if (!text.endsWith(' done')) return undefined
  const body = text.slice(13, -5)
  const on = body.indexOf(' on ')
  return startup(b, 'spamcontrol', text, {
    stage: on < 0 ? body : body.slice(0, on),
    name: on < 0 ? undefined : body.slice(on + 4),
  })
}

/** `Creating db in DIR/; BerkeleyDB V, libdb V` / `Deleting db files LIST in DIR` (amavisd:20415,20426). */
function database(text: string, b: Base): AmavisEvent | undefined {
  if (text.startsWith('Creating db in ')) {
    const semi = text.indexOf('; ', 15)
    return startup(b, 'db', text, { path: text.slice(15, semi < 0 ? undefined : semi) })
  }
  const at = text.lastIndexOf(' in ')
  return startup(b, 'db', text, { path: at < 0 ? undefined : text.slice(at + 4) })
}

/**
 * `sd_notify (no socket): STATUS=…` / `sd_notify (SOCKET): READY=1\nSTATUS=…` (amavisd:13069,13076):
 * the systemd state amavisd reports, with or without a socket to send it to.
 */
function sdNotify(text: string, b: Base): AmavisEvent | undefined {
  const st = text.indexOf('STATUS=')
  return startup(b, 'sd-notify', text, { status: st < 0 ? undefined : text.slice(st + 7) })
}

/**
 * `ANTI-VIRUS code     %s loaded` with `%s` empty or ` NOT` (amavisd:12950-12974): which optional
 * parts of amavisd were compiled in; a few names lack the word `code`.
 */
function codeLoaded(text: string, b: Base): AmavisEvent | undefined {
  let s = text.slice(0, text.lastIndexOf('loaded')).trimEnd()
  const loaded = !s.endsWith(' NOT')
  if (!loaded) s = s.slice(0, -4).trimEnd()
  if (s.endsWith('code')) s = s.slice(0, -4).trimEnd()
  return startup(b, 'code', text, { name: s, loaded })
}

/**
 * Parses a start-up notice (the text after the log id), or returns `undefined`.
 *
 * @example
 * parseStartup('Found decoder for    .rar  at /usr/bin/unrar', base)
 * //=> { type: 'amavis.startup', …, kind: 'decoder', extension: 'rar', found: true, paths: ['/usr/bin/unrar'], text: '…' }
 */
export function parseStartup(text: string, b: Base): AmavisEvent | undefined {
  if (text.endsWith('loaded')) return codeLoaded(text, b)
  switch (text.charCodeAt(0)) {
    case 115 /* s */:
      if (text.startsWith('starting.')) return starting(text, b)
      return sdNotify(text, b)
    case 70 /* F */:
      if (text.startsWith('Found decoder for ')) return decoderFound(text, b)
      if (text.startsWith('Found $')) return program(text, b, true)
      return scanner(text, b)
    case 73 /* I */:
      return startup(b, 'decoder', text, {
        extension: text.slice(22, text.indexOf(' ', 22) < 0 ? undefined : text.indexOf(' ', 22)),
        found: true,
      })
    case 78 /* N */:
      if (text.startsWith('No decoder for ')) return decoderMissing(text, b, skipSpaces(text, 15) + 1)
      if (text.startsWith('No ext program for ')) {
        return decoderMissing(text, b, skipSpaces(text, 19) + 1)
      }
      if (text.startsWith('Net::Server: ')) return startup(b, 'server', text, {})
      return program(text, b, false)
    case 77 /* M */:
      return moduleVersion(text, b, 7)
    case 80 /* P */:
      return moduleVersion(text, b, 5)
    case 85 /* U */:
      return scanner(text, b)
    case 83 /* S */:
      return spamControl(text, b)
    case 67 /* C */:
    case 68 /* D */:
      return database(text, b)
    default:
      return identity(text, b)
  }
}

/**
 * `Requesting process rundown after %d tasks (and %s sessions)` (amavisd:13728), `… after fatal
 * error` (:13720), `…, task exceeded allowed time[ during waiting for input from client]`
 * (:13714-13716), `… due to stale Sophos virus data` (:13733).
 *
 * @example
 * parseRundown('Requesting process rundown after 20 tasks (and 20 sessions)', base)
 * //=> { type: 'amavis.rundown', …, reason: 'max-requests', tasks: 20, sessions: 20 }
 */
export function parseRundown(text: string, b: Base): AmavisEvent | undefined {
  const rest = text.slice(26)
  let reason: 'max-requests' | 'fatal-error' | 'timeout' | 'stale-virus-data'
  let tasks: number | undefined
  let sessions: number | undefined
  if (rest.startsWith(' after fatal error')) reason = 'fatal-error'
  else if (rest.startsWith(', task exceeded allowed time')) reason = 'timeout'
  else if (rest.startsWith(' due to stale ')) reason = 'stale-virus-data'
  else if (rest.startsWith(' after ')) {
    const t = rest.indexOf(' tasks', 7)
    const s = rest.indexOf('(and ', t)
    if (t < 0 || s < 0) return undefined
    reason = 'max-requests'
    tasks = Number(rest.slice(7, t))
    sessions = Number(rest.slice(s + 5, rest.indexOf(' ', s + 5)))
    if (!Number.isInteger(tasks) || !Number.isInteger(sessions)) return undefined
  } else return undefined
  return build(b, 'amavis.rundown', {
    reason,
    tasks,
    sessions,
    waitingForClient:
      reason === 'timeout' ? rest.endsWith(' during waiting for input from client') : undefined,
  })
}

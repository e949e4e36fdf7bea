/**
 * Lines that name a second queue id after the first: a delivery status notification
 * generated for a message (`OLD: NEW: DSN: text`, also `return to sender`, `sender notify`,
 * `postmaster notify`; `savemail.c:620-630`) and an envelope cloned for a list owner
 * (`OLD: NEW: clone: owner=x`, `deliver.c:574-577`). Both link two transactions. Also the
 * `Authentication-Warning` notes, which name a message's doubtful origin.
 *
 * @module
 */

import type { SendmailDsn, SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { unbracket } from './fields.js'
import { isSendmailQueueId } from './head.js'

const KINDS: readonly SendmailDsn['kind'][] = [
  'DSN',
  'return to sender',
  'sender notify',
  'postmaster notify',
]

const SET_SENDER = ' set sender to '

/**
 * `Authentication-Warning: HOST: USER set sender to ADDR using -f` (`main.c:3651-3654`, `:2834`)
 * and the other `auth_warning` texts, which keep only `hostname` and `text`.
 *
 * @example
 * parseAuthWarning('Authentication-Warning: mx1.example.org: www-data set sender to a@example.org using -f', base)
 * //=> { type: 'sendmail.auth-warning', …, myHostname: 'mx1.example.org', user: 'www-data', sender: 'a@example.org', flag: 'f', text: 'www-data set sender to a@example.org using -f' }
 */
export function parseAuthWarning(body: string, b: Base): SendmailEvent | undefined {
  const colon = body.indexOf(': ', 24)
  if (colon < 0) return undefined
  const text = body.slice(colon + 2)
  const set = text.indexOf(SET_SENDER)
  const using = text.lastIndexOf(' using -')
  const sender =
    set > 0 && using > set && using + 9 === text.length && !text.slice(0, set).includes(' ')
      ? text.slice(set + SET_SENDER.length, using)
      : undefined
  return build(b, 'sendmail.auth-warning', {
    myHostname: body.slice(24, colon),
    user: sender === undefined ? undefined : text.slice(0, set),
    sender: sender === undefined ? undefined : unbracket(sender),
    flag: sender === undefined ? undefined : text.slice(using + 8),
    text,
  })
}

/**
 * Parses `NEWQID: DSN: …` and `NEWQID: clone: owner=…` (the body after the first queue id),
 * or returns `undefined` when the body does not start with a queue id and one of those words.
 *
 * @example
 * parseNotice('521C02cd012346: DSN: User unknown', base)
 * //=> { type: 'sendmail.dsn', …, dsnQueueId: '521C02cd012346', kind: 'DSN', text: 'User unknown' }
 */
export function parseNotice(body: string, b: Base): SendmailEvent | undefined {
  const colon = body.indexOf(': ')
  if (colon < 0 || !isSendmailQueueId(body, 0, colon)) return undefined
  const id = body.slice(0, colon)
  const rest = body.slice(colon + 2)
  if (rest.startsWith('clone: owner=')) {
    return build(b, 'sendmail.clone', { cloneQueueId: id, owner: rest.slice(13) })
  }
  for (const kind of KINDS) {
    if (rest.startsWith(kind) && rest.startsWith(': ', kind.length)) {
      return build(b, 'sendmail.dsn', { dsnQueueId: id, kind, text: rest.slice(kind.length + 2) })
    }
  }
  return undefined
}

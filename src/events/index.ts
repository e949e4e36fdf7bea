/**
 * The event contract: every line maillog reads becomes exactly one {@link MailEvent}.
 *
 * One interface per event shape, discriminated by `type` (`<family>.<daemon>.<what>`), one file
 * per family. Lines a family recognizes by header but not by body become
 * `<family>.unrecognized`; lines nobody recognizes become `unknown`. Both keep the raw text.
 *
 * `time` is ISO 8601 with the offset of the zone it was resolved in
 * (`2025-03-01T12:00:01+01:00`, fractions kept as written). When a stamp cannot be resolved
 * (an impossible date such as `Feb 30`), `time` holds the stamp text as written and
 * `timeUnresolved` is `true`.
 *
 * @module
 */

import type { AmavisEvent } from './amavis.js'
import type { UnknownEvent } from './base.js'
import type { ClamavEvent } from './clamav.js'
import type { OpendkimEvent } from './opendkim.js'
import type { PostfixEvent } from './postfix.js'
import type { SendmailEvent } from './sendmail.js'
import type { ZimbraEvent } from './zimbra.js'

export type * from './amavis.js'
export type * from './base.js'
export type * from './clamav.js'
export type * from './opendkim.js'
export type * from './postfix.js'
export type * from './sendmail.js'
export type * from './zimbra.js'

/** Every event maillog produces. */
export type MailEvent =
  | PostfixEvent
  | SendmailEvent
  | ZimbraEvent
  | AmavisEvent
  | ClamavEvent
  | OpendkimEvent
  | UnknownEvent

/** The `type` of every event, derived from the union. */
export type MailEventType = MailEvent['type']

/** The event of a given type. */
export type EventOf<T extends MailEventType> = Extract<MailEvent, { type: T }>

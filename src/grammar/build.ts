/**
 * Event construction. The line parser makes one object per line holding `type` and the header
 * fields; a family adds its own header fields, and a grammar completes it here with its type
 * and specific fields. One object per line, filled in place: spreading a 13-field base into a
 * new literal per line cost several times the parse itself.
 *
 * @module
 */

import type { EventOf, MailEventType } from '../events/index.js'

/** The fields of an event type beyond those of the base it is built on. */
export type Specific<T extends MailEventType, B> = Omit<EventOf<T>, keyof B | 'type'>

/**
 * Completes the line's event object `b` as an event of `type` with `fields`. Call it once, as a
 * grammar's last step: `b` is the event object itself, not a copy.
 *
 * @example
 * return build(b, 'postfix.qmgr.queued', { from: 'a@example.org', size: 2413, nrcpt: 1 })
 */
export function build<T extends MailEventType, B extends object>(
  b: B,
  type: T,
  fields: Specific<T, B>,
): EventOf<T> {
  const e = b as Record<string, unknown>
  e.type = type
  for (const key in fields) e[key] = (fields as Record<string, unknown>)[key]
  return e as unknown as EventOf<T>
}

/** An event under construction: every field writable. */
export type Writable<E> = { -readonly [K in keyof E]: E[K] }

/**
 * Starts completing the line's event object `b` as an event of `type`; the caller assigns
 * every specific field by name and returns it. For the most frequent lines: named stores are
 * several times faster than `build`'s copy loop. The type does not check that every field is
 * assigned — keep such builders short and covered by the corpus.
 *
 * @example
 * const e = begin(b, 'postfix.qmgr.removed')
 * return e
 */
export function begin<T extends MailEventType, B extends object>(b: B, type: T): Writable<EventOf<T>> {
  ;(b as { type: string }).type = type
  return b as unknown as Writable<EventOf<T>>
}

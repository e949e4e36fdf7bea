/**
 * The contract between the line parser and a log family (Postfix, Sendmail, amavis …): a
 * family claims syslog program names and turns the message of a claimed line into an event.
 *
 * @module
 */

import type { EventBase, MailEvent } from './events/index.js'

/** A log family: which programs it reads, and how. */
export interface Family {
  /** Family name, the first part of its event types (`postfix`). */
  readonly name: string
  /** Whether this family reads lines of a syslog program name; called once per distinct name. */
  claims(program: string): boolean
  /**
   * Parses the message of a claimed line. `base` is the line's event object, holding `type`
   * and the header fields: the family adds its own fields and completes it with `build`
   * (`grammar/build.ts`) rather than copying it. `raw` is the whole line for
   * `<family>.unrecognized`. Never throws, always returns an event.
   */
  parse(message: string, base: EventBase, raw: string): MailEvent
}

/**
 * The contract between the line parser and a log family (Postfix, Sendmail, amavis …): a
 * family claims syslog program names and turns the message of a claimed line into an event.
 *
 * @module
 */

import type { EventBase, MailEvent } from './events/index.js'

/**
 * A log family: which programs it reads, and how. `C` is what the family learns from a program
 * name when it claims it (Postfix: instance, service, daemon); the parser caches it per name
 * and hands it back with every line.
 */
export interface Family<C = unknown> {
  /** Family name, the first part of its event types (`postfix`). */
  readonly name: string
  /**
   * Claims a syslog program name: returns what the family needs to know about it, or
   * `undefined` when the program is not this family's. Called once per distinct name.
   */
  claim(program: string): C | undefined
  /**
   * Parses the message of a claimed line. `base` is the line's event object, holding `type`
   * and the header fields: the family adds its own fields and completes it with `build`
   * (`grammar/build.ts`) rather than copying it. `raw` is the whole line for
   * `<family>.unrecognized`. Never throws, always returns an event.
   */
  parse(message: string, base: EventBase, raw: string, claim: C): MailEvent
}

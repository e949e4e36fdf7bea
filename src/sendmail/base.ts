/**
 * The header and prefix fields a Sendmail grammar copies into each event it builds.
 *
 * @module
 */

import type { SendmailBase, SendmailEvent } from '../events/index.js'

/** Fields every Sendmail event starts with, filled by `index.ts` before a grammar runs. */
export type Base = SendmailBase

/** A message-shape grammar: message body (after the queue-id prefix) to event, or `undefined`. */
export type Grammar = (body: string, base: Base) => SendmailEvent | undefined

/**
 * The header and prefix fields a grammar copies into each event it builds.
 *
 * @module
 */

import type { PostfixBase } from '../events/index.js'

/** Fields every Postfix event starts with, filled by `index.ts` before a grammar runs. */
export type Base = PostfixBase

/** A daemon grammar: message body (after the queue-id/severity prefix) to event, or `undefined`. */
export type Grammar = (body: string, base: Base) => import('../events/index.js').PostfixEvent | undefined

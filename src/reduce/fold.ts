/**
 * Events → transactions as every reader does it: Sendmail lines split in parts (`QID[1]: …`,
 * `QID[2]: …`) are put back together first, then the whole line's event is reduced. The
 * reducer stays a pure function of plain state; the joiner holds only parts in flight.
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import { createSendmailJoiner } from '../sendmail/join.js'
import type { Transaction } from '../transaction.js'
import { flush, reduce } from './index.js'
import type { ReducerState } from './state.js'

/** A fold of events into transactions over one reducer state. */
export interface TransactionFold {
  /** Folds one event; returns the transactions that became final. */
  push(event: MailEvent): readonly Transaction[]
  /**
   * Ends the input: joins what parts are left, then, unless `keepOpen` (a checkpointed run),
   * emits every transaction still open.
   */
  end(keepOpen?: boolean): Transaction[]
}

/**
 * Creates a fold over `state`.
 *
 * @example
 * const fold = createFold(createState())
 * for (const e of events) for (const t of fold.push(e)) console.log(t.id)
 * for (const t of fold.end()) console.log(t.id, t.complete)
 */
export function createFold(state: ReducerState): TransactionFold {
  const joiner = createSendmailJoiner()
  return {
    push(event) {
      if (event.type !== 'sendmail.part') return reduce(state, event)
      const out: Transaction[] = []
      for (const e of joiner.push(event)) out.push(...reduce(state, e))
      return out
    },
    end(keepOpen = false) {
      const out: Transaction[] = []
      for (const e of joiner.flush()) out.push(...reduce(state, e))
      if (!keepOpen) out.push(...flush(state))
      return out
    },
  }
}

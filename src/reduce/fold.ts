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
   * Ends the input: folds what split lines are left as they were read, then emits every
   * transaction still open — unless `keepOpen` (a checkpointed run): then open transactions
   * stay in the state and split lines waiting for their other parts stay {@link held}.
   */
  end(keepOpen?: boolean): Transaction[]
  /** Events of split Sendmail lines waiting for their other parts: a checkpoint keeps them. */
  held(): MailEvent[]
}

/**
 * Creates a fold over `state`; `held` are the waiting split lines of a checkpoint
 * ({@link TransactionFold.held} of the run before).
 *
 * @example
 * const fold = createFold(createState())
 * for (const e of events) for (const t of fold.push(e)) console.log(t.id)
 * for (const t of fold.end()) console.log(t.id, t.complete)
 */
export function createFold(state: ReducerState, held: readonly MailEvent[] = []): TransactionFold {
  const joiner = createSendmailJoiner()
  // Held events reopen their groups. Only a hand-made checkpoint could complete one now: what
  // that gives comes out with the first call.
  let early: Transaction[] = []
  for (const e of held) for (const done of joiner.push(e)) early.push(...reduce(state, done))
  const fold = (events: readonly MailEvent[]): Transaction[] => {
    const out = early
    early = []
    for (const e of events) out.push(...reduce(state, e))
    return out
  }
  return {
    push(event) {
      if (event.type !== 'sendmail.part' && early.length === 0) return reduce(state, event)
      return fold(event.type === 'sendmail.part' ? joiner.push(event) : [event])
    },
    end(keepOpen = false) {
      if (keepOpen) return fold([])
      const out = fold(joiner.flush())
      out.push(...flush(state))
      return out
    },
    held: () => joiner.held(),
  }
}

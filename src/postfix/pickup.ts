/**
 * pickup: a locally submitted message entered the queue (`pickup/pickup.c:374-379`).
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'

const UID = /^uid=(\d+) from=<(.*)>(?: orig_id=(\S+))?$/

/**
 * Parses `uid=1000 from=<alice>`.
 *
 * @example
 * parsePickup('uid=1000 from=<alice>', base) //=> { type: 'postfix.pickup.uid', …, uid: 1000, from: 'alice' }
 */
export function parsePickup(body: string, b: Base): PostfixEvent | undefined {
  const m = UID.exec(body)
  return m ? build(b, 'postfix.pickup.uid', { uid: Number(m[1]), from: m[2]!, origId: m[3] }) : undefined
}

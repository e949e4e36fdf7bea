/**
 * A binary min-heap of scheduled log lines, ordered by time and then by creation order, so that
 * lines written at the same microsecond keep the order in which the simulation produced them.
 *
 * @module
 */

/**
 * @typedef {object} Scheduled
 * @property {number} t time in microseconds since the epoch
 * @property {number} s creation sequence number (tie breaker)
 */

/** @template {Scheduled} T */
export class MinHeap {
  constructor() {
    /** @type {T[]} */
    this.items = []
  }

  /** @returns {number} */
  get size() {
    return this.items.length
  }

  /** @returns {T | undefined} the earliest item, left in place */
  peek() {
    return this.items[0]
  }

  /** @param {T} item */
  push(item) {
    const a = this.items
    let i = a.length
    a.push(item)
    while (i > 0) {
      const p = (i - 1) >> 1
      const parent = /** @type {T} */ (a[p])
      if (parent.t < item.t || (parent.t === item.t && parent.s < item.s)) break
      a[i] = parent
      i = p
    }
    a[i] = item
  }

  /** @returns {T | undefined} the earliest item, removed */
  pop() {
    const a = this.items
    const top = a[0]
    const last = a.pop()
    if (a.length === 0 || last === undefined) return top
    const n = a.length
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= n) break
      const r = l + 1
      let c = l
      let child = /** @type {T} */ (a[l])
      if (r < n) {
        const right = /** @type {T} */ (a[r])
        if (right.t < child.t || (right.t === child.t && right.s < child.s)) {
          c = r
          child = right
        }
      }
      if (last.t < child.t || (last.t === child.t && last.s < child.s)) break
      a[i] = child
      i = c
    }
    a[i] = last
    return top
  }
}

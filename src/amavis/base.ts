/**
 * What the amavis grammars share: the fields a builder copies, and the envelope-address
 * scanner (`<a@b>`, `<>`, quoted local parts `<"a b"@x>`, lists joined by `,` without a space,
 * A211 amavisd:11660-11676).
 *
 * @module
 */

import type { AmavisBase, AmavisEvent } from '../events/index.js'

/** Fields every amavis event starts with, filled by `index.ts` before a grammar runs. */
export type Base = AmavisBase

/** A message grammar: text after the log id and alert mark, to an event or `undefined`. */
export type Grammar = (text: string, base: Base) => AmavisEvent | undefined

/**
 * Index just past the `>` closing the address that starts at `i` (a `<`), or -1. A `>` inside
 * a quoted local part does not close it.
 *   <"a>b"@example.com>,<c@d>
 *   ^ i
 */
export function addressEnd(s: string, i: number): number {
  if (s.charCodeAt(i) !== 60 /* < */) return -1
  let quoted = false
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j)
    if (c === 92 /* \ */ && quoted) j++
    else if (c === 34 /* " */) quoted = !quoted
    else if (c === 62 /* > */ && !quoted) return j + 1
  }
  return -1
}

/** Result of reading an address list: the addresses (brackets removed) and the index after them. */
export interface AddressList {
  readonly addresses: string[]
  readonly end: number
}

/**
 * Reads `<a@b>,<c@d>` at `i`.
 *
 * @example
 * readAddresses('<a@b>,<c@d>, Queue-ID: X', 0) //=> { addresses: ['a@b', 'c@d'], end: 11 }
 */
export function readAddresses(s: string, i: number): AddressList | undefined {
  const addresses: string[] = []
  for (;;) {
    const end = addressEnd(s, i)
    if (end < 0) return addresses.length > 0 ? { addresses, end: i - 1 } : undefined
    addresses.push(s.slice(i + 1, end - 1))
    if (s.charCodeAt(end) !== 44 /* , */ || s.charCodeAt(end + 1) !== 60) return { addresses, end }
    i = end + 1
  }
}

/**
 * Reads `a@b -> c@d,e@f` at `i`: addresses without their brackets, as copies of amavis lines
 * pasted through HTML renderers show them. Addresses hold no space here.
 */
function readBareEnvelope(
  s: string,
  i: number,
): { from: string; recipients: string[]; end: number } | undefined {
  const arrow = s.indexOf(' -> ', i)
  if (arrow < 0 || s.lastIndexOf(' ', arrow - 1) >= i) return undefined
  const from = i
  let end = s.indexOf(', ', arrow + 4)
  if (end < 0) end = s.length
  const rcpts = s.slice(arrow + 4, end)
  if (rcpts === '' || rcpts.includes(' ') || rcpts.includes('<')) return undefined
  return { from: s.slice(from, arrow), recipients: rcpts.split(','), end }
}

/**
 * Reads `<sender> -> <r1>,<r2>` at `i` (or the same without angle brackets).
 *
 * @example
 * readEnvelope('<a@b> -> <c@d>,<e@f>, x', 0) //=> { from: 'a@b', recipients: ['c@d', 'e@f'], end: 20 }
 */
export function readEnvelope(
  s: string,
  i: number,
): { from: string; recipients: string[]; end: number } | undefined {
  if (s.charCodeAt(i) !== 60) return readBareEnvelope(s, i)
  const fromEnd = addressEnd(s, i)
  if (fromEnd < 0 || !s.startsWith(' -> ', fromEnd)) return undefined
  const rcpts = readAddresses(s, fromEnd + 4)
  if (!rcpts) return undefined
  return { from: s.slice(i + 1, fromEnd - 1), recipients: rcpts.addresses, end: rcpts.end }
}

/** Strips one pair of angle brackets: `<a@b>` → `a@b`. */
export function unbracket(s: string): string {
  return s.charCodeAt(0) === 60 && s.charCodeAt(s.length - 1) === 62 ? s.slice(1, -1) : s
}

/** A decimal number (`-1.2`, `3`), or `undefined`. */
export function num(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?\d+(?:\.\d+)?$/.test(s)) return undefined
  return Number(s)
}

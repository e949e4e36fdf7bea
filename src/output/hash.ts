/**
 * A small, stable, synchronous hash for document ids: FNV-1a 64 over the UTF-8 bytes of a
 * string (http://www.isthe.com/chongo/tech/comp/fnv/). Bulk output needs the same `_id` for the
 * same transaction on every run and on every runtime, without Web Crypto (async) or `node:crypto`
 * (not in the core). Not a cryptographic hash: ids only need to be spread, not unguessable.
 *
 * The 64-bit product is computed in four 16-bit limbs, so no BigInt and no precision loss.
 *
 * @module
 */

const encoder = new TextEncoder()

/**
 * FNV-1a 64 of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
 *
 * @example
 * fnv1a64('') //=> 'cbf29ce484222325'
 * fnv1a64('a') //=> 'af63dc4c8601ec8c'
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text)
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325
  let h1 = 0x8422
  let h2 = 0x9ce4
  let h3 = 0xcbf2
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!
    // h * 0x100000001b3 = h * 0x1b3 + (h << 40); every partial sum stays below 2^31.
    const t0 = h0 * 0x1b3
    let t1 = h1 * 0x1b3
    let t2 = h2 * 0x1b3 + (h0 << 8)
    const t3 = h3 * 0x1b3 + (h1 << 8)
    t1 += t0 >>> 16
    h0 = t0 & 0xffff
    t2 += t1 >>> 16
    h1 = t1 & 0xffff
    h3 = (t3 + (t2 >>> 16)) & 0xffff
    h2 = t2 & 0xffff
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0)
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0')

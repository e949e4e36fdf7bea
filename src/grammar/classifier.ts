/**
 * moo used as a message-shape classifier: each rule is the start of one message shape, listed
 * most frequent first; one `next()` per line names the shape, then a small builder pulls the
 * fields. A moo word tokenizer over every message is far slower (see docs/performance.md);
 * this keeps the grammar declarative and the hot path to one combined sticky regex.
 *
 * @module
 */

import moo from 'moo'

/** A shape rule: a literal prefix, several, or a regex (no capture groups, no flags). */
export type ShapeRule = string | RegExp | readonly (string | RegExp)[]

/**
 * Compiles a shape table into a function returning the name of the first rule that matches
 * at the start of a message, or `undefined`.
 *
 * @example
 * const shape = classifier({ removed: 'removed', queued: /from=</ })
 * shape('removed') //=> 'removed'
 * shape('other')   //=> undefined
 */
export function classifier<K extends string>(
  shapes: Readonly<Record<K, ShapeRule>>,
): (message: string) => K | undefined {
  const rules: Record<string, moo.Rule['match'] | moo.Rule> = {}
  for (const [name, rule] of Object.entries<ShapeRule>(shapes)) {
    rules[name] = typeof rule === 'string' || rule instanceof RegExp ? rule : ([...rule] as string[])
  }
  rules['\u0000other'] = moo.error
  const lexer = moo.compile(rules as moo.Rules)
  return (message) => {
    lexer.reset(message)
    const token = lexer.next()
    return token === undefined || token.type === '\u0000other' ? undefined : (token.type as K)
  }
}

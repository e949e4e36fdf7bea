/**
 * Compile-time check of the hand-written ECS document types against the `@elastic/ecs`
 * package: every path outside `maillog.*` must be an ECS field, with a value type ECS allows.
 * A misnamed field (`email.local_idd`) makes `npm run typecheck` fail with the path in the
 * message: `Type '"email.local_idd"' does not satisfy the constraint 'never'`.
 */

import type { Ecs } from '@elastic/ecs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { BEATS_FIELDS, EcsEventDocument, EcsTransactionDocument } from '../../src/output/ecs.js'

type Elem<T> = T extends readonly (infer E)[] ? E : T

/** The paths of `T` that `U` does not have, or whose values `U` does not accept; `never` when none. */
type BadPaths<T, U, P extends string = ''> = {
  [K in keyof T & string]-?: K extends keyof U
    ? Check<NonNullable<T[K]>, NonNullable<U[K]>, `${P}${K}`>
    : `${P}${K}`
}[keyof T & string]

type Check<T, U, P extends string> =
  Elem<T> extends object
    ? Elem<U> extends object
      ? BadPaths<Elem<T>, Elem<U>, `${P}.`>
      : `${P} (an object where ECS has a value)`
    : [T extends readonly (infer E)[] ? E[] : T] extends [U]
      ? never
      : `${P} (a value ECS does not accept)`

/** `ecs.version` is a literal of the package's version in its type; ours may differ. */
type EcsPart<D> = Omit<D, 'maillog' | 'ecs'>

type ExpectNever<T extends never> = T

describe('ECS document types', () => {
  it('should use only field names and value types of the @elastic/ecs package', () => {
    // ExpectNever names the offending path in the compiler's message.
    expectTypeOf<
      ExpectNever<Exclude<BadPaths<EcsPart<EcsTransactionDocument>, Ecs>, (typeof BEATS_FIELDS)[number]>>
    >().toBeNever()
    expectTypeOf<
      ExpectNever<Exclude<BadPaths<EcsPart<EcsEventDocument>, Ecs>, (typeof BEATS_FIELDS)[number]>>
    >().toBeNever()
    expectTypeOf<'version'>().toExtend<keyof Ecs['ecs']>()
  })
  it('should catch a misnamed or mistyped field', () => {
    expectTypeOf<BadPaths<{ email: { local_idd: string } }, Ecs>>().toEqualTypeOf<'email.local_idd'>()
    expectTypeOf<
      BadPaths<{ source: { port: string } }, Ecs>
    >().toEqualTypeOf<'source.port (a value ECS does not accept)'>()
    expectTypeOf<BadPaths<{ related: { ip: readonly string[] } }, Ecs>>().toBeNever()
    expect(true).toBe(true)
  })
})

/**
 * Property tests run with a fixed seed so a CI run is repeatable; `FC_SEED=random` (see
 * `npm run test:explore`) or `FC_SEED=<n>` explores other inputs and reproduces what they find.
 */
import fc from 'fast-check'

const wanted = process.env.FC_SEED
if (wanted !== 'random') fc.configureGlobal({ seed: wanted === undefined ? 0x6d61696c : Number(wanted) })

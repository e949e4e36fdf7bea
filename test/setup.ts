/**
 * Property tests run with a fixed seed so a CI run is repeatable; `FC_SEED=random` (see
 * `npm run fuzz`) or `FC_SEED=<n>` explores other inputs and reproduces what they find.
 * `FC_RUNS_SCALE` multiplies run counts (test/fuzz.ts), the fast-check default of 100 included.
 */
import fc from 'fast-check'
import { runs } from './fuzz.js'

const wanted = process.env.FC_SEED
fc.configureGlobal({
  numRuns: runs(100),
  ...(wanted === 'random' ? {} : { seed: wanted === undefined ? 0x6d61696c : Number(wanted) }),
})

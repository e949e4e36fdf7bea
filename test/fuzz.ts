/**
 * How hard property tests look: `FC_RUNS_SCALE` (default 1) multiplies every run count, so
 * `npm test` stays quick and `npm run fuzz` explores more inputs with the same tests.
 */
const raw = process.env.FC_RUNS_SCALE
export const scale = raw === undefined || raw === '' ? 1 : Number(raw)
if (!(scale > 0)) throw new Error(`FC_RUNS_SCALE must be a positive number, not ${raw}`)

/** Run count for a property: `n` times `FC_RUNS_SCALE`, at least 1. */
export const runs = (n: number): number => Math.max(1, Math.round(n * scale))

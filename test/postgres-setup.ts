import type { TestProject } from 'vitest/node'
import { postgresBin } from './postgres.mjs'

/**
 * Runs once for the whole suite: decides whether the PostgreSQL tests can run. Each of them starts
 * a throwaway cluster of its own (test/postgres.mjs). Without PostgreSQL they are skipped, loudly;
 * where it is required (CI sets CONSENT_GATE_REQUIRE_POSTGRES=1) its absence fails the run.
 */
export default function setup(project: TestProject) {
  const hasPostgres = !!postgresBin()
  project.provide('hasPostgres', hasPostgres)
  if (hasPostgres) return
  if (process.env.CONSENT_GATE_REQUIRE_POSTGRES)
    throw new Error(
      'consent-gate: no PostgreSQL (/usr/lib/postgresql/<version>/bin, or PG_BIN); the PostgreSQL tests are required here',
    )
  console.warn(
    '\n!!! POSTGRESQL TESTS SKIPPED: no PostgreSQL in /usr/lib/postgresql/<version>/bin (or PG_BIN). Run `apt-get install -y postgresql` to enable them. !!!\n',
  )
}

declare module 'vitest' {
  export interface ProvidedContext {
    hasPostgres: boolean
  }
}

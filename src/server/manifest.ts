/**
 * The build's chunk manifest (`dist/manifest.json`: `ui`, `lang-en`, … to their hashed files).
 * rollup.config.mjs writes it in here when it builds `consent-gate/server`, so the server entry
 * needs no JSON import and no file system, as edge runtimes have neither for sure. From source
 * (the unit tests) it is empty, and callers pass their own.
 */
export const CHUNKS: Readonly<Record<string, string>> = {}

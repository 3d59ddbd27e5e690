// The names the bench gives our builds, apart from pages.mjs so the report (pure) loads without a build.

/** Today's build: the dist/ folder of this checkout. */
export const OURS = 'consent-gate'
/** An earlier build of ours (BENCH_BEFORE): measured beside ours, never counted as a peer. */
export const BEFORE = 'consent-gate-before'
/** The samples' key for a build's first visits with its server's preload hints (ours: `hints`, as runs have always kept it). */
export const hintsOf = (lib) => (lib === OURS ? 'hints' : `${lib}:hints`)
/** The peers that offer categories: issue 25 holds our first banner without hints to the fastest of these. */
export const WITH_CATEGORIES = ['orejime', 'vanilla-cookieconsent', 'klaro']

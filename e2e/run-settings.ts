import { parisDay } from "../lib/planning/days";

/*
 * What the server under test is started with (playwright.config.ts) and the tests rely on.
 */

/**
 * The instant the server's clock reads when it starts, running on from there (server/e2e-mode.mjs): a Monday of
 * term time, five school weeks before the winter holidays, at 08:00 in Paris, so a run stays on that day, before
 * its 13:00 digest window closes. Every date rule then gives the same answers whatever the real day.
 */
export const CLOCK_START = "2027-01-11T08:00:00+01:00";

/** The server's "today" for the whole run. */
export const TODAY = parisDay(new Date(CLOCK_START));

/**
 * Copies of the demo's families seeded for the run: one per test attempt that changes a family's data (a retry
 * takes a fresh one), with room for every such test to be retried once.
 */
export const FAMILY_COPIES = 30;

/** Where the workers claim family copies and second-factor steps; each run's server command empties it. */
export const CLAIMS_DIR = ".data/e2e-claims";

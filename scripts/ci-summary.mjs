// The closing line of .ci/run: test counts read from the logs of the Vitest and Playwright runs it made.
// Plain JavaScript so CI runs it with node alone. Typed by ci-summary.d.mts.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { stripVTControlCharacters } from "node:util";

// Vitest: "      Tests  2 failed | 351 passed | 3 skipped (356)" ("Test Files" is a count of files, not tests).
const VITEST_TESTS = /^\s*Tests\s+(.+?)\s+\(\d+\)$/;
const VITEST_PART = /^(\d+) (passed|failed|skipped|todo)$/;
// Playwright's list reporter: one line per outcome, indented by two spaces ("  40 passed (3.2m)", "  1 flaky").
const PLAYWRIGHT_LINE = /^ {2}(\d+) (passed|failed|flaky|skipped|interrupted|did not run)(?: \(.+\))?$/;
// Reported as one of the four totals: a todo or a test that did not run is not run (skipped); an interrupted one
// did not pass (failed).
const BUCKET = {
  passed: "passed",
  failed: "failed",
  flaky: "flaky",
  skipped: "skipped",
  todo: "skipped",
  interrupted: "failed",
  "did not run": "skipped",
};

const noTests = () => ({ runs: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 });

/** Sums the summaries of every Vitest and Playwright run printed in `log`. */
export function countTests(log) {
  const vitest = noTests();
  const playwright = noTests();
  let inPlaywrightSummary = false;
  // Both runners colour their summaries even when piped through tee under CI.
  for (const line of stripVTControlCharacters(log).split(/\r?\n/)) {
    const vitestTests = VITEST_TESTS.exec(line);
    if (vitestTests) {
      vitest.runs += 1;
      for (const part of vitestTests[1].split("|")) {
        const [, count, outcome] = VITEST_PART.exec(part.trim()) ?? [];
        if (outcome) vitest[BUCKET[outcome]] += Number(count);
      }
      continue;
    }
    const playwrightLine = PLAYWRIGHT_LINE.exec(line);
    if (playwrightLine) {
      // A summary's lines come one after another (failed tests listed between them, indented by four spaces).
      if (!inPlaywrightSummary) playwright.runs += 1;
      inPlaywrightSummary = true;
      playwright[BUCKET[playwrightLine[2]]] += Number(playwrightLine[1]);
    } else if (!line.startsWith("    ")) {
      inPlaywrightSummary = false;
    }
  }
  return { vitest, playwright };
}

/** Adds up counts, e.g. those of several logs. */
export function sumCounts(counts) {
  const total = noTests();
  for (const count of counts) for (const key of Object.keys(total)) total[key] += count[key];
  return total;
}

/** "12 passed, 0 failed, 1 skipped, 0 flaky". */
export function formatCounts({ passed, failed, skipped, flaky }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped, ${flaky} flaky`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const perLog = process.argv.slice(2).map((file) => countTests(readFileSync(file, "utf8")));
  const vitest = sumCounts(perLog.map((count) => count.vitest));
  const playwright = sumCounts(perLog.map((count) => count.playwright));
  console.log(`Vitest (runs: ${vitest.runs}): ${formatCounts(vitest)}`);
  console.log(`Playwright (runs: ${playwright.runs}): ${formatCounts(playwright)}`);
  console.log(`Total: ${formatCounts(sumCounts([vitest, playwright]))}`);
}

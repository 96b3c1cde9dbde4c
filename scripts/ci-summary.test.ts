import { describe, expect, it } from "vitest";
import { countTests, formatCounts, sumCounts } from "./ci-summary.mjs";

// Excerpts of real runs, colours included (Vitest 4 default reporter, Playwright list reporter with CI retries).
const esc = "\u001b";
const vitestAllPassed = [
  `${esc}[2m Test Files ${esc}[22m ${esc}[1m${esc}[32m44 passed${esc}[39m${esc}[22m${esc}[2m | ${esc}[22m${esc}[33m1 skipped${esc}[39m${esc}[90m (45)${esc}[39m`,
  `${esc}[2m      Tests ${esc}[22m ${esc}[1m${esc}[32m353 passed${esc}[39m${esc}[22m${esc}[2m | ${esc}[22m${esc}[33m3 skipped${esc}[39m${esc}[90m (356)${esc}[39m`,
  `${esc}[2m   Duration ${esc}[22m 231.21s`,
].join("\n");
const vitestWithFailure = [
  ` ${esc}[31m❯${esc}[39m a.test.ts (4 tests | 1 failed | 2 skipped) 9ms`,
  `${esc}[2m Test Files ${esc}[22m ${esc}[1m${esc}[31m1 failed${esc}[39m${esc}[22m${esc}[90m (1)${esc}[39m`,
  `${esc}[2m      Tests ${esc}[22m ${esc}[1m${esc}[31m1 failed${esc}[39m${esc}[22m${esc}[2m | ${esc}[22m${esc}[1m${esc}[32m1 passed${esc}[39m${esc}[22m${esc}[2m | ${esc}[22m${esc}[33m1 skipped${esc}[39m${esc}[2m | ${esc}[22m${esc}[90m1 todo${esc}[39m${esc}[90m (4)${esc}[39m`,
].join("\r\n");
const playwright = [
  `${esc}[2mRunning ${esc}[22m5${esc}[2m tests using ${esc}[22m1${esc}[2m worker${esc}[22m`,
  `  ${esc}[32m✓${esc}[39m  ${esc}[2m1 ${esc}[22me2e/a.spec.ts:2:1 › passes${esc}[2m (10ms)${esc}[22m`,
  `  ${esc}[31m✘${esc}[39m  ${esc}[2m3 ${esc}[22m${esc}[31me2e/a.spec.ts:4:1 › fails${esc}[39m${esc}[2m (18ms)${esc}[22m`,
  `${esc}[31m  1 failed${esc}[39m`,
  `${esc}[31m    e2e/a.spec.ts:4:1 › fails ${esc}[2m──────${esc}[22m${esc}[39m`,
  `${esc}[33m  1 flaky${esc}[39m`,
  `${esc}[33m    e2e/a.spec.ts:5:1 › flaky ${esc}[2m──────${esc}[22m${esc}[39m`,
  `${esc}[33m  1 skipped${esc}[39m`,
  `${esc}[32m  2 passed${esc}[39m${esc}[2m (11.4s)${esc}[22m`,
].join("\n");

const none = { runs: 0, passed: 0, failed: 0, skipped: 0, flaky: 0 };

describe("countTests", () => {
  it("reads Vitest's Tests line, not its Test Files line", () => {
    expect(countTests(vitestAllPassed).vitest).toEqual({ runs: 1, passed: 353, failed: 0, skipped: 3, flaky: 0 });
  });

  it("counts Vitest's failures, and its todos as skipped", () => {
    expect(countTests(vitestWithFailure).vitest).toEqual({ runs: 1, passed: 1, failed: 1, skipped: 2, flaky: 0 });
  });

  it("reads Playwright's summary, not its per-test lines", () => {
    expect(countTests(playwright)).toEqual({
      vitest: none,
      playwright: { runs: 1, passed: 2, failed: 1, skipped: 1, flaky: 1 },
    });
  });

  it("counts interrupted Playwright tests as failed and those that did not run as skipped", () => {
    const log = "  1 interrupted\n    e2e/a.spec.ts:4:1 › waits\n  3 did not run\n  4 passed (1.0m)";
    expect(countTests(log).playwright).toEqual({ runs: 1, passed: 4, failed: 1, skipped: 3, flaky: 0 });
  });

  it("sums every run of one log: npm test prints two Vitest summaries and one Playwright summary", () => {
    const log = [vitestAllPassed, "> next step", vitestWithFailure, "> e2e", playwright, "", playwright].join("\n");
    expect(countTests(log)).toEqual({
      vitest: { runs: 2, passed: 354, failed: 1, skipped: 5, flaky: 0 },
      playwright: { runs: 2, passed: 4, failed: 2, skipped: 2, flaky: 2 },
    });
  });

  it("finds nothing in a log whose runs never reached their summary", () => {
    expect(countTests("> tsc --noEmit\nerror TS2322: 3 passed")).toEqual({ vitest: none, playwright: none });
  });
});

describe("sumCounts and formatCounts", () => {
  it("add up several logs and print the four totals", () => {
    const { vitest } = countTests(vitestAllPassed);
    const total = sumCounts([vitest, countTests(vitestWithFailure).vitest, countTests(playwright).playwright]);
    expect(formatCounts(total)).toBe("356 passed, 2 failed, 6 skipped, 1 flaky");
    expect(total.runs).toBe(3);
  });
});

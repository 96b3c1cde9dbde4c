import { describe, expect, it } from "vitest";
import { MAX_MAIL_ATTEMPTS, retryDelayMs } from "./retry";

const minute = 60_000;

describe("mail retry back-off", () => {
  it("doubles from one minute", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1 * minute, 2 * minute, 4 * minute, 8 * minute]);
  });

  it("never waits more than 12 hours", () => {
    expect(retryDelayMs(30)).toBe(12 * 60 * minute);
  });

  it("gives up only after retrying over many hours", () => {
    const total = Array.from({ length: MAX_MAIL_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1)).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total).toBeGreaterThan(2 * 60 * minute);
  });
});

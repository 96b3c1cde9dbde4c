import { describe, expect, it } from "vitest";
import { secondsUntilWindowEnds, windowStart } from "./window";

const minute = 60_000;

describe("fixed rate-limit windows", () => {
  it("aligns windows on the epoch so every instance counts in the same bucket", () => {
    const at = Date.UTC(2026, 10, 24, 10, 7, 30);
    expect(windowStart(at, 15 * minute).toISOString()).toBe("2026-11-24T10:00:00.000Z");
    expect(windowStart(at + 8 * minute, 15 * minute).toISOString()).toBe("2026-11-24T10:15:00.000Z");
  });

  it("starts a new window exactly at the boundary", () => {
    const boundary = Date.UTC(2026, 10, 24, 10, 15, 0);
    expect(windowStart(boundary, 15 * minute).getTime()).toBe(boundary);
    expect(windowStart(boundary - 1, 15 * minute).getTime()).toBe(boundary - 15 * minute);
  });

  it("tells how long until the window ends, never less than a second", () => {
    const start = Date.UTC(2026, 10, 24, 10, 0, 0);
    expect(secondsUntilWindowEnds(start, 15 * minute)).toBe(900);
    expect(secondsUntilWindowEnds(start + 15 * minute - 1, 15 * minute)).toBe(1);
  });
});

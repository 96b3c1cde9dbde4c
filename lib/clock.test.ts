import { afterEach, describe, expect, it, vi } from "vitest";
import { E2E_MODE } from "@/server/e2e-mode.mjs";
import { currentTime, todayInParis } from "./clock";

const granted = globalThis as { [E2E_MODE]?: unknown };

afterEach(() => {
  delete granted[E2E_MODE];
  vi.useRealTimers();
});

describe("the portal's clock", () => {
  it("is the machine's clock, and today is the machine's day in Paris", () => {
    vi.useFakeTimers({ now: new Date("2026-12-31T23:30:00Z") });
    expect(currentTime().toISOString()).toBe("2026-12-31T23:30:00.000Z");
    expect(todayInParis()).toBe("2027-01-01");
  });

  it("runs on from the instant an end-to-end server was started on", () => {
    vi.useFakeTimers({ now: new Date("2026-11-30T12:00:00Z") });
    granted[E2E_MODE] = { clockOffsetMs: Date.parse("2027-01-11T07:00:00Z") - Date.now(), familyCopies: 0 };
    expect(currentTime().toISOString()).toBe("2027-01-11T07:00:00.000Z");
    vi.advanceTimersByTime(90 * 60_000);
    expect(currentTime().toISOString()).toBe("2027-01-11T08:30:00.000Z");
    expect(todayInParis()).toBe("2027-01-11");
  });
});

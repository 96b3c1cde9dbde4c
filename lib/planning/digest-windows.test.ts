import { describe, expect, it } from "vitest";
import { dueWindowEnds, latestDueWindowEnd, previousWindowEnd, windowEndingAt } from "./digest-windows";

const at = (iso: string) => new Date(iso);
const isoList = (dates: Date[]) => dates.map((d) => d.toISOString());
const HOUR_MS = 3_600_000;

// In January Paris is UTC+1: 13:00 Paris = 12:00Z, 18:00 Paris = 17:00Z.
describe("windowEndingAt", () => {
  it("covers 18:01 the day before to 13:00 for the 13:00 window", () => {
    const w = windowEndingAt(at("2026-01-15T12:00:00Z"));
    expect(w.from.toISOString()).toBe("2026-01-14T17:01:00.000Z");
    expect(w.until.toISOString()).toBe("2026-01-15T12:01:00.000Z");
  });

  it("covers 13:01 to 18:00 for the 18:00 window", () => {
    const w = windowEndingAt(at("2026-01-15T17:00:00Z"));
    expect(w.from.toISOString()).toBe("2026-01-15T12:01:00.000Z");
    expect(w.until.toISOString()).toBe("2026-01-15T17:01:00.000Z");
  });

  it("refuses an instant that is not 13:00 or 18:00 Paris", () => {
    expect(() => windowEndingAt(at("2026-01-15T13:00:00Z"))).toThrow(/not a digest window end/);
    expect(() => windowEndingAt(at("2026-01-15T12:00:30Z"))).toThrow(/not a digest window end/);
  });

  it("still ends at 13:00 and 18:00 local on the spring DST day, the night window one hour shorter", () => {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST (UTC+2).
    const noon = windowEndingAt(at("2026-03-29T11:00:00Z"));
    expect(noon.from.toISOString()).toBe("2026-03-28T17:01:00.000Z");
    expect(noon.until.getTime() - noon.from.getTime()).toBe(18 * HOUR_MS);
    const evening = windowEndingAt(at("2026-03-29T16:00:00Z"));
    expect(evening.from.toISOString()).toBe("2026-03-29T11:01:00.000Z");
    expect(evening.until.getTime() - evening.from.getTime()).toBe(5 * HOUR_MS);
  });

  it("still ends at 13:00 and 18:00 local on the autumn DST day, the night window one hour longer", () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET (UTC+1).
    const noon = windowEndingAt(at("2026-10-25T12:00:00Z"));
    expect(noon.from.toISOString()).toBe("2026-10-24T16:01:00.000Z");
    expect(noon.until.getTime() - noon.from.getTime()).toBe(20 * HOUR_MS);
    expect(previousWindowEnd(at("2026-10-25T17:00:00Z")).toISOString()).toBe("2026-10-25T12:00:00.000Z");
  });

  it("spans 19 h overnight and 5 h in the afternoon on an ordinary day", () => {
    const noon = windowEndingAt(at("2026-01-15T12:00:00Z"));
    expect(noon.until.getTime() - noon.from.getTime()).toBe(19 * HOUR_MS);
  });
});

describe("latestDueWindowEnd", () => {
  it.each([
    ["13:00:00 Paris: the 13:00 window is not complete yet", "2026-01-15T12:00:00Z", "2026-01-14T17:00:00.000Z"],
    ["13:00:59 Paris: still not", "2026-01-15T12:00:59Z", "2026-01-14T17:00:00.000Z"],
    [
      "13:01:59 Paris: closed, but decisions may still be committing",
      "2026-01-15T12:01:59Z",
      "2026-01-14T17:00:00.000Z",
    ],
    ["13:02 Paris: the 13:00 window is due", "2026-01-15T12:02:00Z", "2026-01-15T12:00:00.000Z"],
    ["18:00 Paris: still the 13:00 one", "2026-01-15T17:00:00Z", "2026-01-15T12:00:00.000Z"],
    ["18:02 Paris: the 18:00 window is due", "2026-01-15T17:02:00Z", "2026-01-15T17:00:00.000Z"],
    ["00:30 Paris: yesterday's 18:00", "2026-01-14T23:30:00Z", "2026-01-14T17:00:00.000Z"],
    ["13:02 CEST on the spring DST day", "2026-03-29T11:02:00Z", "2026-03-29T11:00:00.000Z"],
    ["18:02 CET on the autumn DST day", "2026-10-25T17:02:00Z", "2026-10-25T17:00:00.000Z"],
  ])("%s", (_label, now, expected) => {
    expect(latestDueWindowEnd(at(now)).toISOString()).toBe(expected);
  });
});

describe("dueWindowEnds", () => {
  const now = at("2026-01-15T17:05:00Z"); // 18:05 Paris

  it("runs only the latest due window when nothing ever ran", () => {
    expect(isoList(dueWindowEnds(null, now, 6))).toEqual(["2026-01-15T17:00:00.000Z"]);
  });

  it("runs nothing when the latest due window is done", () => {
    expect(dueWindowEnds(at("2026-01-15T17:00:00Z"), now, 6)).toEqual([]);
  });

  it("catches up the missed windows, oldest first", () => {
    expect(isoList(dueWindowEnds(at("2026-01-14T12:00:00Z"), now, 6))).toEqual([
      "2026-01-14T17:00:00.000Z",
      "2026-01-15T12:00:00.000Z",
      "2026-01-15T17:00:00.000Z",
    ]);
  });

  it("caps the catch-up to the most recent windows", () => {
    expect(isoList(dueWindowEnds(at("2026-01-01T12:00:00Z"), now, 2))).toEqual([
      "2026-01-15T12:00:00.000Z",
      "2026-01-15T17:00:00.000Z",
    ]);
  });

  it("walks across a DST change", () => {
    expect(isoList(dueWindowEnds(at("2026-03-28T12:00:00Z"), at("2026-03-29T11:02:00Z"), 6))).toEqual([
      "2026-03-28T17:00:00.000Z",
      "2026-03-29T11:00:00.000Z",
    ]);
  });
});

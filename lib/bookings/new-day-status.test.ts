import { describe, expect, it } from "vitest";
import { newDayStatuses } from "./new-day-status";

const monday = "2026-12-07";
const tuesday = "2026-12-08";

describe("newDayStatuses", () => {
  it("books a day with a place left at once where the activity accepts automatically, and counts its place", () => {
    const taken = new Map([[monday, 9]]);
    const statuses = newDayStatuses({ capacity: 10, autoAccept: true }, [monday, tuesday], taken);
    expect([...statuses]).toEqual([
      [monday, "booked"],
      [tuesday, "booked"],
    ]);
    expect([...taken]).toEqual([
      [monday, 10],
      [tuesday, 1],
    ]);
  });

  it("puts a full day on the waiting list, whether the town decides or not", () => {
    for (const autoAccept of [true, false]) {
      const taken = new Map([[monday, 10]]);
      expect(newDayStatuses({ capacity: 10, autoAccept }, [monday], taken).get(monday)).toBe("waiting");
      expect(taken.get(monday)).toBe(10);
    }
  });

  it("leaves a day within capacity to the town where it decides, taking no place yet", () => {
    const taken = new Map([[monday, 3]]);
    expect(newDayStatuses({ capacity: 10, autoAccept: false }, [monday], taken).get(monday)).toBe("requested");
    expect(taken.get(monday)).toBe(3);
  });

  it("never fills an activity without capacity", () => {
    const taken = new Map([[monday, 5000]]);
    expect(newDayStatuses({ capacity: null, autoAccept: true }, [monday], taken).get(monday)).toBe("booked");
    expect(newDayStatuses({ capacity: null, autoAccept: false }, [tuesday], taken).get(tuesday)).toBe("requested");
  });

  it("gives a capacity of zero no place at all", () => {
    expect(newDayStatuses({ capacity: 0, autoAccept: true }, [monday], new Map()).get(monday)).toBe("waiting");
  });
});

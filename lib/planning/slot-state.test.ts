import { describe, expect, it } from "vitest";
import { isPending, SLOT_STATE_LABELS, SLOT_STATES, slotAction, slotState } from "./slot-state";

describe("slotState", () => {
  it("shows a day never asked, or cancelled, as enrolled not booked", () => {
    expect(slotState(null)).toBe("enrolled");
    expect(slotState(undefined)).toBe("enrolled");
    expect(slotState("cancelled")).toBe("enrolled");
  });

  it("shows every other status as itself, each with a legend label", () => {
    for (const status of [
      "requested",
      "waiting",
      "booked",
      "absence_requested",
      "absent",
      "absent_billed",
      "refused",
    ] as const) {
      expect(slotState(status)).toBe(status);
    }
    expect(Object.keys(SLOT_STATE_LABELS).sort()).toEqual([...SLOT_STATES].sort());
    expect(SLOT_STATE_LABELS.absent_billed).toContain("€");
  });
});

describe("slotAction", () => {
  it("offers a booking on a free or refused day, an absence on a booked one, a cancellation while pending", () => {
    expect(slotAction("enrolled")).toBe("book");
    expect(slotAction("refused")).toBe("book");
    expect(slotAction("booked")).toBe("absence");
    expect(slotAction("requested")).toBe("cancel");
    expect(slotAction("absence_requested")).toBe("cancel");
    expect(slotAction("waiting")).toBeNull();
    expect(slotAction("absent")).toBeNull();
    expect(slotAction("absent_billed")).toBeNull();
  });

  it("treats requests awaiting the town as pending", () => {
    expect(isPending("requested")).toBe(true);
    expect(isPending("absence_requested")).toBe(true);
    expect(isPending("booked")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { bookingStatusEnum } from "@/db/schema/planning";
import { BILLABLE_STATUSES, slotBilling } from "./slot-billing";

describe("slot billing rule", () => {
  it.each([
    ["booked", { billed: true, kind: "slot" }],
    ["absence_requested", { billed: true, kind: "slot" }],
    ["absent_billed", { billed: true, kind: "late_absence" }],
    ["absent", { billed: false, reason: "absence_in_time" }],
    ["requested", { billed: false, reason: "not_booked" }],
    ["waiting", { billed: false, reason: "not_booked" }],
    ["refused", { billed: false, reason: "not_booked" }],
    ["cancelled", { billed: false, reason: "not_booked" }],
  ] as const)("an open day %s is %o", (status, expected) => {
    expect(slotBilling(status, false)).toEqual(expected);
  });

  it.each(["booked", "absence_requested", "absent_billed", "absent"] as const)(
    "a closure day is never billed, even %s",
    (status) => {
      expect(slotBilling(status, true)).toEqual({ billed: false, reason: "closure" });
    },
  );

  it.each(["requested", "waiting", "refused", "cancelled"] as const)(
    "a closure day that never held a place (%s) is simply not booked",
    (status) => {
      expect(slotBilling(status, true)).toEqual({ billed: false, reason: "not_booked" });
    },
  );

  it("covers every booking status, and the billable ones are exactly those billed on an open day", () => {
    const billed = bookingStatusEnum.enumValues.filter((status) => slotBilling(status, false).billed);
    expect(billed.sort()).toEqual([...BILLABLE_STATUSES].sort());
  });

  it.each(["absence_requested", "absent_billed", "absent"] as const)(
    "a justified absence (%s, with a medical certificate) is never billed, even late",
    (status) => {
      expect(slotBilling(status, false, true)).toEqual({ billed: false, reason: "absence_justified" });
    },
  );

  it("a certificate on a day that is no absence changes nothing", () => {
    expect(slotBilling("booked", false, true)).toEqual({ billed: true, kind: "slot" });
    expect(slotBilling("cancelled", false, true)).toEqual({ billed: false, reason: "not_booked" });
    expect(slotBilling("absent_billed", false, false)).toEqual({ billed: true, kind: "late_absence" });
  });
});

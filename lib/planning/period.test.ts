import { describe, expect, it } from "vitest";
import type { BookingStatus } from "@/db/schema/planning";
import { checkDay, type DayContext, dayChecker, periodDays, planPeriod } from "./period";

const rule = { days: 2, time: "10:00", kind: "working" } as const;

function context(overrides: Partial<DayContext> = {}): DayContext {
  return {
    activity: { weekdays: [1, 2, 4, 5], booking: rule, cancellation: rule, lateAbsenceBilled: false },
    enrolment: { startsOn: "2026-09-01", endsOn: "2027-08-31", status: "active" },
    closures: new Map([["2026-12-21", "Vacances de Noël"]]),
    publicHolidays: new Set(),
    statuses: new Map<string, BookingStatus>(),
    // Tuesday 24/11/2026 at 09:00 Paris.
    now: new Date("2026-11-24T08:00:00Z"),
    ...overrides,
  };
}

describe("periodDays", () => {
  it("keeps the chosen weekdays the activity runs", () => {
    // Mon 30/11 → Sun 06/12; chosen Mon, Wed, Thu; the activity does not run on Wednesdays.
    expect(periodDays("2026-11-30", "2026-12-06", [1, 3, 4], [1, 2, 4, 5])).toEqual(["2026-11-30", "2026-12-03"]);
  });

  it("is empty when from is after to", () => {
    expect(periodDays("2026-12-06", "2026-11-30", [1, 2, 3, 4, 5], [1, 2, 4, 5])).toEqual([]);
  });
});

describe("checkDay for a booking", () => {
  it("accepts an enrolled running day before the deadline", () => {
    expect(checkDay("booking", "2026-11-26", context())).toEqual({ day: "2026-11-26", ok: true, billed: false });
  });

  it("refuses once the deadline has passed, saying until when it was possible", () => {
    // Tuesday 24/11 at 10:30 Paris: Thursday's deadline (Tuesday 10:00) has just passed.
    const plan = checkDay("booking", "2026-11-26", context({ now: new Date("2026-11-24T09:30:00Z") }));
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.reason).toBe(
      "Délai dépassé : les réservations pour ce jour étaient possibles jusqu'au 24/11/2026 à 10:00 (J-2 avant 10:00 (jours ouvrés)).",
    );
  });

  it("refuses a past day, a closed day, a day outside the enrolment and a day the activity does not run", () => {
    const reason = (day: string, ctx = context()) => {
      const plan = checkDay("booking", day, ctx);
      return plan.ok ? null : plan.reason;
    };
    expect(reason("2026-11-23")).toBe("Ce jour est déjà passé.");
    expect(reason("2026-12-21")).toBe("Activité fermée ce jour-là (Vacances de Noël).");
    expect(reason("2027-09-02")).toBe("Ce jour est en dehors de la période d'inscription.");
    expect(reason("2026-12-02")).toBe("L'activité n'a pas lieu ce jour-là.");
    expect(
      reason("2026-12-03", context({ enrolment: { startsOn: "2026-09-01", endsOn: "2027-08-31", status: "waiting" } })),
    ).toBe("L'inscription à cette activité est en liste d'attente.");
  });

  it("refuses a day already booked, requested or waiting", () => {
    const statuses = new Map<string, BookingStatus>([
      ["2026-12-03", "booked"],
      ["2026-12-04", "requested"],
      ["2026-12-07", "waiting"],
      ["2026-12-08", "cancelled"],
      ["2026-12-10", "refused"],
    ]);
    const ctx = context({ statuses });
    expect(checkDay("booking", "2026-12-03", ctx).ok).toBe(false);
    expect(checkDay("booking", "2026-12-04", ctx).ok).toBe(false);
    expect(checkDay("booking", "2026-12-07", ctx).ok).toBe(false);
    // A cancelled or refused day may be asked again.
    expect(checkDay("booking", "2026-12-08", ctx).ok).toBe(true);
    expect(checkDay("booking", "2026-12-10", ctx).ok).toBe(true);
  });
});

describe("checkDay for an absence", () => {
  const booked = new Map<string, BookingStatus>([
    ["2026-11-26", "booked"],
    ["2026-11-27", "booked"],
    ["2026-11-30", "absence_requested"],
  ]);

  it("is only possible on a booked day", () => {
    const plan = checkDay("absence", "2026-12-03", context({ statuses: booked }));
    expect(!plan.ok && plan.reason).toBe(
      "Aucune réservation ce jour-là : une absence ne se déclare que sur un jour réservé.",
    );
    expect(checkDay("absence", "2026-11-30", context({ statuses: booked })).ok).toBe(false);
    expect(checkDay("absence", "2026-11-27", context({ statuses: booked }))).toEqual({
      day: "2026-11-27",
      ok: true,
      billed: false,
    });
  });

  it("is refused after the cancellation deadline, unless the town bills late absences", () => {
    // Wednesday 25/11 at 10:00: the deadline for Thursday 26/11 (Tuesday 10:00) has passed.
    const late = new Date("2026-11-25T09:00:00Z");
    expect(checkDay("absence", "2026-11-26", context({ statuses: booked, now: late })).ok).toBe(false);
    const billing = context({
      statuses: booked,
      now: late,
      activity: { ...context().activity, lateAbsenceBilled: true },
    });
    expect(checkDay("absence", "2026-11-26", billing)).toEqual({ day: "2026-11-26", ok: true, billed: true });
  });
});

describe("planPeriod", () => {
  it("gives every day a verdict, none dropped", () => {
    const days = periodDays("2026-11-24", "2026-12-04", [1, 2, 3, 4, 5], [1, 2, 4, 5]);
    const plans = planPeriod("booking", days, context());
    expect(plans.map((p) => p.day)).toEqual(days);
    expect(plans.filter((p) => p.ok).map((p) => p.day)).toEqual([
      "2026-11-26",
      "2026-11-27",
      "2026-11-30",
      "2026-12-01",
      "2026-12-03",
      "2026-12-04",
    ]);
  });
});

describe("dayChecker", () => {
  it("gives each day and kind the verdict checkDay gives, around today, a deadline and a closure", () => {
    // Booked days around the cancellation deadline, so that absences get both verdicts too.
    const ctx = context({
      now: new Date("2026-11-24T09:30:00Z"),
      statuses: new Map<string, BookingStatus>([
        ["2026-11-26", "booked"],
        ["2026-11-30", "booked"],
        ["2026-12-01", "requested"],
      ]),
    });
    const check = dayChecker(ctx);
    const days = periodDays("2026-11-20", "2026-12-22", [1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7]);
    for (const kind of ["booking", "absence"] as const) {
      expect(days.map((day) => check(kind, day))).toEqual(days.map((day) => checkDay(kind, day, ctx)));
    }
    expect(check("booking", "2026-11-26")).toMatchObject({ ok: false, reason: "Ce jour est déjà réservé." });
    expect(check("absence", "2026-11-30")).toEqual({ day: "2026-11-30", ok: true, billed: false });
  });
});

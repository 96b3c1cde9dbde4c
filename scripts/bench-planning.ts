/*
 * npm run bench:planning — the planning's figures on a commune of 5,000 households (issue #4):
 *   - the planning page's server work for a month view of a 3-child family (median, p95; target p95 < 150 ms),
 *   - a whole school year of bookings for 3 children on 4 activities, end to end (target < 1 s),
 *   - the 18:00 digest for 5,000 families (target < 60 s).
 * Runs on the embedded database (a fresh folder) and, when DATABASE_URL is set, on a throwaway PostgreSQL
 * database created and dropped on that server.
 */
import "./load-next-env";
import { createElement } from "react";
import type { DatabaseHandle } from "@/db/client";
import { seedBenchCommune } from "@/db/seed-bench-planning";
import BookingAcknowledgement from "@/emails/booking-acknowledgement";
import { runDecisionDigests } from "@/lib/bookings/digest";
import { acknowledgementRecipient } from "@/lib/bookings/mails";
import { loadPlanning } from "@/lib/bookings/planning";
import { submitSlotRequest } from "@/lib/bookings/submit";
import { renderMail } from "@/lib/mail/send-mail";
import { addDays, type IsoDay, isoWeekday } from "@/lib/planning/days";
import { chooseSubscribedHousehold } from "@/lib/subscriptions/households";
import { benchOnBothDatabases, fmt, ms, percentile } from "./bench-kit";

// The first day of a school year at 08:00 Paris: the whole year lies ahead of the year request.
const NOW = new Date("2026-09-01T06:00:00Z");
const MONTH_VIEWS = 200;
const WARM_UP = 20;

/** The days a month view shows: whole weeks, Monday to Sunday, around the month. */
function monthGrid(year: number, month: number): { from: IsoDay; to: IsoDay } {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const last = addDays(nextMonth, -1);
  return { from: addDays(first, 1 - isoWeekday(first)), to: addDays(last, 7 - isoWeekday(last)) };
}

async function bench(label: string, handle: DatabaseHandle) {
  const { db } = handle;
  await handle.migrate();
  let start = performance.now();
  const town = await seedBenchCommune(db, { slug: "bench", now: NOW });
  console.log(
    `\n[${label}] seeded ${town.counts.households} households, ${town.counts.children} children, ${town.counts.bookings} bookings in ${(ms(start) / 1000).toFixed(1)} s`,
  );

  // 1. The planning page: the household chosen among the account's subscriptions, then the month's slots.
  const family = town.threeChildFamily;
  const months = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6].map((m) => monthGrid(m >= 9 ? 2026 : 2027, m));
  const timings: number[] = [];
  let slots = 0;
  for (let i = 0; i < WARM_UP + MONTH_VIEWS; i++) {
    const range = months[i % months.length]!;
    start = performance.now();
    const chosen = await chooseSubscribedHousehold(db, { communeId: town.communeId, userId: family.userId });
    const planning = await loadPlanning(db, {
      communeId: town.communeId,
      householdId: chosen!.current.id,
      ...range,
      now: NOW,
    });
    if (i >= WARM_UP) timings.push(ms(start));
    slots = planning.slots.length;
  }
  timings.sort((a, b) => a - b);
  console.log(
    `[${label}] planning month view (3 children, ~${slots} slots), ${MONTH_VIEWS} views: median ${fmt(percentile(timings, 50))}, p95 ${fmt(percentile(timings, 95))} (target p95 < 150 ms)`,
  );

  // 2. A whole school year asked at once: each child on each activity, every weekday, from today to the year's end.
  // The mail renderer loads its modules on a process's first mail, once: warm it like the month views above.
  await renderMail(createElement(BookingAcknowledgement, BookingAcknowledgement.PreviewProps));
  const activityIds = Object.values(town.activityIds);
  // The action takes it from the session it has read; here it is read once, before the clock starts.
  const recipient = await acknowledgementRecipient(db, { communeId: town.communeId, userId: family.userId });
  if (!recipient) throw new Error("the bench family's account is not active");
  start = performance.now();
  const outcomes = new Map<string, number>();
  for (const childId of family.childIds) {
    for (const activityId of activityIds) {
      const result = await submitSlotRequest(db, {
        communeId: town.communeId,
        householdId: family.householdId,
        userId: family.userId,
        recipient,
        now: NOW,
        input: {
          kind: "booking",
          childId,
          activityId,
          from: "2026-09-01",
          to: "2027-08-31",
          weekdays: [1, 2, 3, 4, 5],
        },
      });
      if (!result.ok) throw new Error(`year request refused: ${JSON.stringify(result.fieldErrors)}`);
      for (const day of result.results) outcomes.set(day.outcome, (outcomes.get(day.outcome) ?? 0) + 1);
    }
  }
  const summary = [...outcomes].map(([outcome, n]) => `${n} ${outcome}`).join(", ");
  console.log(
    `[${label}] school-year request (${family.childIds.length} children × ${activityIds.length} activities = ${family.childIds.length * activityIds.length} requests; ${summary}): ${fmt(ms(start))} (target < 1 s)`,
  );

  // 3. The 18:00 digest, run at 18:02 as the scheduler does.
  start = performance.now();
  const digest = await runDecisionDigests(db, new Date(town.digestWindowEnd.getTime() + 2 * 60_000));
  console.log(
    `[${label}] 18:00 digest: ${digest.mails} mails for ${town.counts.households + 1} families in ${(ms(start) / 1000).toFixed(1)} s (target < 60 s)`,
  );
}

await benchOnBothDatabases("bench_planning", bench);

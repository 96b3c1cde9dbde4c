import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { submitSlotRequest } from "./submit";
import { enrol, familyScope, insertActivity, insertFamily, insertTown } from "./test-fixtures";
import { lockActivity, lockActivityDays } from "./waiting-list";

/*
 * A family's request locks the days it writes on, not its whole activity: on registration day the families
 * asking for other days of the canteen do not queue behind it. Only PostgreSQL runs transactions side by side
 * (PGlite runs one at a time): this file runs with DATABASE_URL set.
 */

const database = setUpTestDatabase();
// Tuesday 24/11/2026, 09:00 in Paris; Thursday 03/12 and Friday 04/12 are open.
const now = new Date("2026-11-24T08:00:00Z");
const thursday = "2026-12-03";
const friday = "2026-12-04";
const WAIT_MS = 400;

describe.runIf(process.env.DATABASE_URL)("a request's locks on its activity's days", () => {
  it("lets requests on other days through, and holds back those on its days and the activity's decisions", async () => {
    const town = await insertTown(database.db);
    const activity = await insertActivity(database.db, town.commune.id, { capacity: 100 });
    const family = await insertFamily(database.db, town.commune.id, 3);
    await enrol(database.db, {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: family.children.map((c) => c.id),
      activityId: activity.id,
    });
    const scope = { ...familyScope(town.commune, family), now };
    const ask = (childIndex: number, day: string) =>
      submitSlotRequest(database.db, {
        ...scope,
        input: {
          kind: "booking",
          childId: family.children[childIndex]!.id,
          activityId: activity.id,
          from: day,
          to: day,
          weekdays: [4, 5],
        },
      });

    // A transaction holds Thursday, as a request being written does, until released.
    let release!: () => void;
    let holding!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const holder = database.db.transaction(async (tx) => {
      await lockActivityDays(tx, { communeId: town.commune.id, activityId: activity.id, days: [thursday] });
      holding();
      await released;
    });
    await held;

    // Friday is asked and recorded meanwhile.
    const onFriday = await ask(0, friday);
    expect(onFriday.ok && onFriday.results.map((d) => d.outcome)).toEqual(["requested"]);

    // Thursday, and an agent's decision on the activity, wait for the holder.
    const finished: string[] = [];
    const onThursday = ask(1, thursday).then((result) => {
      finished.push("thursday");
      return result;
    });
    const decision = database.db.transaction(async (tx) => {
      await lockActivity(tx, { communeId: town.commune.id, activityId: activity.id });
      finished.push("decision");
    });
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
    expect(finished).toEqual([]);

    release();
    await holder;
    const thursdayResult = await onThursday;
    await decision;
    expect(thursdayResult.ok && thursdayResult.results.map((d) => d.outcome)).toEqual(["requested"]);
    expect(finished.sort()).toEqual(["decision", "thursday"]);
  });
});

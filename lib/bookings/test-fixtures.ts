import type { Db } from "@/db/client";
import {
  activities,
  type Commune,
  children,
  enrolments,
  households,
  type NewActivity,
  subscriptions,
  type User,
} from "@/db/schema";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { acknowledgementRecipientOf } from "./mails";

let counter = 0;

/** A household of the commune with `childCount` children and a subscribed family account. */
export async function insertFamily(db: Db, communeId: string, childCount = 1) {
  const n = ++counter;
  const [household] = await db
    .insert(households)
    .values({ communeId, name: `FAMILLE${n}`, subscriberCode: `CODE${n}`.padEnd(10, "X") })
    .returning();
  const user = await insertUser(db, communeId, "family");
  await db.insert(subscriptions).values({ communeId, userId: user.id, householdId: household!.id, method: "agent" });
  const kids = await db
    .insert(children)
    .values(
      Array.from({ length: childCount }, (_, i) => ({
        communeId,
        householdId: household!.id,
        lastName: `FAMILLE${n}`,
        firstName: `Enfant${i + 1}`,
        birthDate: "2018-05-01",
        sex: "F" as const,
      })),
    )
    .returning();
  return { household: household!, user, children: kids };
}

/** An activity running Mon, Tue, Thu, Fri, J-2 avant 10:00 in working days, unless overridden. */
export async function insertActivity(db: Db, communeId: string, overrides: Partial<NewActivity> = {}) {
  const [row] = await db
    .insert(activities)
    .values({
      communeId,
      code: "2",
      name: "Repas Sco",
      facility: "École Jean Moulin",
      category: "restauration",
      weekdays: [1, 2, 4, 5],
      startTime: "11:30",
      endTime: "13:20",
      color: "#1d4ed8",
      ...overrides,
    })
    .returning();
  return row!;
}

export async function enrol(
  db: Db,
  p: {
    communeId: string;
    householdId: string;
    childIds: string[];
    activityId: string;
    startsOn?: string;
    endsOn?: string;
    status?: "active" | "waiting";
  },
) {
  await db.insert(enrolments).values(
    p.childIds.map((childId) => ({
      communeId: p.communeId,
      householdId: p.householdId,
      childId,
      activityId: p.activityId,
      startsOn: p.startsOn ?? "2026-09-01",
      endsOn: p.endsOn ?? "2027-08-31",
      status: p.status ?? "active",
    })),
  );
}

/** A commune with an agent, for the decision tests. */
export async function insertTown(db: Db) {
  const commune = await insertCommune(db);
  const agent = await insertUser(db, commune.id, "agent");
  return { commune, agent };
}

/** Who asks, as submitSlotRequest takes it: the household, its account, and the account as its mail's recipient. */
export function familyScope(commune: Commune, family: { household: { id: string }; user: User }) {
  return {
    communeId: commune.id,
    householdId: family.household.id,
    userId: family.user.id,
    recipient: acknowledgementRecipientOf(family.user, commune),
  };
}

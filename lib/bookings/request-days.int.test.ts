import { describe, expect, it } from "vitest";
import { submitChange } from "@/lib/requests/submit-change";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { getCommuneBookingRequestDays, getHouseholdBookingRequestDays } from "./request-days";
import { listBookingRequests, listRequestListChildren } from "./request-list";
import { submitSlotRequest } from "./submit";
import { enrol, familyScope, insertActivity, insertFamily } from "./test-fixtures";

const database = setUpTestDatabase();
const db = () => database.db;
// Tuesday 24/11/2026, 09:00 in Paris: Thursday 03/12 and Friday 04/12 are well before their deadlines.
const now = new Date("2026-11-24T08:00:00Z");

async function setup() {
  const commune = await insertCommune(db());
  const family = await insertFamily(db(), commune.id, 2);
  const activity = await insertActivity(db(), commune.id, { autoAccept: true });
  await enrol(db(), {
    communeId: commune.id,
    householdId: family.household.id,
    childIds: family.children.map((c) => c.id),
    activityId: activity.id,
  });
  const scope = { communeId: commune.id, householdId: family.household.id };
  const ask = async (input: { kind: "booking" | "absence"; childIndex?: number; from: string; to: string }) => {
    const result = await submitSlotRequest(db(), {
      ...familyScope(commune, family),
      now,
      input: {
        kind: input.kind,
        childId: family.children[input.childIndex ?? 0]!.id,
        activityId: activity.id,
        from: input.from,
        to: input.to,
        weekdays: [1, 2, 3, 4, 5],
      },
    });
    if (!result.ok || !result.request) throw new Error("expected a request");
    return result.request;
  };
  return { commune, family, activity, scope, ask };
}

describe("the planning's Liste view", () => {
  it("lists the household's booking and absence requests only, newest first, filtered by child and paged", async () => {
    const f = await setup();
    const other = await setup();
    const first = await f.ask({ kind: "booking", from: "2026-11-24", to: "2026-12-04" });
    const second = await f.ask({ kind: "booking", childIndex: 1, from: "2026-12-03", to: "2026-12-03" });
    await other.ask({ kind: "booking", from: "2026-12-03", to: "2026-12-03" });
    // A change to the family file is a request too, but not one of this list.
    await submitChange(db(), {
      ...f.scope,
      userId: f.family.user.id,
      type: "child.update",
      targetId: f.family.children[0]!.id,
      proposed: { firstName: "Autre" },
    });

    const page = await listBookingRequests(db(), f.scope);
    expect(page.total).toBe(2);
    expect(page.items.map((r) => r.reference)).toEqual([second.reference, first.reference]);
    expect(page.items[1]).toMatchObject({
      childFirstName: "Enfant1",
      typeLabel: "Ajout de réservation",
      facility: "École Jean Moulin",
      activityLabel: "2/Repas Sco",
      from: "2026-11-24",
      to: "2026-12-04",
      statusLabel: "Acceptée",
    });

    const onlySecondChild = await listBookingRequests(db(), { ...f.scope, childId: f.family.children[1]!.id });
    expect(onlySecondChild.items.map((r) => r.reference)).toEqual([second.reference]);
    // Another household's child filters to nothing, never to that household's requests.
    expect((await listBookingRequests(db(), { ...f.scope, childId: other.family.children[0]!.id })).total).toBe(0);

    const paged = await listBookingRequests(db(), { ...f.scope, page: 2, pageSize: 1 });
    expect(paged).toMatchObject({ total: 2, page: 2, pageCount: 2 });
    expect(paged.items.map((r) => r.reference)).toEqual([first.reference]);
    // Past the last page: no row, the total all the same.
    expect(await listBookingRequests(db(), { ...f.scope, page: 5, pageSize: 1 })).toMatchObject({
      items: [],
      total: 2,
      pageCount: 2,
    });
    expect((await listRequestListChildren(db(), f.scope)).map((c) => c.firstName)).toEqual(["Enfant1", "Enfant2"]);
  });
});

describe("a booking request's days", () => {
  it("lists every day asked, the refused ones with their reason, and a later absence on a booked day", async () => {
    const f = await setup();
    const booking = await f.ask({ kind: "booking", from: "2026-11-24", to: "2026-12-04" });
    const absence = await f.ask({ kind: "absence", from: "2026-12-04", to: "2026-12-04" });

    const detail = await getHouseholdBookingRequestDays(db(), { ...f.scope, requestId: booking.id });
    expect(detail).toMatchObject({
      childName: `Enfant1 ${f.family.household.name}`,
      activityLabel: "2/Repas Sco",
      facility: "École Jean Moulin",
      from: "2026-11-24",
      to: "2026-12-04",
    });
    expect(detail!.days.map((d) => [d.day, d.label, d.laterReference])).toEqual([
      ["2026-11-24", "Refusé", null],
      ["2026-11-26", "Réservé / présent", null],
      ["2026-11-27", "Réservé / présent", null],
      ["2026-11-30", "Réservé / présent", null],
      ["2026-12-01", "Réservé / présent", null],
      ["2026-12-03", "Réservé / présent", null],
      // The absence acted on this day since: what the booking request decided, and which request changed it.
      ["2026-12-04", "Réservation acceptée", absence.reference],
    ]);
    expect(detail!.days[0]!.reason).toMatch(/^Délai dépassé/);

    const absenceDetail = await getHouseholdBookingRequestDays(db(), { ...f.scope, requestId: absence.id });
    expect(absenceDetail!.days.map((d) => [d.day, d.label])).toEqual([["2026-12-04", "Absent"]]);
  });

  it("is found only in its own household and commune, and only for booking requests", async () => {
    const f = await setup();
    const other = await setup();
    const booking = await f.ask({ kind: "booking", from: "2026-12-03", to: "2026-12-03" });
    expect(await getHouseholdBookingRequestDays(db(), { ...other.scope, requestId: booking.id })).toBeNull();
    expect(
      await getHouseholdBookingRequestDays(db(), {
        communeId: other.commune.id,
        householdId: f.scope.householdId,
        requestId: booking.id,
      }),
    ).toBeNull();
    expect(await getCommuneBookingRequestDays(db(), { communeId: other.commune.id, requestId: booking.id })).toBeNull();
    expect(
      (await getCommuneBookingRequestDays(db(), { communeId: f.commune.id, requestId: booking.id }))?.days,
    ).toHaveLength(1);

    const change = await submitChange(db(), {
      ...f.scope,
      userId: f.family.user.id,
      type: "child.update",
      targetId: f.family.children[0]!.id,
      proposed: { firstName: "Autre" },
    });
    if (!change.ok || !change.request) throw new Error("expected a change request");
    expect(await getHouseholdBookingRequestDays(db(), { ...f.scope, requestId: change.request.id })).toBeNull();
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type Activity, type BookingStatus, bookings, type Commune, children, requests } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { describeBookingSlots, listPendingDays, loadActivityDay } from "./agent-views";
import { insertActivity } from "./test-fixtures";

const database = setUpTestDatabase();

let town: Commune;
let canteen: Activity;
let morning: Activity;
let foreignActivity: Activity;
let slot: (
  childName: string,
  activity: Activity,
  date: string,
  status: BookingStatus,
  extra?: { reference?: string; at?: string; waitingSince?: string },
) => Promise<string>;
const ids: Record<string, string> = {};

type Family = Awaited<ReturnType<typeof insertFamily>>;

async function addChild(db: Db, family: Family, firstName: string) {
  const [child] = await db
    .insert(children)
    .values({
      communeId: family.household.communeId,
      householdId: family.householdId,
      lastName: family.household.name,
      firstName,
      birthDate: "2018-01-01",
      sex: "M",
    })
    .returning();
  return child!;
}

beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  const other = await insertCommune(db);
  canteen = await insertActivity(db, town.id, { code: "2", name: "Repas", capacity: 2 });
  morning = await insertActivity(db, town.id, { code: "1", name: "Péri MATIN", capacity: null });
  foreignActivity = await insertActivity(db, other.id);

  const martin = await insertFamily(db, town.id, "MARTIN");
  const durand = await insertFamily(db, town.id, "DURAND");
  const petit = await insertFamily(db, other.id, "PETIT");
  const childOf: Record<string, { id: string; family: Family }> = {
    "Léa MARTIN": { id: martin.child.id, family: martin },
    "Hugo MARTIN": { id: (await addChild(db, martin, "Hugo")).id, family: martin },
    "Léa DURAND": { id: durand.child.id, family: durand },
    "Inès DURAND": { id: (await addChild(db, durand, "Inès")).id, family: durand },
    "Tom DURAND": { id: (await addChild(db, durand, "Tom")).id, family: durand },
    "Léa PETIT": { id: petit.child.id, family: petit },
  };

  slot = async (childName, activity, date, status, extra = {}) => {
    const { id: childId, family } = childOf[childName]!;
    const communeId = family.household.communeId;
    const [request] = extra.reference
      ? await db
          .insert(requests)
          .values({
            communeId,
            householdId: family.householdId,
            type: status === "absence_requested" ? "booking.absence" : "booking.add",
            reference: extra.reference,
            targetType: "booking_request",
            targetId: randomUUID(),
            payload: {},
            createdAt: new Date(extra.at ?? "2031-03-01T08:00:00Z"),
          })
          .returning()
      : [];
    const [row] = await db
      .insert(bookings)
      .values({
        communeId,
        householdId: family.householdId,
        childId,
        activityId: activity.id,
        date,
        status,
        requestId: request?.id ?? null,
        waitingSince: extra.waitingSince ? new Date(extra.waitingSince) : null,
      })
      .returning();
    return row!.id;
  };

  // Canteen, 10/03: one booked, one absence requested (both hold a place: full), one request, two waiting.
  ids.booked = await slot("Léa DURAND", canteen, "2031-03-10", "booked");
  ids.absence = await slot("Hugo MARTIN", canteen, "2031-03-10", "absence_requested", {
    reference: "D2031-000002",
    at: "2031-03-02T09:00:00Z",
  });
  ids.request = await slot("Léa MARTIN", canteen, "2031-03-10", "requested", {
    reference: "D2031-000001",
    at: "2031-03-01T09:00:00Z",
  });
  ids.waitingSecond = await slot("Tom DURAND", canteen, "2031-03-10", "waiting", {
    waitingSince: "2031-03-03T10:00:00Z",
  });
  ids.waitingFirst = await slot("Inès DURAND", canteen, "2031-03-10", "waiting", {
    waitingSince: "2031-03-03T09:00:00Z",
  });
  // Canteen, 11/03: decided or cancelled only — nothing pending.
  await slot("Léa MARTIN", canteen, "2031-03-11", "refused");
  await slot("Hugo MARTIN", canteen, "2031-03-11", "absent_billed");
  // Morning care, 07/03 (earlier): one request, unlimited places.
  ids.morning = await slot("Léa MARTIN", morning, "2031-03-07", "requested", { reference: "D2031-000003" });
  // Another commune's pending request.
  ids.foreign = await slot("Léa PETIT", foreignActivity, "2031-03-07", "requested", { reference: "D2031-000001" });
});

describe("the agents' booking inbox", () => {
  it("lists the commune's days with pending requests, earliest first, with counts and places", async () => {
    expect(await listPendingDays(database.db, { communeId: town.id })).toEqual([
      {
        activityId: morning.id,
        activityLabel: "1/Péri MATIN",
        color: "#1d4ed8",
        day: "2031-03-07",
        bookingRequests: 1,
        absenceRequests: 0,
        placesTaken: 0,
        capacity: null,
      },
      {
        activityId: canteen.id,
        activityLabel: "2/Repas",
        color: "#1d4ed8",
        day: "2031-03-10",
        bookingRequests: 1,
        absenceRequests: 1,
        placesTaken: 2,
        capacity: 2,
      },
    ]);
  });

  it("shows one activity's day: pending lines oldest first, then the roster with the waiting list in order", async () => {
    const day = await loadActivityDay(database.db, { communeId: town.id, activityId: canteen.id, day: "2031-03-10" });
    expect(day).toMatchObject({ activity: { label: "2/Repas", capacity: 2 }, placesTaken: 2 });
    expect(day!.pending).toMatchObject([
      {
        bookingId: ids.request,
        childName: "Léa MARTIN",
        householdName: "MARTIN",
        status: "requested",
        reference: "D2031-000001",
        requestedAt: new Date("2031-03-01T09:00:00Z"),
      },
      { bookingId: ids.absence, childName: "Hugo MARTIN", status: "absence_requested", reference: "D2031-000002" },
    ]);
    expect(day!.booked.map((l) => l.childName)).toEqual(["Léa DURAND"]);
    expect(day!.absences.map((l) => [l.childName, l.status])).toEqual([["Hugo MARTIN", "absence_requested"]]);
    expect(day!.waiting.map((l) => l.childName)).toEqual(["Inès DURAND", "Tom DURAND"]);

    const decided = await loadActivityDay(database.db, {
      communeId: town.id,
      activityId: canteen.id,
      day: "2031-03-11",
    });
    expect(decided).toMatchObject({ pending: [], booked: [], waiting: [], placesTaken: 0 });
    expect(decided!.absences.map((l) => l.status)).toEqual(["absent_billed"]);
  });

  it("never shows another commune's activity or slots", async () => {
    expect(
      await loadActivityDay(database.db, { communeId: town.id, activityId: foreignActivity.id, day: "2031-03-07" }),
    ).toBeNull();
    const named = await describeBookingSlots(database.db, {
      communeId: town.id,
      bookingIds: [ids.request!, ids.foreign!],
    });
    expect([...named]).toEqual([[ids.request, { childName: "Léa MARTIN", reference: "D2031-000001" }]]);
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type BookingStatus, bookings } from "@/db/schema";
import { insertActivity, insertFamily, insertTown } from "@/lib/bookings/test-fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { decideBookingsAction } from "./actions";

const database = setUpTestDatabase();

let town: Awaited<ReturnType<typeof insertTown>>;
let family: Awaited<ReturnType<typeof insertFamily>>;
let ids: { first: string; second: string; absence: string; foreign: string };

const statusOf = async (id: string) =>
  (await database.db.select({ status: bookings.status }).from(bookings).where(eq(bookings.id, id)))[0]!.status;

beforeAll(async () => {
  const db = database.db;
  town = await insertTown(db);
  family = await insertFamily(db, town.commune.id, 3);
  const activity = await insertActivity(db, town.commune.id, { capacity: 1 });
  const elsewhere = await insertTown(db);
  const foreignFamily = await insertFamily(db, elsewhere.commune.id);
  const foreignActivity = await insertActivity(db, elsewhere.commune.id);
  const slot = async (
    communeId: string,
    householdId: string,
    childId: string,
    activityId: string,
    date: string,
    status: BookingStatus,
  ) =>
    (await db.insert(bookings).values({ communeId, householdId, childId, activityId, date, status }).returning())[0]!
      .id;
  const [a, b, c] = family.children.map((child) => child.id) as [string, string, string];
  const ours = (childId: string, date: string, status: BookingStatus) =>
    slot(town.commune.id, family.household.id, childId, activity.id, date, status);
  ids = {
    first: await ours(a, "2031-03-10", "requested"),
    second: await ours(b, "2031-03-10", "requested"),
    absence: await ours(c, "2031-03-11", "absence_requested"),
    foreign: await slot(
      elsewhere.commune.id,
      foreignFamily.household.id,
      foreignFamily.children[0]!.id,
      foreignActivity.id,
      "2031-03-10",
      "requested",
    ),
  };
});

describe("Accepter / Refuser on the bookings inbox", () => {
  it("asks for a message before refusing, and changes nothing", async () => {
    signInAs(town.agent, town.commune.slug);
    const result = await decideBookingsAction(
      town.commune.slug,
      null,
      formData({ bookingIds: [ids.first], decision: "refuse", message: " " }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { message: ["Saisissez le message expliquant le refus à la famille."] },
    });
    expect(await statusOf(ids.first)).toBe("requested");
  });

  it("is refused to a family account", async () => {
    signInAs(family.user, town.commune.slug);
    const result = await decideBookingsAction(
      town.commune.slug,
      null,
      formData({ bookingIds: [ids.first], decision: "accept" }),
    );
    expect(result).toMatchObject({ ok: false, message: "Vous n'avez pas accès à cette action." });
    expect(await statusOf(ids.first)).toBe("requested");
  });

  it("accepts within capacity and puts the rest on the waiting list, saying so line by line", async () => {
    signInAs(town.agent, town.commune.slug);
    const result = await decideBookingsAction(
      town.commune.slug,
      null,
      formData({ bookingIds: [ids.first, ids.second], decision: "accept" }),
    );
    const [a, b] = family.children;
    expect(result).toEqual({
      ok: true,
      message: [
        "1 acceptée, 1 mise en liste d'attente (complet).",
        `${a!.firstName} ${a!.lastName} : réservation acceptée.`,
        `${b!.firstName} ${b!.lastName} : mise en liste d'attente (complet).`,
      ].join("\n"),
    });
    expect([await statusOf(ids.first), await statusOf(ids.second)]).toEqual(["booked", "waiting"]);
  });

  it("never touches another commune's booking, and reports it", async () => {
    signInAs(town.agent, town.commune.slug);
    const result = await decideBookingsAction(
      town.commune.slug,
      null,
      formData({
        bookingIds: [ids.absence, ids.foreign],
        decision: "refuse",
        message: "Merci de nous appeler.",
      }),
    );
    const c = family.children[2]!;
    expect(result).toEqual({
      ok: false,
      message: [
        "1 absence refusée, 1 déjà traitée ou annulée.",
        `${c.firstName} ${c.lastName} : absence refusée.`,
        "Demande introuvable : déjà traitée, ou annulée par la famille.",
      ].join("\n"),
      fieldErrors: {},
    });
    expect(await statusOf(ids.absence)).toBe("booked");
    expect(await statusOf(ids.foreign)).toBe("requested");
  });
});

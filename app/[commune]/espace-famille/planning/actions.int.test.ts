import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bookings, requests } from "@/db/schema";
import { enrol, insertActivity, insertFamily, insertTown } from "@/lib/bookings/test-fixtures";
import { addDays, isoWeekday, parisDay } from "@/lib/planning/days";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { cancelSlot, requestSlot, slotHistoryAction } from "./actions";

const database = setUpTestDatabase();
const today = parisDay(new Date());
/** The first day on or after `from` the test activity runs (Mon, Tue, Thu, Fri). */
const activityDay = (from: string) => {
  let day = from;
  while (![1, 2, 4, 5].includes(isoWeekday(day))) day = addDays(day, 1);
  return day;
};
const farDay = activityDay(addDays(today, 30));
const click = (p: { kind?: string; childId: string; activityId: string; day: string; to?: string }) =>
  formData({
    kind: p.kind ?? "booking",
    childId: p.childId,
    activityId: p.activityId,
    from: p.day,
    to: p.to ?? p.day,
    weekdays: String(isoWeekday(p.day)),
  });

describe("the planning's click actions", () => {
  let town: Awaited<ReturnType<typeof insertTown>>;
  let mine: Awaited<ReturnType<typeof insertFamily>>;
  let other: Awaited<ReturnType<typeof insertFamily>>;
  let activityId: string;
  beforeAll(async () => {
    const db = database.db;
    town = await insertTown(db);
    [mine, other] = [await insertFamily(db, town.commune.id), await insertFamily(db, town.commune.id)];
    activityId = (await insertActivity(db, town.commune.id)).id;
    for (const family of [mine, other]) {
      await enrol(db, {
        communeId: town.commune.id,
        householdId: family.household.id,
        childIds: [family.children[0]!.id],
        activityId,
        startsOn: today,
        endsOn: addDays(today, 365),
      });
    }
  });
  const slug = () => town.commune.slug;
  const bookingOf = async (childId: string, day: string) =>
    (await database.db.select().from(bookings).where(eq(bookings.childId, childId))).find((b) => b.date === day);

  it("asks for one day, shows its history, then cancels it; each answer carries the slot as it now is", async () => {
    signInAs(mine.user, slug());
    const childId = mine.children[0]!.id;
    const key = `${childId}:${activityId}:${farDay}`;
    const asked = await requestSlot(slug(), null, click({ childId, activityId, day: farDay }));
    expect(asked).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Votre demande de réservation est enregistrée \(référence D\d{4}-\d{6}\) : elle est en cours d'instruction/,
      ),
    });
    const booking = await bookingOf(childId, farDay);
    expect(booking?.status).toBe("requested");
    expect(asked?.data).toMatchObject({ key, bookingId: booking!.id, state: "requested", action: "cancel" });
    expect(asked?.data?.requestReference).toMatch(/^D\d{4}-\d{6}$/);

    const history = await slotHistoryAction(slug(), null, formData({ bookingId: booking!.id }));
    expect(history).toMatchObject({ ok: true, data: [{ label: "Demande de réservation", side: "family" }] });

    expect(await cancelSlot(slug(), null, formData({ bookingId: booking!.id }))).toMatchObject({
      ok: true,
      message: "Votre demande est annulée.",
      data: { key, state: "enrolled", action: "book" },
    });
    expect((await bookingOf(childId, farDay))?.status).toBe("cancelled");
    expect(await cancelSlot(slug(), null, formData({ bookingId: booking!.id }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("n'est plus en cours"),
      data: { key, state: "enrolled" },
    });
  });

  it("says why a day past its deadline is refused, and creates nothing", async () => {
    signInAs(mine.user, slug());
    const day = activityDay(today);
    expect(await requestSlot(slug(), null, click({ childId: mine.children[0]!.id, activityId, day }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Demande refusée : Délai dépassé : les réservations pour ce jour étaient possibles jusqu'au /,
      ),
      data: { day, state: "enrolled", blockedReason: expect.stringMatching(/^Délai dépassé/) },
    });
    expect(await bookingOf(mine.children[0]!.id, day)).toBeUndefined();
  });

  it("never acts on another household's child or slot, and takes one day only", async () => {
    signInAs(other.user, slug());
    const otherDay = activityDay(addDays(farDay, 1));
    await requestSlot(slug(), null, click({ childId: other.children[0]!.id, activityId, day: otherDay }));
    const theirs = await bookingOf(other.children[0]!.id, otherDay);

    signInAs(mine.user, slug());
    const before = await database.db.select().from(requests);
    expect(await requestSlot(slug(), null, click({ childId: other.children[0]!.id, activityId, day: farDay }))).toEqual(
      { ok: false, message: expect.stringContaining("introuvable"), fieldErrors: {} },
    );
    // Nothing of theirs comes back, not even their slot.
    expect(await cancelSlot(slug(), null, formData({ bookingId: theirs!.id }))).toEqual({
      ok: false,
      message: expect.stringContaining("introuvable"),
      fieldErrors: {},
    });
    expect(await slotHistoryAction(slug(), null, formData({ bookingId: theirs!.id }))).toMatchObject({ ok: false });
    expect((await bookingOf(other.children[0]!.id, otherDay))?.status).toBe("requested");

    const period = await requestSlot(
      slug(),
      null,
      click({ childId: mine.children[0]!.id, activityId, day: farDay, to: addDays(farDay, 7) }),
    );
    expect(period).toMatchObject({
      ok: false,
      fieldErrors: { to: ["Une demande depuis le planning porte sur un seul jour."] },
    });
    expect(await database.db.select().from(requests)).toHaveLength(before.length);
  });
});

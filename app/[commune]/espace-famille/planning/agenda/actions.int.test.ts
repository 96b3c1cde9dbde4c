import { describe, expect, it } from "vitest";
import { buildCalendarFeed, findCalendarFeed } from "@/lib/bookings/ical";
import { insertFamily } from "@/lib/bookings/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { createCalendarLink, revokeCalendarLink } from "./actions";

const database = setUpTestDatabase();
const db = () => database.db;

describe("the calendar link actions", () => {
  it("create a link shown once, on the account's own household only, and revoke it", async () => {
    const commune = await insertCommune(db());
    const mine = await insertFamily(db(), commune.id);
    const other = await insertFamily(db(), commune.id);
    signInAs(mine.user, commune.slug);

    const created = await createCalendarLink(commune.slug, null, formData({ householdId: mine.household.id }));
    expect(created).toMatchObject({ ok: true, message: expect.stringContaining("il ne sera plus affiché") });
    const url = created?.data?.feedUrl ?? "";
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendrier\/[A-Za-z0-9_-]{43}$/);
    expect(await buildCalendarFeed(db(), { token: url.split("/").at(-1)! })).toContain("BEGIN:VCALENDAR");

    // Another household's id, even of the same commune, is refused and gets no link.
    const refused = await createCalendarLink(commune.slug, null, formData({ householdId: other.household.id }));
    expect(refused).toMatchObject({ ok: false, message: "Ce dossier famille n'est pas relié à votre compte." });
    expect(refused?.data?.feedUrl).toBeUndefined();
    expect(await findCalendarFeed(db(), { communeId: commune.id, householdId: other.household.id })).toBeNull();
    expect(await revokeCalendarLink(commune.slug, null, formData({ householdId: other.household.id }))).toMatchObject({
      ok: false,
    });

    expect(await revokeCalendarLink(commune.slug, null, formData({ householdId: mine.household.id }))).toMatchObject({
      ok: true,
    });
    expect(await buildCalendarFeed(db(), { token: url.split("/").at(-1)! })).toBeNull();
    expect(await revokeCalendarLink(commune.slug, null, formData({ householdId: mine.household.id }))).toMatchObject({
      ok: false,
      message: "Aucun lien n'était actif.",
    });
  });
});

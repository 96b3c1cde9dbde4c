import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { bookings, type Commune, children, guardians, households, invoices, type User } from "@/db/schema";
import { addMonths, monthLabel, monthOf, monthValue, previousMonth } from "@/lib/billing/periods";
import { insertNature, insertRegie, insertTariff } from "@/lib/billing/testing-fixtures";
import { insertActivity } from "@/lib/bookings/test-fixtures";
import { todayInParis } from "@/lib/clock";
import { formatEuros } from "@/lib/format";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { issueRunAction } from "./actions";

/* "Émettre les factures" as the page posts it: the agent's run, once, and the refusals. */

const database = setUpTestDatabase();

let town: Commune;
let other: Commune;
let agent: User;
let regieId: string;
let otherRegieId: string;
const period = previousMonth(todayInParis());
const month = monthValue(period);

beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  other = await insertCommune(db);
  agent = await insertUser(db, town.id, "agent");
  const regie = await insertRegie(db, { communeId: town.id });
  regieId = regie.id;
  otherRegieId = (await insertRegie(db, { communeId: other.id })).id;
  const canteen = await insertActivity(db, town.id);
  await insertNature(db, { communeId: town.id, regieId, activityIds: [canteen.id] });
  await insertTariff(db, { communeId: town.id, activityId: canteen.id, validFrom: "2020-01-01" });
  const [household] = await db
    .insert(households)
    .values({ communeId: town.id, name: "MARTIN", subscriberCode: "EMISSION01", familyQuotient: 450 })
    .returning();
  await db.insert(guardians).values({
    communeId: town.id,
    householdId: household!.id,
    rank: 1,
    civility: "MME",
    firstName: "Claire",
    lastName: "MARTIN",
    email: "claire.martin@example.fr",
    isPayer: true,
  });
  const [child] = await db
    .insert(children)
    .values({
      communeId: town.id,
      householdId: household!.id,
      lastName: "MARTIN",
      firstName: "Léa",
      birthDate: "2018-05-01",
      sex: "F",
    })
    .returning();
  await db.insert(bookings).values(
    ["05", "06", "08"].map((day) => ({
      communeId: town.id,
      householdId: household!.id,
      childId: child!.id,
      activityId: canteen.id,
      date: `${month}-${day}`,
      status: "booked" as const,
    })),
  );
});

describe("Émettre les factures", () => {
  it("issues the month once, then says it is already issued", async () => {
    signInAs(agent, town.slug);
    const first = await issueRunAction(town.slug, null, formData({ regieId, month }));
    expect(first).toEqual({
      ok: true,
      message: `Les factures de ${monthLabel(period)} sont émises : 1 facture pour un total de ${formatEuros(540)}. 1 famille a été prévenue par e-mail.`,
    });
    const again = await issueRunAction(town.slug, null, formData({ regieId, month }));
    expect(again).toMatchObject({ ok: false, message: `Les factures de ${monthLabel(period)} sont déjà émises.` });
    expect(await database.db.select().from(invoices).where(eq(invoices.communeId, town.id))).toHaveLength(1);
  });

  it("refuses another commune's régie, a month not begun, a month with nothing to invoice", async () => {
    signInAs(agent, town.slug);
    expect(await issueRunAction(town.slug, null, formData({ regieId: otherRegieId, month }))).toMatchObject({
      ok: false,
      fieldErrors: { regieId: ["Régie introuvable."] },
    });
    const next = monthValue(addMonths(monthOf(todayInParis()), 1));
    expect(await issueRunAction(town.slug, null, formData({ regieId, month: next }))).toMatchObject({
      ok: false,
      fieldErrors: { month: [expect.stringContaining("n'est pas commencé")] },
    });
    const earlier = addMonths(period, -6);
    expect(await issueRunAction(town.slug, null, formData({ regieId, month: monthValue(earlier) }))).toMatchObject({
      ok: false,
      message: `Aucune facture à émettre pour ${monthLabel(earlier)} : rien n'a été enregistré.`,
    });
    expect(await issueRunAction(town.slug, null, formData({ regieId, month: "2027-13" }))).toMatchObject({
      ok: false,
      fieldErrors: { month: ["Choisissez un mois."] },
    });
  });

  it("is for agents only", async () => {
    const family = await insertUser(database.db, town.id, "family");
    signInAs(family, town.slug);
    expect(await issueRunAction(town.slug, null, formData({ regieId, month }))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });
});

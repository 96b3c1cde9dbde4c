import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { children, enrolments } from "@/db/schema";
import { INVALID_FORM } from "@/lib/actions/state";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { applicationRow, insertApplication, insertNurseryTown, offer } from "@/lib/nursery/offer-test-fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { acceptNurseryPlace, acceptNurseryPlaceWithBirth, declineNurseryPlace } from "./actions-offer";

const database = setUpTestDatabase();
const db = () => database.db;

/** Two families of one commune, each with a place offered now (real time: the actions read the portal's clock). */
async function setUp() {
  const town = await insertNurseryTown(db());
  const sentAt = new Date(Date.now() - 30 * 86_400_000);
  const mine = await insertApplication(db(), town, { unborn: true, sentAt });
  const theirs = await insertApplication(db(), town, { sentAt });
  for (const app of [mine, theirs]) await offer(db(), town, app.applicationId, new Date());
  signInAs(mine.family.user, town.commune.slug);
  return { town, mine, theirs, slug: town.commune.slug };
}

const birth = { firstName: "Rose", sex: "F", birthDate: "2026-11-20" };

describe("the family's answer to an offered place", () => {
  it("accepts with the birth of a child to be born, asking each field first", async () => {
    const { mine, slug } = await setUp();
    const target = { householdId: mine.family.household.id, applicationId: mine.applicationId };
    const invalid = await acceptNurseryPlaceWithBirth(slug, null, formData({ ...target, sex: "X" }));
    expect(invalid).toMatchObject({
      ok: false,
      message: INVALID_FORM,
      fieldErrors: {
        firstName: ["Le prénom est obligatoire."],
        sex: ["Indiquez s'il s'agit d'une fille ou d'un garçon."],
        birthDate: ["La date de naissance est obligatoire."],
      },
    });
    // Without the birth, a child to be born cannot be enrolled.
    expect(await acceptNurseryPlace(slug, null, formData(target))).toMatchObject({
      ok: false,
      message: "Indiquez le prénom, le sexe et la date de naissance de l'enfant pour accepter la place.",
    });
    expect(await db().select().from(children).where(eq(children.householdId, mine.family.household.id))).toEqual([]);

    expect(await acceptNurseryPlaceWithBirth(slug, null, formData({ ...target, ...birth }))).toMatchObject({
      ok: true,
    });
    const [child] = await db().select().from(children).where(eq(children.householdId, mine.family.household.id));
    expect(child).toMatchObject({ firstName: "Rose", birthDate: "2026-11-20", sex: "F" });
    expect(await db().select().from(enrolments).where(eq(enrolments.childId, child!.id))).toHaveLength(1);
    expect((await applicationRow(db(), mine.applicationId)).status).toBe("accepted");
  });

  it("refuses another household's application, whichever household the form names", async () => {
    const { mine, theirs, slug } = await setUp();
    const forged = [
      { householdId: theirs.family.household.id, applicationId: theirs.applicationId },
      { householdId: mine.family.household.id, applicationId: theirs.applicationId },
    ];
    const refusals = [];
    for (const target of forged) {
      refusals.push(await acceptNurseryPlace(slug, null, formData(target)));
      refusals.push(await acceptNurseryPlaceWithBirth(slug, null, formData({ ...target, ...birth })));
      refusals.push(await declineNurseryPlace(slug, null, formData(target)));
    }
    expect(refusals.map((r) => r?.ok === false && r.message)).toEqual([
      NOT_SUBSCRIBED,
      NOT_SUBSCRIBED,
      NOT_SUBSCRIBED,
      "Demande introuvable.",
      "Demande introuvable.",
      "Demande introuvable.",
    ]);
    expect((await applicationRow(db(), theirs.applicationId)).status).toBe("offered");
    expect(await db().select().from(enrolments).where(eq(enrolments.householdId, theirs.family.household.id))).toEqual(
      [],
    );
  });

  it("declines once", async () => {
    const { mine, slug } = await setUp();
    const target = { householdId: mine.family.household.id, applicationId: mine.applicationId };
    expect(await declineNurseryPlace(slug, null, formData(target))).toMatchObject({ ok: true });
    expect((await applicationRow(db(), mine.applicationId)).status).toBe("declined");
    expect(await declineNurseryPlace(slug, null, formData(target))).toMatchObject({
      ok: false,
      message: "Cette place n'est plus proposée : la demande a déjà reçu une réponse.",
    });
  });
});

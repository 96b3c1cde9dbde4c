import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { subscriptions } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, harness, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { familyAction, publicAction, userAction } from "./action";
import { failure, success } from "./state";

const database = setUpTestDatabase();
beforeAll(async () => {});

const schema = z.object({
  age: z.coerce.number({ error: "L'âge doit être un nombre." }).int().min(0, "L'âge doit être positif."),
});
const seen: unknown[] = [];
const echoAge = publicAction(schema, async (input, ctx) => {
  seen.push({ input, commune: ctx.commune.slug, ip: ctx.ip });
  return success("ok");
});
const agentsOnly = userAction({ schema, roles: ["agent", "admin"] }, async (_input, ctx) => success(ctx.user.id));
const exploding = publicAction(schema, async () => {
  throw new Error("database on fire");
});

describe("server action wrapper", () => {
  it("parses the form with the schema and hands the commune and caller IP to the handler", async () => {
    const commune = await insertCommune(database.db);
    expect(await echoAge(commune.slug, null, formData({ age: "7" }))).toEqual({ ok: true, message: "ok" });
    expect(seen.at(-1)).toEqual({ input: { age: 7 }, commune: commune.slug, ip: harness.ip });
  });

  it("answers bad input with French field errors and never calls the handler", async () => {
    const commune = await insertCommune(database.db);
    const before = seen.length;
    const result = await echoAge(commune.slug, null, formData({ age: "-2" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { age: ["L'âge doit être positif."] } });
    expect(seen.length).toBe(before);
  });

  it("refuses an unknown commune", async () => {
    expect(await echoAge("nulle-part", null, formData({ age: "1" }))).toMatchObject({
      ok: false,
      message: "Commune inconnue.",
    });
  });

  it("refuses a signed-out caller, a caller of another commune and a role not allowed", async () => {
    const [a, b] = [await insertCommune(database.db), await insertCommune(database.db)];
    harness.session = null;
    expect(await agentsOnly(a.slug, null, formData({ age: "1" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("session"),
    });

    const agentOfB = await insertUser(database.db, b.id, "agent");
    signInAs(agentOfB, b.slug);
    expect(await agentsOnly(a.slug, null, formData({ age: "1" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("session"),
    });

    const family = await insertUser(database.db, a.id, "family");
    signInAs(family, a.slug);
    expect(await agentsOnly(a.slug, null, formData({ age: "1" }))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });

    const agent = await insertUser(database.db, a.id, "agent");
    signInAs(agent, a.slug);
    expect(await agentsOnly(a.slug, null, formData({ age: "1" }))).toEqual({ ok: true, message: agent.id });
  });

  it("turns an unexpected failure into a French message instead of a 500", async () => {
    const commune = await insertCommune(database.db);
    const original = console.error;
    console.error = () => {};
    try {
      expect(await exploding(commune.slug, null, formData({ age: "1" }))).toMatchObject({
        ok: false,
        message: "Une erreur est survenue. Veuillez réessayer plus tard.",
      });
    } finally {
      console.error = original;
    }
  });
});

describe("family action wrapper", () => {
  const notYours = failure("Pas dans votre dossier.");
  const householdOfChild = familyAction(
    { schema: z.object({ childId: z.uuid() }), householdOf: "childId", refusal: notYours },
    async (_input, ctx) => success(ctx.householdId),
  );
  const household = familyAction(
    { schema: z.object({ householdId: z.uuid() }), householdOf: "householdId", refusal: notYours },
    async (_input, ctx) => success(ctx.householdId),
  );

  async function subscribedFamily(communeId: string) {
    const family = await insertFamily(database.db, communeId);
    await database.db
      .insert(subscriptions)
      .values({ communeId, userId: family.family.id, householdId: family.householdId, method: "subscriber_code" });
    return family;
  }

  it("puts on ctx the household the form names, itself or by a child, when the account is subscribed to it", async () => {
    const commune = await insertCommune(database.db);
    const [mine, other] = [await subscribedFamily(commune.id), await subscribedFamily(commune.id)];
    signInAs(mine.family, commune.slug);
    const call = (action: typeof household, fields: Record<string, string>) =>
      action(commune.slug, null, formData(fields));

    expect(await call(householdOfChild, { childId: mine.child.id })).toEqual(success(mine.householdId));
    expect(await call(household, { householdId: mine.householdId })).toEqual(success(mine.householdId));
    // Another family's records of the same commune: the action's own refusal, the handler never runs.
    expect(await call(householdOfChild, { childId: other.child.id })).toEqual(notYours);
    expect(await call(household, { householdId: other.householdId })).toEqual(notYours);
  });

  it("is for family accounts of the bound commune only", async () => {
    const [a, b] = [await insertCommune(database.db), await insertCommune(database.db)];
    const mine = await subscribedFamily(a.id);
    signInAs(mine.agent, a.slug);
    expect(await household(a.slug, null, formData({ householdId: mine.householdId }))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
    signInAs(mine.family, a.slug);
    expect(await household(b.slug, null, formData({ householdId: mine.householdId }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("session"),
    });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, harness, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { publicAction, userAction } from "./action";
import { success } from "./state";

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
    expect(await echoAge(null, formData(commune.slug, { age: "7" }))).toEqual({ ok: true, message: "ok" });
    expect(seen.at(-1)).toEqual({ input: { age: 7 }, commune: commune.slug, ip: harness.ip });
  });

  it("answers bad input with French field errors and never calls the handler", async () => {
    const commune = await insertCommune(database.db);
    const before = seen.length;
    const result = await echoAge(null, formData(commune.slug, { age: "-2" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { age: ["L'âge doit être positif."] } });
    expect(seen.length).toBe(before);
  });

  it("refuses an unknown commune", async () => {
    expect(await echoAge(null, formData("nulle-part", { age: "1" }))).toMatchObject({
      ok: false,
      message: "Commune inconnue.",
    });
  });

  it("refuses a signed-out caller, a caller of another commune and a role not allowed", async () => {
    const [a, b] = [await insertCommune(database.db), await insertCommune(database.db)];
    harness.session = null;
    expect(await agentsOnly(null, formData(a.slug, { age: "1" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("session"),
    });

    const agentOfB = await insertUser(database.db, b.id, "agent");
    signInAs(agentOfB, b.slug);
    expect(await agentsOnly(null, formData(a.slug, { age: "1" }))).toMatchObject({ ok: false });

    const family = await insertUser(database.db, a.id, "family");
    signInAs(family, a.slug);
    expect(await agentsOnly(null, formData(a.slug, { age: "1" }))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });

    const agent = await insertUser(database.db, a.id, "agent");
    signInAs(agent, a.slug);
    expect(await agentsOnly(null, formData(a.slug, { age: "1" }))).toEqual({ ok: true, message: agent.id });
  });

  it("turns an unexpected failure into a French message instead of a 500", async () => {
    const commune = await insertCommune(database.db);
    const original = console.error;
    console.error = () => {};
    try {
      expect(await exploding(null, formData(commune.slug, { age: "1" }))).toMatchObject({
        ok: false,
        message: "Une erreur est survenue. Veuillez réessayer plus tard.",
      });
    } finally {
      console.error = original;
    }
  });
});

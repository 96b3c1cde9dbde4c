import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { documentTypes, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { DEFAULT_DOCUMENT_TYPES } from "@/lib/documents/codes";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { createCommune } from "./create-commune";

const database = setUpTestDatabase();
beforeAll(async () => {});

const villeneuve = {
  slug: "villeneuve",
  name: "Villeneuve",
  signature: "Le service enfance",
  email: "enfance@villeneuve.fr",
};

describe("createCommune (npm run commune:add)", () => {
  it("creates the commune and its first admin, active, with an argon2id password", async () => {
    const result = await createCommune(database.db, {
      ...villeneuve,
      admin: { email: "Admin@Villeneuve.fr", password: "Villeneuve2026admin" },
    });
    expect(result).toMatchObject({
      ok: true,
      commune: { slug: "villeneuve", serviceSignature: "Le service enfance" },
      adminEmail: "admin@villeneuve.fr",
    });
    const [admin] = await database.db.select().from(users).where(eq(users.email, "admin@villeneuve.fr"));
    expect(admin).toMatchObject({ role: "admin", status: "active" });
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin!.passwordHash, "Villeneuve2026admin")).toBe(true);
    // It starts with the default document types (Pièces justificatives).
    const types = await database.db
      .select({ code: documentTypes.code })
      .from(documentTypes)
      .where(eq(documentTypes.communeId, result.ok ? result.commune.id : ""));
    expect(types.map((t) => t.code).sort()).toEqual(DEFAULT_DOCUMENT_TYPES.map((t) => t.code).sort());
  });

  it("refuses a slug in use, a reserved one and a malformed one", async () => {
    expect(await createCommune(database.db, villeneuve)).toEqual({
      ok: false,
      error: 'A commune with the slug "villeneuve" already exists.',
    });
    for (const slug of ["api", "simulateur-payfip", "Ville Neuve", "ville--neuve", "-ville", "ville.fr", ""]) {
      expect(await createCommune(database.db, { ...villeneuve, slug })).toMatchObject({
        ok: false,
        error: expect.stringContaining("slug"),
      });
    }
  });
});

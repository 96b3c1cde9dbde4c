import { and, eq, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, documents } from "@/db/schema";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { refuseDocument, validateDocument } from "./review";
import { storeDocument } from "./store-document";
import { insertDocumentsCommune, insertSubscribedFamily, preparedPdf } from "./test-fixtures";

/*
 * Two agents deciding the same document at once, and a family sending the same document twice at once. Only
 * PostgreSQL runs them concurrently (PGlite runs one transaction at a time): run this file with DATABASE_URL set
 * to prove the race; on PGlite it still checks that exactly one side wins.
 */

const database = setUpTestDatabase();
const db = () => database.db;
const PAIRS = 20;

describe("races", () => {
  it("of a validation and a refusal of the same document, exactly one wins", async () => {
    const t = await insertDocumentsCommune(db());
    const ids: string[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const family = await insertSubscribedFamily(db(), t.commune.id);
      const stored = await storeDocument(db(), {
        communeId: t.commune.id,
        householdId: family.householdId,
        userId: family.family.id,
        typeId: t.types.justificatif_domicile!,
        prepared: preparedPdf(),
      });
      if (!stored.ok) throw new Error("upload failed");
      ids.push(stored.document.id);
    }
    const outcomes = await Promise.all(
      ids.map((documentId) =>
        Promise.all([
          validateDocument(db(), {
            communeId: t.commune.id,
            agentUserId: t.agent.id,
            documentId,
            expiresOn: "2028-01-01",
          }),
          refuseDocument(db(), { communeId: t.commune.id, agentUserId: t.agent.id, documentId, reason: "Illisible" }),
        ]),
      ),
    );
    for (const [validated, refused] of outcomes) {
      expect([validated.ok, refused.ok].filter(Boolean)).toHaveLength(1);
      expect([validated, refused].filter((r) => !r.ok)).toEqual([{ ok: false, reason: "already_reviewed" }]);
    }
    const rows = await db().select().from(documents).where(eq(documents.communeId, t.commune.id));
    const winners = outcomes.map(([validated]) => (validated.ok ? "validated" : "refused"));
    expect(ids.map((id) => rows.find((r) => r.id === id)!.state)).toEqual(winners);
    // One decision audited per document.
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, t.commune.id), ne(auditLog.action, "document.uploaded")));
    expect(audits).toHaveLength(PAIRS);
  });

  it("of uploads of the same type by the same household, exactly one stays current", async () => {
    const t = await insertDocumentsCommune(db());
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        storeDocument(db(), {
          communeId: t.commune.id,
          householdId: t.householdId,
          userId: t.family.id,
          typeId: t.types.attestation_caf!,
          prepared: preparedPdf(),
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db()
      .select()
      .from(documents)
      .where(and(eq(documents.householdId, t.householdId), eq(documents.typeId, t.types.attestation_caf!)));
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.state !== "replaced")).toHaveLength(1);
  });
});

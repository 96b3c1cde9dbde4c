import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox, requests } from "@/db/schema";
import { todayInParis } from "@/lib/clock";
import { insertSubscribedFamily, preparedPdf } from "@/lib/documents/test-fixtures";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { addDays } from "@/lib/planning/days";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { submitNurseryApplication } from "./apply";
import { addMonthsToDay } from "./deadlines";
import { submitNurseryApplicationSchema, UNBORN_CHILD } from "./schemas";
import { insertNurseryCommune } from "./test-fixtures";

/*
 * Applications sent at the same moment by several families of a commune: each gets its own reference, and its
 * acknowledgement (rendered before the transaction with the reference it expected) names that reference. Only
 * PostgreSQL runs them concurrently (DATABASE_URL set); on PGlite they run one after the other.
 */

const database = setUpTestDatabase();
const db = () => database.db;
const FAMILIES = 6;

describe("applications sent at once", () => {
  it("each get their own reference, named by their own mail", async () => {
    const t = await insertNurseryCommune(db());
    await ensureDefaultDocumentTypes(db(), t.commune.id);
    const families = [
      t,
      ...(await Promise.all(Array.from({ length: FAMILIES - 1 }, () => insertSubscribedFamily(db(), t.commune.id)))),
    ];
    const today = todayInParis();
    const results = await Promise.all(
      families.map((family) => {
        const input = submitNurseryApplicationSchema.parse({
          householdId: family.householdId,
          "guardians.0.guardianId": family.guardian.id,
          "guardians.0.situation": "en_activite",
          "guardians.1.guardianId": family.secondGuardian.id,
          "guardians.1.situation": "sans_activite",
          child: UNBORN_CHILD,
          expectedBirthOn: addDays(today, 90),
          careType: "urgence",
          desiredStartOn: addMonthsToDay(today, 8),
          choice1: t.structure,
        });
        return submitNurseryApplication(db(), {
          communeId: t.commune.id,
          householdId: family.householdId,
          userId: family.family.id,
          input,
          certificate: preparedPdf(),
          now: new Date(),
        });
      }),
    );
    const references = results.map((r) => (r.ok ? r.reference : null));
    expect(new Set(references).size).toBe(FAMILIES);
    for (const [index, family] of families.entries()) {
      const [request] = await db().select().from(requests).where(eq(requests.householdId, family.householdId));
      expect(request!.reference).toBe(references[index]);
      const [mail] = await db().select().from(mailOutbox).where(eq(mailOutbox.to, family.family.email));
      expect(mail!.subject).toContain(`(${request!.reference})`);
      expect(mail!.html).toContain(request!.reference);
    }
  });
});

import { describe, expect, it } from "vitest";
import AuditJournalPage from "@/app/[commune]/agent/journal/page";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { updateFamilyQuotient } from "@/lib/households/quotient";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { signInAs } from "@/lib/testing/harness";
import { enableAuthInterrupts, pageOutcome } from "@/lib/testing/render-page";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { listCommuneAudit } from "./audit-read";

const database = setUpTestDatabase();
enableAuthInterrupts();

const db = () => database.db;

async function communeWithQuotientChange() {
  const commune = await insertCommune(db());
  const family = await insertFamily(db(), commune.id, "BERNARD");
  const admin = await insertUser(db(), commune.id, "admin");
  await updateFamilyQuotient(db(), {
    communeId: commune.id,
    householdId: family.householdId,
    actorUserId: family.agent.id,
    familyQuotient: 480,
  });
  return { commune, admin, ...family };
}

/** The journal page as Next.js calls it. */
const openJournal = (slug: string, searchParams: Record<string, string> = {}) =>
  AuditJournalPage({ params: Promise.resolve({ commune: slug }), searchParams: Promise.resolve(searchParams) });

describe("journal des actions", () => {
  it("lists the commune's rows only, in French, filterable by action", async () => {
    const a = await communeWithQuotientChange();
    const b = await communeWithQuotientChange();
    const journal = await listCommuneAudit(db(), { communeId: a.commune.id });
    expect(journal).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(journal.rows).toMatchObject([
      { actionLabel: "Quotient familial modifié", target: "Famille BERNARD", detail: "non renseigné → 480" },
    ]);
    expect((await listCommuneAudit(db(), { communeId: a.commune.id, action: "request.accepted" })).total).toBe(0);
    expect((await listCommuneAudit(db(), { communeId: b.commune.id, page: 99 })).page).toBe(1);
  });

  it("is for admins only: an agent gets a 403, an admin the page", async () => {
    const a = await communeWithQuotientChange();
    signInAs(a.agent, a.commune.slug);
    expect(await pageOutcome(openJournal(a.commune.slug))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    signInAs(a.family, a.commune.slug);
    expect(await pageOutcome(openJournal(a.commune.slug))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    signInAs(a.admin, a.commune.slug);
    expect(await pageOutcome(openJournal(a.commune.slug, { action: "x' or 1=1", page: "-4" }))).toBe("rendered");
  });
});

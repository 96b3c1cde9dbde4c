import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as agentGET } from "@/app/[commune]/agent/pieces-justificatives/[id]/fichier/route";
import { GET as familyGET } from "@/app/[commune]/espace-famille/pieces-justificatives/[id]/fichier/route";
import { auditLog, documents, documentTypes, subscriptions } from "@/db/schema";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { routes } from "@/lib/routes/paths";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { documentStore } from "./storage";

const database = setUpTestDatabase();

/** A commune with two subscribed households; the first has a health document (PAI) of 300 KB (two chunks). */
async function setUp() {
  const db = database.db;
  const commune = await insertCommune(db);
  const mine = await insertFamily(db, commune.id);
  const other = await insertFamily(db, commune.id);
  await db.insert(subscriptions).values([
    { communeId: commune.id, userId: mine.family.id, householdId: mine.householdId, method: "subscriber_code" },
    { communeId: commune.id, userId: other.family.id, householdId: other.householdId, method: "subscriber_code" },
  ]);
  const [type] = await db
    .insert(documentTypes)
    .values({ communeId: commune.id, code: "pai", label: "PAI", audience: "child", isHealth: true })
    .returning();
  const bytes = new Uint8Array(randomBytes(300_000));
  const storageKey = await documentStore.put(db, { communeId: commune.id, bytes });
  const [document] = await db
    .insert(documents)
    .values({
      communeId: commune.id,
      householdId: mine.householdId,
      childId: mine.child.id,
      typeId: type!.id,
      uploadedByUserId: mine.family.id,
      storageKey,
      fileName: "PAI - Léa MARTIN.pdf",
      mediaType: "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: "0".repeat(64),
    })
    .returning();
  return { db, commune, mine, other, document: document!, bytes, slug: commune.slug };
}

const params = (slug: string, id: string) => ({ params: Promise.resolve({ commune: slug, id }) });
const familyGet = (slug: string, id: string) =>
  familyGET(new Request(`http://localhost:3000${routes.family.documentFile(slug, id)}`), params(slug, id));
const agentGet = (slug: string, id: string, inline = false) =>
  agentGET(
    new NextRequest(`http://localhost:3000${routes.agent.documentFile(slug, id, { inline })}`),
    params(slug, id),
  );

const healthReads = (communeId: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.communeId, communeId), eq(auditLog.action, "document.health_read")));

describe("family document file route", () => {
  it("streams the file to the household's subscriber as a download; 404 for anyone else", async () => {
    const { commune, mine, other, document, bytes, slug } = await setUp();
    signInAs(mine.family, slug);
    const own = await familyGet(slug, document.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-disposition")).toMatch(/^attachment; filename="PAI - Lea MARTIN.pdf"; filename\*=/);
    expect(own.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(Buffer.from(await own.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);

    // Another household's family, the staff (who have their own route), another commune, an unknown or bad id.
    signInAs(other.family, slug);
    expect((await familyGet(slug, document.id)).status).toBe(404);
    signInAs(mine.agent, slug);
    expect((await familyGet(slug, document.id)).status).toBe(404);
    const elsewhere = await insertCommune(database.db);
    const stranger = await insertUser(database.db, elsewhere.id, "family");
    signInAs(stranger, elsewhere.slug);
    expect((await familyGet(elsewhere.slug, document.id)).status).toBe(404);
    signInAs(mine.family, slug);
    expect((await familyGet(elsewhere.slug, document.id)).status).toBe(404);
    expect((await familyGet(slug, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await familyGet(slug, "pas-un-id")).status).toBe(404);
    signOutOfHarness();
    expect((await familyGet(slug, document.id)).status).toBe(404);
    // A family's read of its own health document is not audited.
    expect(await healthReads(commune.id)).toEqual([]);
  });
});

describe("agent document file route", () => {
  it("serves the commune's staff, inline with ?affichage=1, each read of a health document audited", async () => {
    const { commune, mine, document, bytes, slug } = await setUp();
    signInAs(mine.agent, slug);
    const download = await agentGet(slug, document.id);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const inline = await agentGet(slug, document.id, true);
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(inline.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    await inline.body?.cancel();
    expect(await healthReads(commune.id)).toHaveLength(2);

    // A family (even the household's own), another commune's agent, nobody.
    signInAs(mine.family, slug);
    expect((await agentGet(slug, document.id, true)).status).toBe(404);
    const elsewhere = await insertCommune(database.db);
    const foreignAgent = await insertUser(database.db, elsewhere.id, "agent");
    signInAs(foreignAgent, elsewhere.slug);
    expect((await agentGet(elsewhere.slug, document.id)).status).toBe(404);
    signInAs(foreignAgent, slug);
    expect((await agentGet(slug, document.id)).status).toBe(404);
    signOutOfHarness();
    expect((await agentGet(slug, document.id)).status).toBe(404);
    expect(await healthReads(commune.id)).toHaveLength(2);
    expect(await healthReads(elsewhere.id)).toEqual([]);
  });
});

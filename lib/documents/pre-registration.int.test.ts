import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  saveFamilyStep,
  saveFinanceStep,
  saveWishesStep,
  sendPreRegistration,
} from "@/app/[commune]/espace-famille/pre-inscription/actions";
import { documents, requests } from "@/db/schema";
import { newFamilyFields, newFamilyFinanceFields } from "@/lib/new-family/test-fixtures";
import { decideRequest } from "@/lib/requests/decide";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { storePreRegistrationDocument } from "./store-document";
import { preparedPdf } from "./test-fixtures";
import { ensureDefaultDocumentTypes } from "./types";

/*
 * The new-family wizard's RIB: handed in before the household exists (owned by its uploader), sent with the
 * "household.create" request, and the new household's once the town accepts it — validated with it.
 */

const database = setUpTestDatabase();
const db = () => database.db;

describe("the pre-registration's RIB", () => {
  it("is the uploader's until the request is sent, then the new household's, validated with the request", async () => {
    const commune = await insertCommune(db());
    await ensureDefaultDocumentTypes(db(), commune.id);
    const account = await insertUser(db(), commune.id, "family");
    const agent = await insertUser(db(), commune.id, "agent");
    const stranger = await insertUser(db(), commune.id, "family");
    const elsewhere = await insertCommune(db());

    // Not a family account of this commune, or a commune without a RIB type: refused.
    expect(
      await storePreRegistrationDocument(db(), { communeId: commune.id, userId: agent.id, prepared: preparedPdf() }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await storePreRegistrationDocument(db(), {
        communeId: elsewhere.id,
        userId: account.id,
        prepared: preparedPdf(),
      }),
    ).toEqual({ ok: false, reason: "not_found" });

    const first = await storePreRegistrationDocument(db(), {
      communeId: commune.id,
      userId: account.id,
      prepared: preparedPdf(),
    });
    const second = await storePreRegistrationDocument(db(), {
      communeId: commune.id,
      userId: account.id,
      prepared: preparedPdf(),
    });
    const theirs = await storePreRegistrationDocument(db(), {
      communeId: commune.id,
      userId: stranger.id,
      prepared: preparedPdf(),
    });
    if (!first.ok || !second.ok || !theirs.ok) throw new Error("upload failed");
    expect(second.document).toMatchObject({ householdId: null, uploadedByUserId: account.id, state: "pending" });
    const [old] = await db().select().from(documents).where(eq(documents.id, first.document.id));
    expect(old!.state).toBe("replaced");

    signInAs(account, commune.slug);
    expect(await saveFamilyStep(commune.slug, null, formData(newFamilyFields()))).toMatchObject({ ok: true });
    expect(await saveFinanceStep(commune.slug, null, formData(newFamilyFinanceFields))).toMatchObject({ ok: true });
    expect(await saveWishesStep(commune.slug, null, formData({ wishes: ["0:cantine"] }))).toMatchObject({ ok: true });
    await sendPreRegistration(commune.slug, null, formData({}));
    const [request] = await db()
      .select()
      .from(requests)
      .where(and(eq(requests.communeId, commune.id), eq(requests.createdByUserId, account.id)));
    expect(request).toBeDefined();
    const [attached] = await db().select().from(documents).where(eq(documents.id, second.document.id));
    expect(attached).toMatchObject({ requestId: request!.id, householdId: null });
    // The other account's RIB stays its own.
    const [untouched] = await db().select().from(documents).where(eq(documents.id, theirs.document.id));
    expect(untouched).toMatchObject({ requestId: null, householdId: null });

    expect(
      await decideRequest(db(), {
        communeId: commune.id,
        agentUserId: agent.id,
        requestId: request!.id,
        decision: "accepted",
      }),
    ).toMatchObject({ ok: true });
    const [owned] = await db().select().from(documents).where(eq(documents.id, second.document.id));
    expect(owned).toMatchObject({ householdId: request!.targetId, state: "validated", reviewedByUserId: agent.id });
    expect(
      await db()
        .select()
        .from(documents)
        .where(and(eq(documents.uploadedByUserId, account.id), isNull(documents.householdId))),
    ).toHaveLength(1); // the replaced first one, until the retention job
  });
});

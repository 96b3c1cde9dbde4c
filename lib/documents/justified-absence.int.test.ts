import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bookings, documents } from "@/db/schema";
import { previewRun } from "@/lib/billing/run/preview";
import { insertNature, insertRegie, insertTariff } from "@/lib/billing/testing-fixtures";
import { loadPlanning } from "@/lib/bookings/planning";
import { submitSlotRequest } from "@/lib/bookings/submit";
import { enrol, familyScope, insertActivity, insertFamily } from "@/lib/bookings/test-fixtures";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { refuseDocument, validateDocument } from "./review";
import { preparedPdf } from "./test-fixtures";
import { ensureDefaultDocumentTypes, findDocumentTypeByCode } from "./types";

/*
 * An absence declared with a medical certificate: the certificate is a document of the child with the request,
 * the absence's days point at it ("Absence justifiée" in the planning), and the monthly run never bills them —
 * even a late absence the town would otherwise bill.
 */

const database = setUpTestDatabase();
const db = () => database.db;
// Tuesday 24/11/2026, 09:00 in Paris; the late absences are declared on Wednesday 25/11 at 12:00.
const now = new Date("2026-11-24T08:00:00Z");
const late = new Date("2026-11-25T11:00:00Z");
const day = (d: string, kind: "booking" | "absence") => ({
  kind,
  childId: "",
  activityId: "",
  from: d,
  to: d,
  weekdays: [1, 2, 3, 4, 5, 6, 7],
});

async function setUp() {
  const commune = await insertCommune(db());
  await ensureDefaultDocumentTypes(db(), commune.id);
  const agent = await insertUser(db(), commune.id, "agent");
  const family = await insertFamily(db(), commune.id, 1);
  const child = family.children[0]!;
  const activity = await insertActivity(db(), commune.id, { autoAccept: true, lateAbsenceBilled: true });
  await enrol(db(), {
    communeId: commune.id,
    householdId: family.household.id,
    childIds: [child.id],
    activityId: activity.id,
  });
  const regie = await insertRegie(db(), { communeId: commune.id, dueDays: 20 });
  await insertNature(db(), { communeId: commune.id, regieId: regie.id, activityIds: [activity.id] });
  await insertTariff(db(), { communeId: commune.id, activityId: activity.id });
  const scope = familyScope(commune, family);
  const ask = (d: string, kind: "booking" | "absence", at: Date, certificate?: ReturnType<typeof preparedPdf>) =>
    submitSlotRequest(db(), {
      ...scope,
      now: at,
      input: { ...day(d, kind), childId: child.id, activityId: activity.id },
      certificate,
    });
  return { commune, agent, family, child, activity, regie, scope, ask };
}

describe("a justified absence", () => {
  it("is recorded with its certificate, shown as justified, and never billed even when late", async () => {
    const t = await setUp();
    for (const d of ["2026-11-26", "2026-11-27", "2026-11-30"]) await t.ask(d, "booking", now);
    // Late, with a certificate: absent_billed, but justified.
    const justified = await t.ask("2026-11-26", "absence", late, preparedPdf());
    expect(justified.ok && justified.results[0]!.outcome).toBe("absent_billed");
    // Late, without one: billed as a late absence.
    const plain = await t.ask("2026-11-27", "absence", late);
    expect(plain.ok && plain.results[0]!.outcome).toBe("absent_billed");

    const requestId = justified.ok ? justified.request!.id : "";
    const certificateType = await findDocumentTypeByCode(db(), { communeId: t.commune.id, code: "certificat_medical" });
    const [certificate, ...more] = await db()
      .select()
      .from(documents)
      .where(eq(documents.householdId, t.family.household.id));
    expect(more).toEqual([]);
    expect(certificate).toMatchObject({
      typeId: certificateType!.id,
      childId: t.child.id,
      requestId,
      state: "pending",
    });
    const days = await db()
      .select({ date: bookings.date, justificationDocumentId: bookings.justificationDocumentId })
      .from(bookings)
      .where(and(eq(bookings.childId, t.child.id), eq(bookings.activityId, t.activity.id)))
      .orderBy(bookings.date);
    expect(days).toEqual([
      { date: "2026-11-26", justificationDocumentId: certificate!.id },
      { date: "2026-11-27", justificationDocumentId: null },
      { date: "2026-11-30", justificationDocumentId: null },
    ]);

    const planning = await loadPlanning(db(), {
      communeId: t.commune.id,
      householdId: t.family.household.id,
      from: "2026-11-26",
      to: "2026-11-30",
      now: late,
    });
    expect(planning.slots.map((s) => [s.day, s.justified])).toEqual([
      ["2026-11-26", true],
      ["2026-11-27", false],
      ["2026-11-30", false],
    ]);

    const billedLines = async () => {
      const preview = await previewRun(db(), {
        communeId: t.commune.id,
        regieId: t.regie.id,
        period: "2026-11-01",
        today: "2026-12-03",
      });
      return preview!.households.find((h) => h.householdId === t.family.household.id)!.lines;
    };
    // While the town has not checked the certificate, the late absence is billed like the other one.
    expect((await billedLines()).map((l) => [l.kind, l.quantity])).toEqual([
      ["slot", 1],
      ["late_absence", 2],
    ]);
    expect(
      await validateDocument(db(), {
        communeId: t.commune.id,
        agentUserId: t.agent.id,
        documentId: certificate!.id,
        expiresOn: null,
      }),
    ).toEqual({ ok: true });
    // Validated: the 30th as a slot, the 27th as a late absence; the 26th (justified) is not billed.
    const lines = await billedLines();
    expect(lines.map((l) => [l.kind, l.quantity])).toEqual([
      ["slot", 1],
      ["late_absence", 1],
    ]);
    expect(lines.map((l) => l.note).join(" ")).toContain("1 absence justifiée, non facturée");
  });

  it("a refused certificate no longer justifies the absence", async () => {
    const t = await setUp();
    await t.ask("2026-11-26", "booking", now);
    await t.ask("2026-11-26", "absence", late, preparedPdf());
    const [certificate] = await db().select().from(documents).where(eq(documents.householdId, t.family.household.id));
    await refuseDocument(db(), {
      communeId: t.commune.id,
      agentUserId: t.agent.id,
      documentId: certificate!.id,
      reason: "Le certificat ne couvre pas ce jour.",
    });
    const planning = await loadPlanning(db(), {
      communeId: t.commune.id,
      householdId: t.family.household.id,
      from: "2026-11-26",
      to: "2026-11-26",
      now: late,
    });
    expect(planning.slots.map((s) => s.justified)).toEqual([false]);
  });

  it("ignores a certificate sent with a booking, and refuses another household's child without storing anything", async () => {
    const t = await setUp();
    const booked = await t.ask("2026-11-26", "booking", now, preparedPdf());
    expect(booked.ok && booked.results[0]!.outcome).toBe("booked");
    const neighbour = await insertFamily(db(), t.commune.id, 1);
    const theirs = await submitSlotRequest(db(), {
      ...t.scope,
      now: late,
      input: { ...day("2026-11-26", "absence"), childId: neighbour.children[0]!.id, activityId: t.activity.id },
      certificate: preparedPdf(),
    });
    expect(theirs.ok).toBe(false);
    expect(await db().select().from(documents).where(eq(documents.communeId, t.commune.id))).toEqual([]);
  });
});

import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { bookings, documents, documentTypes, requests } from "@/db/schema";
import { enrol, insertActivity, insertFamily } from "@/lib/bookings/test-fixtures";
import { MEDICAL_CERTIFICATE_CODE } from "@/lib/documents/codes";
import { CERTIFICATE_FIELD } from "@/lib/documents/family-messages";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import { addDays, isoWeekday, parisDay } from "@/lib/planning/days";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { previewPeriodRequest, submitPeriodRequest } from "./actions";

const database = setUpTestDatabase();

/** A real one-page PDF, as a doctor's scanned certificate. */
async function certificatePdf(): Promise<File> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 280]);
  return new File([new Uint8Array(await pdf.save())], "certificat.pdf", { type: "application/pdf" });
}
const db = () => database.db;

// The actions use the real clock: a fortnight from the coming Monday is past no deadline.
const today = parisDay(new Date());
const monday = addDays(today, 14 + ((8 - isoWeekday(today)) % 7));

/** A subscribed family signed in, with one child enrolled, and a second household of the same commune. */
async function setUp() {
  const commune = await insertCommune(db());
  const mine = await insertFamily(db(), commune.id);
  const other = await insertFamily(db(), commune.id);
  const activity = await insertActivity(db(), commune.id);
  const notEnrolled = await insertActivity(db(), commune.id, { code: "9", name: "Autre" });
  const enrolment = { communeId: commune.id, activityId: activity.id, startsOn: today, endsOn: addDays(today, 120) };
  await enrol(db(), { ...enrolment, householdId: mine.household.id, childIds: [mine.children[0]!.id] });
  await enrol(db(), { ...enrolment, householdId: other.household.id, childIds: [other.children[0]!.id] });
  signInAs(mine.user, commune.slug);
  const period = (overrides: Record<string, string | string[]> = {}) =>
    formData({
      kind: "booking",
      childId: mine.children[0]!.id,
      activityId: activity.id,
      from: monday,
      to: addDays(monday, 11),
      weekdays: ["1", "4"],
      ...overrides,
    });
  const requestsOf = (householdId: string) => db().select().from(requests).where(eq(requests.householdId, householdId));
  return { commune, mine, other, activity, notEnrolled, period, requestsOf };
}

describe("the period form's actions", () => {
  it("previews every date without writing, then sends them as one request and returns each date's outcome", async () => {
    const t = await setUp();
    const preview = await previewPeriodRequest(t.commune.slug, null, t.period());
    expect(preview).toMatchObject({ ok: true });
    const dates = [monday, addDays(monday, 3), addDays(monday, 7), addDays(monday, 10)];
    expect(preview?.data).toEqual({
      days: dates.map((day) => ({ day, outcome: "requested", reason: null })),
      request: null,
    });
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);

    const sent = await submitPeriodRequest(t.commune.slug, null, t.period());
    expect(sent).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Votre demande de réservation a été transmise à la collectivité sous la référence D\d{4}-\d{6}\.$/,
      ),
    });
    const outcome = sent!.data!;
    expect(outcome.days.map((d) => [d.day, d.outcome])).toEqual(dates.map((day) => [day, "requested"]));
    const [request] = await t.requestsOf(t.mine.household.id);
    expect(outcome.request).toEqual({ id: request!.id, reference: request!.reference });
  });

  it("refuses bad input next to its field and creates nothing", async () => {
    const t = await setUp();
    const refusals: [Record<string, string | string[]>, string, RegExp][] = [
      [{ weekdays: [] }, "weekdays", /Cochez au moins un jour/],
      [{ to: addDays(monday, -3) }, "to", /postérieure ou égale/],
      [{ to: addDays(today, 200) }, "to", /période de l'inscription/],
      [{ childId: t.other.children[0]!.id }, "childId", /Enfant introuvable/],
      [{ activityId: t.notEnrolled.id }, "activityId", /n'est pas inscrit/],
    ];
    for (const [fields, field, message] of refusals) {
      for (const action of [previewPeriodRequest, submitPeriodRequest]) {
        const state = await action(t.commune.slug, null, t.period(fields));
        expect(state).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.stringMatching(message)] } });
      }
    }
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);
    expect(await t.requestsOf(t.other.household.id)).toHaveLength(0);
  });

  it("says so when no date can be asked, with each date's reason, and sends nothing", async () => {
    const t = await setUp();
    // An absence on days never booked.
    const state = await submitPeriodRequest(t.commune.slug, null, t.period({ kind: "absence" }));
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("rien n'a été envoyé") });
    const outcome = state!.data!;
    expect(outcome.request).toBeNull();
    expect(outcome.days).toHaveLength(4);
    expect(outcome.days.every((d) => d.outcome === "refused" && d.reason?.includes("Aucune réservation"))).toBe(true);
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);
  });

  it("sends an absence with its medical certificate: the days are justified by the stored document", async () => {
    const t = await setUp();
    await ensureDefaultDocumentTypes(db(), t.commune.id);
    const child = t.mine.children[0]!;
    const days = [monday, addDays(monday, 3)];
    await db()
      .insert(bookings)
      .values(
        days.map((date) => ({
          communeId: t.commune.id,
          householdId: t.mine.household.id,
          childId: child.id,
          activityId: t.activity.id,
          date,
          status: "booked" as const,
        })),
      );
    const absence = (...files: File[]) => {
      const data = t.period({ kind: "absence", to: addDays(monday, 4) });
      for (const file of files) data.append(CERTIFICATE_FIELD, file);
      return data;
    };
    const documentsOf = (householdId: string) =>
      db().select().from(documents).where(eq(documents.householdId, householdId));

    // A certificate that is no PDF, JPEG or PNG: answered at its field, nothing sent.
    const text = new File(["Certificat"], "certificat.pdf", { type: "application/pdf" });
    expect(await submitPeriodRequest(t.commune.slug, null, absence(text))).toMatchObject({
      ok: false,
      fieldErrors: { [CERTIFICATE_FIELD]: [expect.any(String)] },
    });
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);
    expect(await documentsOf(t.mine.household.id)).toHaveLength(0);

    const sent = await submitPeriodRequest(t.commune.slug, null, absence(await certificatePdf()));
    expect(sent).toMatchObject({ ok: true, message: expect.stringContaining("Votre demande d'absence") });
    const [request] = await t.requestsOf(t.mine.household.id);
    const [certificate] = await documentsOf(t.mine.household.id);
    const [type] = await db()
      .select()
      .from(documentTypes)
      .where(and(eq(documentTypes.communeId, t.commune.id), eq(documentTypes.code, MEDICAL_CERTIFICATE_CODE)));
    expect(certificate).toMatchObject({
      typeId: type!.id,
      childId: child.id,
      requestId: request!.id,
      state: "pending",
    });
    const rows = await db().select().from(bookings).where(eq(bookings.childId, child.id));
    expect(rows.map((b) => [b.date, b.status, b.justificationDocumentId]).sort()).toEqual(
      days.map((day) => [day, "absence_requested", certificate!.id]),
    );
  });

  it("sends an absence without certificate as before, and never stores a certificate with a booking", async () => {
    const t = await setUp();
    await ensureDefaultDocumentTypes(db(), t.commune.id);
    const empty = new File([], "", { type: "application/octet-stream" });
    const booking = t.period();
    booking.append(CERTIFICATE_FIELD, await certificatePdf());
    expect(await submitPeriodRequest(t.commune.slug, null, booking)).toMatchObject({ ok: true });
    const absence = t.period({ kind: "absence" });
    absence.append(CERTIFICATE_FIELD, empty);
    // No booked day to be absent from: refused as usual, the empty file part ignored.
    expect(await submitPeriodRequest(t.commune.slug, null, absence)).toMatchObject({ ok: false });
    expect(await db().select().from(documents).where(eq(documents.householdId, t.mine.household.id))).toEqual([]);
  });

  it("is the family's only: an agent of the commune is refused", async () => {
    const t = await setUp();
    signInAs(await insertUser(db(), t.commune.id, "agent"), t.commune.slug);
    expect(await submitPeriodRequest(t.commune.slug, null, t.period())).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });
});

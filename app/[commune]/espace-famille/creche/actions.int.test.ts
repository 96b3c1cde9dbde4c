import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { children, documents, mailOutbox, nurseryApplications, requestEvents, requests } from "@/db/schema";
import { todayInParis } from "@/lib/clock";
import { insertDocumentsCommune, insertSubscribedFamily } from "@/lib/documents/test-fixtures";
import { NOT_SUBSCRIBED } from "@/lib/family-file/actions-messages";
import { addMonthsToDay } from "@/lib/nursery/deadlines";
import {
  CERTIFICATE_REQUIRED,
  CHILD_TOO_OLD,
  START_BEFORE_BIRTH,
  UNBORN_CHILD,
  UNKNOWN_STRUCTURE,
} from "@/lib/nursery/schemas";
import { createNurseryStructure } from "@/lib/nursery/structures";
import { addDays } from "@/lib/planning/days";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { withdrawMyRequest } from "../../mon-espace-citoyen/mes-demandes/actions";
import { changeNurseryApplication, confirmNurseryApplicationAction, sendNurseryApplication } from "./actions";

/*
 * Espace famille › Pré-inscription en crèche through its server actions: an application sent in one transaction
 * (request, application, history, certificate, mail), bad input writing nothing, and the household's own
 * applications only changed, confirmed or withdrawn — never another household's or another commune's.
 */

const database = setUpTestDatabase();
const db = () => database.db;

async function pdfFile(): Promise<File> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  return new File([new Uint8Array(await pdf.save())], "certificat.pdf", { type: "application/pdf" });
}

/** A commune with two structures, a subscribed family signed in, a second family; another commune with its own. */
async function setUp() {
  const t = await insertDocumentsCommune(db());
  const other = await insertSubscribedFamily(db(), t.commune.id);
  const elsewhere = await insertDocumentsCommune(db());
  const structure = (communeId: string, name: string) =>
    createNurseryStructure(db(), {
      communeId,
      actorUserId: null,
      name,
      kind: "multi_accueil",
      capacities: { bebes: 2, moyens: 2, grands: 2 },
    });
  const loups = await structure(t.commune.id, "Multi-accueil Les Petits Loups");
  const lucioles = await structure(t.commune.id, "Crèche familiale Les Lucioles");
  const farAway = await structure(elsewhere.commune.id, "Crèche d'Autreville");
  signInAs(t.family, t.commune.slug);
  return { ...t, other, elsewhere, loups, lucioles, farAway };
}
type Setup = Awaited<ReturnType<typeof setUp>>;

const today = () => todayInParis();

/** The form as the last step posts it: a child to be born, regular care on Monday and Tuesday. */
function applicationForm(t: Setup, overrides: Record<string, string | undefined> = {}, certificate?: File) {
  const data = formData({
    householdId: t.householdId,
    "guardians.0.guardianId": t.guardian.id,
    "guardians.0.situation": "en_activite",
    "guardians.0.employer": "Boulangerie du centre",
    "guardians.1.guardianId": t.secondGuardian.id,
    "guardians.1.situation": "conge_parental",
    child: UNBORN_CHILD,
    expectedBirthOn: addDays(today(), 60),
    unbornFirstName: "Lina",
    careType: "regulier",
    "days.0.selected": "on",
    "days.0.start": "08:00",
    "days.0.end": "17:30",
    "days.1.selected": "on",
    "days.1.start": "08:30",
    "days.1.end": "16:00",
    "days.2.start": "08:30",
    "days.2.end": "17:30",
    desiredStartOn: addMonthsToDay(today(), 6),
    choice1: t.loups,
    choice2: t.lucioles,
    comment: "Nous habitons près des Lucioles.",
    ...overrides,
  });
  if (certificate) data.append("certificate", certificate);
  return data;
}

async function redirectOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  const digest = String((error as { digest?: string } | null)?.digest ?? "");
  expect(digest).toMatch(/^NEXT_REDIRECT/);
  return digest.split(";")[2]!;
}

const applicationsOf = (householdId: string) =>
  db().select().from(nurseryApplications).where(eq(nurseryApplications.householdId, householdId));
const requestsOf = (householdId: string) => db().select().from(requests).where(eq(requests.householdId, householdId));

async function sent(t: Setup) {
  await redirectOf(sendNurseryApplication(t.commune.slug, null, applicationForm(t, {}, await pdfFile())));
  const [application] = await applicationsOf(t.householdId);
  return application!;
}

describe("sendNurseryApplication", () => {
  it("records the request, the application, its history, the certificate and the acknowledgement at once", async () => {
    const t = await setUp();
    const to = await redirectOf(sendNurseryApplication(t.commune.slug, null, applicationForm(t, {}, await pdfFile())));
    expect(to).toBe(`/${t.commune.slug}/espace-famille/creche?famille=${t.householdId}&envoyee=1`);

    const [request] = await requestsOf(t.householdId);
    expect(request).toMatchObject({
      type: "nursery.application",
      status: "pending",
      targetType: "nursery_application",
      createdByUserId: t.family.id,
    });
    expect(request!.reference).toMatch(/^D\d{4}-\d{6}$/);
    expect(request!.subject).toContain("Lina");
    expect(request!.subject).toContain("naissance prévue le");

    const [application] = await applicationsOf(t.householdId);
    expect(application).toMatchObject({
      id: request!.targetId,
      communeId: t.commune.id,
      requestId: request!.id,
      childId: null,
      expectedBirthOn: addDays(today(), 60),
      unbornFirstName: "Lina",
      unbornLastName: t.household.name,
      careType: "regulier",
      ageGroup: "bebes",
      status: "submitted",
      wishedStructureIds: [t.loups, t.lucioles],
      comment: "Nous habitons près des Lucioles.",
      confirmationReminderSentAt: null,
    });
    expect(application!.schedule).toEqual([
      { weekday: 1, start: "08:00", end: "17:30" },
      { weekday: 2, start: "08:30", end: "16:00" },
    ]);
    expect(application!.guardianSituations).toEqual([
      {
        guardianId: t.guardian.id,
        name: `Claire ${t.household.name}`,
        situation: "En activité",
        employer: "Boulangerie du centre",
      },
      {
        guardianId: t.secondGuardian.id,
        name: `Paul ${t.household.name}`,
        situation: "Congé parental",
        employer: null,
      },
    ]);

    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, request!.id));
    expect(events.map((e) => e.kind).sort()).toEqual(["created", "transmitted"]);
    const [certificate] = await db().select().from(documents).where(eq(documents.requestId, request!.id));
    expect(certificate).toMatchObject({
      householdId: t.householdId,
      typeId: t.types.certificat_grossesse,
      state: "pending",
    });
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.communeId, t.commune.id));
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      [t.family.email, `Votre pré-inscription en crèche a bien été reçue (${request!.reference})`],
    ]);
  });

  it("takes a child of the file under 4 at the start date, and refuses an older one at the start date", async () => {
    const t = await setUp();
    const [baby] = await db()
      .insert(children)
      .values({
        communeId: t.commune.id,
        householdId: t.householdId,
        lastName: t.household.name,
        firstName: "Noé",
        birthDate: addMonthsToDay(today(), -10),
        sex: "M",
      })
      .returning();
    const form = { child: baby!.id, expectedBirthOn: "", unbornFirstName: "", careType: "occasionnel" };
    await redirectOf(sendNurseryApplication(t.commune.slug, null, applicationForm(t, form)));
    const [application] = await applicationsOf(t.householdId);
    expect(application).toMatchObject({ childId: baby!.id, ageGroup: "moyens", schedule: [], expectedBirthOn: null });

    // Léa of the fixture was born in 2017: too old, whatever the form was made to offer.
    const refused = await sendNurseryApplication(
      t.commune.slug,
      null,
      applicationForm(t, { ...form, child: t.child.id }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { desiredStartOn: [CHILD_TOO_OLD] } });
    expect(await applicationsOf(t.householdId)).toHaveLength(1);
  });

  it("writes nothing on bad input, and says why at the field", async () => {
    const t = await setUp();
    const cases: [Record<string, string | undefined>, string, string][] = [
      [{}, "certificate", CERTIFICATE_REQUIRED],
      [{ desiredStartOn: addDays(today(), 30) }, "desiredStartOn", START_BEFORE_BIRTH],
      [
        { desiredStartOn: addDays(today(), -1) },
        "desiredStartOn",
        "La date d'entrée souhaitée ne peut pas être passée.",
      ],
      [{ choice1: t.farAway }, "choice1", UNKNOWN_STRUCTURE],
      [{ choice2: t.loups }, "choice2", "Choisissez une structure différente des autres choix."],
      [
        { "guardians.1.guardianId": t.other.guardian.id },
        "guardians",
        "Indiquez la situation de chaque responsable du dossier.",
      ],
      [{ "days.0.start": "06:00" }, "days.0.start", "L'heure d'arrivée doit être entre 07:30 et 18:30."],
      [{ "days.1.end": "08:00" }, "days.1.end", "L'heure de départ doit suivre l'heure d'arrivée."],
      [{ child: t.other.child.id }, "child", "Choisissez l'enfant."],
    ];
    for (const [overrides, field, message] of cases) {
      const certificate = field === "certificate" ? undefined : await pdfFile();
      const result = await sendNurseryApplication(t.commune.slug, null, applicationForm(t, overrides, certificate));
      expect(result, field).toMatchObject({ ok: false });
      expect(result && !result.ok && result.fieldErrors[field], JSON.stringify(overrides)).toEqual([message]);
    }
    expect(await requestsOf(t.householdId)).toEqual([]);
    expect(await applicationsOf(t.householdId)).toEqual([]);
    expect(await db().select().from(documents).where(eq(documents.householdId, t.householdId))).toEqual([]);
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.communeId, t.commune.id))).toEqual([]);
  });

  it("refuses a household the account is not subscribed to", async () => {
    const t = await setUp();
    const result = await sendNurseryApplication(
      t.commune.slug,
      null,
      applicationForm(t, { householdId: t.other.householdId }, await pdfFile()),
    );
    expect(result).toMatchObject({ ok: false, message: NOT_SUBSCRIBED });
    expect(await applicationsOf(t.other.householdId)).toEqual([]);
  });
});

describe("the family's changes to its application", () => {
  it("changes, confirms and withdraws its own application while open", async () => {
    const t = await setUp();
    const application = await sent(t);
    const target = { householdId: t.householdId, applicationId: application.id };

    // Changed without a new certificate: the one sent with the request still counts.
    const change = applicationForm(t, { applicationId: application.id, careType: "urgence", choice2: "" });
    expect(await redirectOf(changeNurseryApplication(t.commune.slug, null, change))).toBe(
      `/${t.commune.slug}/espace-famille/creche/${application.id}`,
    );
    const [changed] = await applicationsOf(t.householdId);
    expect(changed).toMatchObject({ careType: "urgence", schedule: [], wishedStructureIds: [t.loups] });

    await db()
      .update(nurseryApplications)
      .set({
        confirmedAt: new Date("2026-01-01T10:00:00Z"),
        confirmationReminderSentAt: new Date("2026-03-20T10:00:00Z"),
      })
      .where(eq(nurseryApplications.id, application.id));
    expect(await confirmNurseryApplicationAction(t.commune.slug, null, formData(target))).toMatchObject({ ok: true });
    const [confirmed] = await applicationsOf(t.householdId);
    expect(confirmed!.confirmedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(confirmed!.confirmationReminderSentAt).toBeNull();

    const withdrawal = formData({ householdId: t.householdId, requestId: application.requestId });
    expect(await withdrawMyRequest(t.commune.slug, null, withdrawal)).toMatchObject({ ok: true });
    const [withdrawn] = await applicationsOf(t.householdId);
    expect(withdrawn!.status).toBe("withdrawn");
    const [request] = await requestsOf(t.householdId);
    expect(request!.status).toBe("withdrawn");
    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, request!.id));
    expect(events.map((e) => [e.kind, e.message])).toEqual(
      expect.arrayContaining([
        ["updated", "Demande modifiée par la famille"],
        ["updated", "Demande confirmée"],
        ["withdrawn", null],
      ]),
    );

    // Closed now: nothing more.
    expect(await confirmNurseryApplicationAction(t.commune.slug, null, formData(target))).toMatchObject({ ok: false });
    expect(await withdrawMyRequest(t.commune.slug, null, withdrawal)).toMatchObject({ ok: false });
    expect(await changeNurseryApplication(t.commune.slug, null, change)).toMatchObject({ ok: false });
  });

  it("changes an application only while it waits for the commission", async () => {
    const t = await setUp();
    const application = await sent(t);
    await db()
      .update(nurseryApplications)
      .set({ status: "waiting_list", waitingRank: 3 })
      .where(eq(nurseryApplications.id, application.id));
    const change = applicationForm(t, { applicationId: application.id, careType: "urgence" });
    expect(await changeNurseryApplication(t.commune.slug, null, change)).toMatchObject({
      ok: false,
      message: "Cette demande a déjà été traitée par la commission : elle ne peut plus être modifiée.",
    });
    // Still confirmable on the waiting list.
    const target = formData({ householdId: t.householdId, applicationId: application.id });
    expect(await confirmNurseryApplicationAction(t.commune.slug, null, target)).toMatchObject({ ok: true });
  });

  it("never touches another household's or another commune's application", async () => {
    const t = await setUp();
    const application = await sent(t);
    const before = await applicationsOf(t.householdId);

    // The other family, signed in, names its own household and this application.
    signInAs(t.other.family, t.commune.slug);
    const forged = { householdId: t.other.householdId, applicationId: application.id };
    const forgedWithdrawal = { householdId: t.other.householdId, requestId: application.requestId };
    expect(await confirmNurseryApplicationAction(t.commune.slug, null, formData(forged))).toMatchObject({
      ok: false,
      message: "Demande introuvable.",
    });
    expect(await withdrawMyRequest(t.commune.slug, null, formData(forgedWithdrawal))).toMatchObject({
      ok: false,
      message: "Demande introuvable.",
    });
    const change = applicationForm(t, {
      householdId: t.other.householdId,
      applicationId: application.id,
      "guardians.0.guardianId": t.other.guardian.id,
      "guardians.1.guardianId": t.other.secondGuardian.id,
    });
    expect(await changeNurseryApplication(t.commune.slug, null, change)).toMatchObject({ ok: false });
    // …or the household of the application itself: not its subscription.
    const mine = { householdId: t.householdId, applicationId: application.id };
    expect(await confirmNurseryApplicationAction(t.commune.slug, null, formData(mine))).toMatchObject({
      ok: false,
      message: NOT_SUBSCRIBED,
    });

    // A family of another commune, through its own commune.
    const away = t.elsewhere;
    signInAs(away.family, away.commune.slug);
    const fromAway = { householdId: away.householdId, applicationId: application.id };
    expect(await confirmNurseryApplicationAction(away.commune.slug, null, formData(fromAway))).toMatchObject({
      ok: false,
      message: "Demande introuvable.",
    });
    const awayWithdrawal = { householdId: away.householdId, requestId: application.requestId };
    expect(await withdrawMyRequest(away.commune.slug, null, formData(awayWithdrawal))).toMatchObject({
      ok: false,
      message: "Demande introuvable.",
    });
    const awayChange = applicationForm(t, { householdId: away.householdId, applicationId: application.id });
    expect(await changeNurseryApplication(away.commune.slug, null, awayChange)).toMatchObject({ ok: false });
    // …or bound to this commune's slug: its session is not of this commune.
    expect(await confirmNurseryApplicationAction(t.commune.slug, null, formData(mine))).toMatchObject({ ok: false });

    expect(await applicationsOf(t.householdId)).toEqual(before);
    const [request] = await requestsOf(t.householdId);
    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, request!.id));
    expect(events).toHaveLength(2);
  });

  it("withdraws the application when Mes demandes withdraws its request", async () => {
    const t = await setUp();
    const application = await sent(t);
    const [request] = await requestsOf(t.householdId);
    expect(
      await withdrawMyRequest(t.commune.slug, null, formData({ householdId: t.householdId, requestId: request!.id })),
    ).toMatchObject({ ok: true });
    const [withdrawn] = await applicationsOf(t.householdId);
    expect(withdrawn).toMatchObject({ id: application.id, status: "withdrawn" });
    const [after] = await requestsOf(t.householdId);
    expect(after!.status).toBe("withdrawn");
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  activities,
  auditLog,
  bookings,
  type Commune,
  children,
  closureDays,
  enrolments,
  type User,
} from "@/db/schema";
import { listActivities } from "@/lib/activities/activities";
import { listClosurePeriods } from "@/lib/activities/closures";
import { listEnrolments, searchChildren } from "@/lib/activities/enrolments";
import { insertActivity } from "@/lib/bookings/test-fixtures";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { redirectTarget } from "@/lib/households/demo-fixture";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import {
  addClosuresAction,
  createEnrolmentAction,
  removeClosuresAction,
  saveActivityAction,
  updateEnrolmentAction,
} from "./actions";

const database = setUpTestDatabase();

let town: Commune;
let other: Commune;
let agent: User;
let family: Awaited<ReturnType<typeof insertFamily>>;
let foreign: Awaited<ReturnType<typeof insertFamily>>;
let foreignActivity: Awaited<ReturnType<typeof insertActivity>>;

beforeAll(async () => {
  town = await insertCommune(database.db);
  other = await insertCommune(database.db);
  family = await insertFamily(database.db, town.id, "MARTIN");
  agent = family.agent;
  foreign = await insertFamily(database.db, other.id, "PETIT");
  foreignActivity = await insertActivity(database.db, other.id, { name: "Cantine d'ailleurs", capacity: 2 });
});

const validActivity = {
  code: "1",
  name: "Péri MATIN",
  facility: "École Jules Ferry",
  category: "periscolaire",
  weekdays: ["1", "2", "4", "5"],
  startTime: "07:30",
  endTime: "08:05",
  color: "#1D4ED8",
  capacity: "20",
  bookingDeadlineDays: "2",
  bookingDeadlineTime: "10:00",
  cancellationDeadlineDays: "1",
  cancellationDeadlineTime: "18:00",
  deadlineDaysKind: "working",
  lateAbsenceBilled: true,
};

const auditOf = (targetId: string) => database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
const rowOf = async (id: string) => (await database.db.select().from(activities).where(eq(activities.id, id)))[0]!;

describe("activities", () => {
  it("are created by an agent, with their rules, and audited", async () => {
    signInAs(agent, town.slug);
    const target = await redirectTarget(saveActivityAction(town.slug, null, formData(validActivity)));
    const id = /\/agent\/activites\/([0-9a-f-]{36})\?creee=1$/.exec(target)![1]!;
    expect(await rowOf(id)).toMatchObject({
      communeId: town.id,
      code: "1",
      weekdays: [1, 2, 4, 5],
      color: "#1d4ed8",
      capacity: 20,
      cancellationDeadlineDays: 1,
      cancellationDeadlineTime: "18:00",
      lateAbsenceBilled: true,
      autoAccept: false,
    });
    expect(await auditOf(id)).toMatchObject([
      { action: "activity.created", actorUserId: agent.id, targetType: "activity" },
    ]);
  });

  it("refuse wrong settings with a French message on each field, and write nothing", async () => {
    signInAs(agent, town.slug);
    const before = (await listActivities(database.db, { communeId: town.id })).length;
    const result = await saveActivityAction(
      town.slug,
      null,
      formData({
        ...validActivity,
        weekdays: undefined,
        startTime: "7h30",
        capacity: "-1",
        bookingDeadlineDays: "31",
        cancellationDeadlineTime: "24:00",
        color: "bleu",
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        weekdays: ["Cochez au moins un jour de la semaine."],
        startTime: ["L'heure de début doit être au format HH:mm, par exemple 07:30."],
        capacity: ["La capacité doit être un nombre entier positif ou nul (laissez vide si illimitée)."],
        bookingDeadlineDays: ["Le délai de réservation doit être compris entre 0 et 30 jours."],
        cancellationDeadlineTime: ["L'heure limite d'absence doit être au format HH:mm, par exemple 07:30."],
        color: ["La couleur doit être au format #RRGGBB, par exemple #1d4ed8."],
      },
    });
    const reversed = await saveActivityAction(
      town.slug,
      null,
      formData({ ...validActivity, startTime: "12:00", endTime: "11:30" }),
    );
    expect(reversed).toMatchObject({
      ok: false,
      fieldErrors: { endTime: ["L'heure de fin doit être après l'heure de début."] },
    });
    expect(await listActivities(database.db, { communeId: town.id })).toHaveLength(before);
  });

  it("take an empty capacity as unlimited", async () => {
    signInAs(agent, town.slug);
    const target = await redirectTarget(
      saveActivityAction(town.slug, null, formData({ ...validActivity, code: "", name: "Étude", capacity: "" })),
    );
    expect(await rowOf(target.split("/").at(-1)!.split("?")[0]!)).toMatchObject({ code: "", capacity: null });
  });

  it("are refused to a family account", async () => {
    signInAs(family.family, town.slug);
    expect(await saveActivityAction(town.slug, null, formData(validActivity))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });

  it("are updated with the changed fields in the audit trail; an unchanged form writes nothing", async () => {
    const activity = await insertActivity(database.db, town.id);
    signInAs(agent, town.slug);
    const form = {
      ...validActivity,
      activityId: activity.id,
      name: activity.name,
      code: activity.code,
      capacity: "3",
      archived: true,
    };
    expect(await saveActivityAction(town.slug, null, formData(form))).toMatchObject({ ok: true });
    expect(await rowOf(activity.id)).toMatchObject({ capacity: 3, archived: true, cancellationDeadlineDays: 1 });
    const [audit] = await auditOf(activity.id);
    expect(audit).toMatchObject({ action: "activity.updated" });
    expect((audit!.details as { changes: { field: string }[] }).changes.map((c) => c.field)).toEqual(
      expect.arrayContaining([
        "capacity",
        "archived",
        "cancellationDeadlineDays",
        "cancellationDeadlineTime",
        "lateAbsenceBilled",
      ]),
    );
    expect(await saveActivityAction(town.slug, null, formData(form))).toMatchObject({ ok: true });
    expect(await auditOf(activity.id)).toHaveLength(1);
  });

  it("are listed by code, those without a code then the archived ones last", async () => {
    const place = await insertCommune(database.db);
    for (const [code, name, archived] of [
      ["", "Étude", false],
      ["10", "Stage", false],
      ["2", "Repas", true],
      ["2", "Cantine", false],
    ] as const) {
      await insertActivity(database.db, place.id, { code, name, archived });
    }
    expect((await listActivities(database.db, { communeId: place.id })).map((a) => a.name)).toEqual([
      "Cantine",
      "Stage",
      "Étude",
      "Repas",
    ]);
  });

  it("of another commune are not found and stay unchanged", async () => {
    signInAs(agent, town.slug);
    const result = await saveActivityAction(
      town.slug,
      null,
      formData({ ...validActivity, activityId: foreignActivity.id }),
    );
    expect(result).toMatchObject({ ok: false, message: "Activité introuvable." });
    expect(await rowOf(foreignActivity.id)).toMatchObject({ name: "Cantine d'ailleurs", capacity: 2 });
    expect(await auditOf(foreignActivity.id)).toHaveLength(0);
  });
});

describe("closure days", () => {
  it("close one day for the whole commune or a period for one activity, shown as periods", async () => {
    const activity = await insertActivity(database.db, town.id, { code: "7", name: "Mercredi loisirs" });
    signInAs(agent, town.slug);
    expect(
      await addClosuresAction(
        town.slug,
        null,
        formData({ from: "2031-11-11", kind: "public_holiday", label: "Armistice" }),
      ),
    ).toEqual({
      ok: true,
      message: "1 jour de fermeture ajouté.",
    });
    expect(
      await addClosuresAction(
        town.slug,
        null,
        formData({
          activityId: activity.id,
          from: "2031-10-20",
          to: "2031-10-24",
          kind: "school_holiday",
          label: "Toussaint",
        }),
      ),
    ).toEqual({ ok: true, message: "5 jours de fermeture ajoutés." });

    const periods = await listClosurePeriods(database.db, { communeId: town.id, from: "2031-01-01" });
    expect(periods).toMatchObject([
      {
        from: "2031-10-20",
        to: "2031-10-24",
        kind: "school_holiday",
        label: "Toussaint",
        activityId: activity.id,
        activityLabel: "7/Mercredi loisirs",
      },
      {
        from: "2031-11-11",
        to: "2031-11-11",
        kind: "public_holiday",
        label: "Armistice",
        activityId: null,
        activityLabel: null,
      },
    ]);
    expect(periods[0]!.closureIds).toHaveLength(5);
    expect(await auditOf(activity.id)).toMatchObject([
      { action: "closure.added", details: { from: "2031-10-20", to: "2031-10-24", days: 5 } },
    ]);
  });

  it("keep days already closed and warn about bookings on the newly closed days", async () => {
    const activity = await insertActivity(database.db, town.id);
    await database.db.insert(bookings).values({
      communeId: town.id,
      householdId: family.householdId,
      childId: family.child.id,
      activityId: activity.id,
      date: "2031-12-02",
      status: "booked",
    });
    signInAs(agent, town.slug);
    await addClosuresAction(
      town.slug,
      null,
      formData({ activityId: activity.id, from: "2031-12-01", kind: "closure", label: "Travaux" }),
    );
    const result = await addClosuresAction(
      town.slug,
      null,
      formData({
        activityId: activity.id,
        from: "2031-12-01",
        to: "2031-12-03",
        kind: "closure",
        label: "Travaux",
      }),
    );
    expect(result).toEqual({
      ok: true,
      message:
        "2 jours de fermeture ajoutés. 1 jour était déjà fermé. Attention : 1 réservation ou demande existe ces jours-là ; elles ne sont pas annulées automatiquement.",
    });
    expect(
      await addClosuresAction(
        town.slug,
        null,
        formData({ activityId: activity.id, from: "2031-12-02", kind: "closure", label: "Travaux" }),
      ),
    ).toMatchObject({
      ok: false,
      message: "Ces jours sont déjà fermés : aucune fermeture n'a été ajoutée.",
    });
  });

  it("refuse a wrong period and another commune's activity, writing nothing", async () => {
    signInAs(agent, town.slug);
    const count = async () =>
      (await database.db.select().from(closureDays).where(eq(closureDays.communeId, town.id))).length;
    const before = await count();
    expect(
      await addClosuresAction(
        town.slug,
        null,
        formData({ from: "2031-05-10", to: "2031-05-01", kind: "closure", label: "Pont" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { to: ["La date de fin doit être postérieure ou égale à la date de début."] },
    });
    expect(
      await addClosuresAction(town.slug, null, formData({ from: "2031-02-30", kind: "bogus", label: "" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        from: ["La date de début doit être une date valide (jj/mm/aaaa)."],
        kind: ["Choisissez le type de fermeture."],
        label: ["Le libellé est obligatoire."],
      },
    });
    expect(
      await addClosuresAction(
        town.slug,
        null,
        formData({ from: "2031-01-01", to: "2032-06-01", kind: "closure", label: "Trop long" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { to: ["Une période de fermeture ne peut pas dépasser 366 jours."] },
    });
    expect(
      await addClosuresAction(
        town.slug,
        null,
        formData({ activityId: foreignActivity.id, from: "2031-05-01", kind: "closure", label: "Pont" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { activityId: ["Activité introuvable."] } });
    expect(await count()).toBe(before);
    expect(await database.db.select().from(closureDays).where(eq(closureDays.communeId, other.id))).toHaveLength(0);
  });

  it("are removed by period; another commune's ids are left alone", async () => {
    signInAs(agent, town.slug);
    const [toussaint] = (await listClosurePeriods(database.db, { communeId: town.id, from: "2031-01-01" })).filter(
      (p) => p.label === "Toussaint",
    );
    expect(await removeClosuresAction(town.slug, null, formData({ closureIds: toussaint!.closureIds }))).toEqual({
      ok: true,
      message: "Fermeture supprimée (5 jours).",
    });
    expect(
      (await listClosurePeriods(database.db, { communeId: town.id, from: "2031-01-01" })).map((p) => p.label),
    ).not.toContain("Toussaint");
    expect(await auditOf(toussaint!.activityId!)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: "closure.removed" })]),
    );

    const [foreignClosure] = await database.db
      .insert(closureDays)
      .values({ communeId: other.id, date: "2031-07-14", kind: "public_holiday", label: "Fête nationale" })
      .returning();
    expect(await removeClosuresAction(town.slug, null, formData({ closureIds: [foreignClosure!.id] }))).toMatchObject({
      ok: false,
      message: "Cette fermeture n'existe plus.",
    });
    expect(await database.db.select().from(closureDays).where(eq(closureDays.id, foreignClosure!.id))).toHaveLength(1);
  });
});

describe("enrolments", () => {
  it("find children by first, last or family name within the commune only", async () => {
    const names = async (query: string) =>
      (await searchChildren(database.db, { communeId: town.id, query })).map((c) => `${c.firstName} ${c.lastName}`);
    expect(await names("léa")).toEqual(["Léa MARTIN"]);
    expect(await names("martin")).toEqual(["Léa MARTIN"]);
    expect(await names("PETIT")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("")).toEqual([]);
  });

  it("enrol a child over a period, refuse an overlapping one, and change state or period", async () => {
    const activity = await insertActivity(database.db, town.id);
    signInAs(agent, town.slug);
    const enrol = (fields: Record<string, string>) =>
      createEnrolmentAction(
        town.slug,
        null,
        formData({ activityId: activity.id, childId: family.child.id, status: "active", ...fields }),
      );

    expect(await enrol({ startsOn: "2031-09-01", endsOn: "2032-07-04" })).toEqual({
      ok: true,
      message: "L'inscription du 01/09/2031 au 04/07/2032 a été enregistrée.",
    });
    expect(await enrol({ startsOn: "2032-07-01", endsOn: "2032-08-31" })).toMatchObject({
      ok: false,
      fieldErrors: { startsOn: ["L'enfant est déjà inscrit à cette activité sur une partie de cette période."] },
    });
    expect(await enrol({ startsOn: "2031-09-01", endsOn: "2031-08-01" })).toMatchObject({
      ok: false,
      fieldErrors: { endsOn: ["La date de fin doit être postérieure ou égale à la date de début."] },
    });

    const [line] = await listEnrolments(database.db, { communeId: town.id, activityId: activity.id });
    expect(line).toMatchObject({
      childName: "Léa MARTIN",
      householdName: "MARTIN",
      startsOn: "2031-09-01",
      endsOn: "2032-07-04",
      status: "active",
    });
    expect(await auditOf(line!.id)).toMatchObject([
      { action: "enrolment.created", details: { householdId: family.householdId } },
    ]);

    expect(
      await updateEnrolmentAction(
        town.slug,
        null,
        formData({ enrolmentId: line!.id, startsOn: "2031-09-01", endsOn: "2032-06-30", status: "waiting" }),
      ),
    ).toEqual({
      ok: true,
      message: "L'inscription a été modifiée.",
    });
    expect(await listEnrolments(database.db, { communeId: town.id, activityId: activity.id })).toMatchObject([
      { endsOn: "2032-06-30", status: "waiting" },
    ]);
    expect(await auditOf(line!.id)).toHaveLength(2);
  });

  it("never reach a child, activity or enrolment of another commune", async () => {
    const activity = await insertActivity(database.db, town.id);
    const [foreignEnrolment] = await database.db
      .insert(enrolments)
      .values({
        communeId: other.id,
        householdId: foreign.householdId,
        childId: foreign.child.id,
        activityId: foreignActivity.id,
        startsOn: "2031-09-01",
        endsOn: "2032-07-04",
      })
      .returning();
    signInAs(agent, town.slug);
    const period = { startsOn: "2031-09-01", endsOn: "2032-07-04", status: "active" };
    expect(
      await createEnrolmentAction(
        town.slug,
        null,
        formData({ activityId: activity.id, childId: foreign.child.id, ...period }),
      ),
    ).toMatchObject({
      ok: false,
      message: "Enfant introuvable.",
    });
    expect(
      await createEnrolmentAction(
        town.slug,
        null,
        formData({ activityId: foreignActivity.id, childId: family.child.id, ...period }),
      ),
    ).toMatchObject({
      ok: false,
      message: "Activité introuvable.",
    });
    expect(
      await updateEnrolmentAction(
        town.slug,
        null,
        formData({ enrolmentId: foreignEnrolment!.id, ...period, status: "waiting" }),
      ),
    ).toMatchObject({
      ok: false,
      message: "Inscription introuvable.",
    });
    expect(
      await database.db
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.childId, foreign.child.id))),
    ).toMatchObject([{ status: "active" }]);
    expect(await database.db.select().from(enrolments).where(eq(enrolments.activityId, activity.id))).toHaveLength(0);
    expect(await database.db.select().from(children).where(eq(children.communeId, other.id))).toHaveLength(1);
  });
});

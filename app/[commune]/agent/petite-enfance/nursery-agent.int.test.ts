import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, nurseryApplications, nurseryCapacities, nurserySettings, nurseryStructures } from "@/db/schema";
import { insertHouseholdApplication, insertNurseryTown } from "@/lib/nursery/agent-fixtures";
import { insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import {
  createNurseryStructureAction,
  decideCommissionAction,
  saveNurserySettingsAction,
  updateNurseryStructureAction,
} from "./actions";

/*
 * The town side's actions: the commission's form as the browser posts it (flat fields), its refusals at the rows;
 * the settings for admins only, another commune's structure refused, bad input refused at its field with nothing
 * written.
 */

const database = setUpTestDatabase();
const db = () => database.db;
const NO_ACCESS = "Vous n'avez pas accès à cette action.";

const offerRow = (index: number, applicationId: string, seen: string, structureId: string) => ({
  [`decisions.${index}.applicationId`]: applicationId,
  [`decisions.${index}.seen`]: seen,
  [`decisions.${index}.decision`]: "offer",
  [`decisions.${index}.structureId`]: structureId,
  [`decisions.${index}.startOn`]: "2030-09-01",
  [`decisions.${index}.day1`]: true,
  [`decisions.${index}.start1`]: "08:00",
  [`decisions.${index}.end1`]: "17:30",
});

describe("decideCommissionAction", () => {
  it("records the posted decisions, and puts a refused row's reason at its decision with nothing written", async () => {
    const town = await insertNurseryTown(db());
    const { petitsLoups } = town.structures;
    const a = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const b = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const c = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    signInAs(town.agent, town.commune.slug);

    // Two offers for the one bébé place: the second row is refused, the refusal of the third not recorded either.
    const full = await decideCommissionAction(
      town.commune.slug,
      null,
      formData({
        commissionOn: "2027-01-11",
        ...offerRow(0, a.id, a.updatedAt.toISOString(), petitsLoups),
        ...offerRow(1, b.id, b.updatedAt.toISOString(), petitsLoups),
        "decisions.2.applicationId": c.id,
        "decisions.2.seen": c.updatedAt.toISOString(),
        "decisions.2.decision": "refuse",
        "decisions.2.reason": "Hors secteur.",
      }),
    );
    expect(full).toMatchObject({
      ok: false,
      fieldErrors: {
        "decisions.1.decision": [
          "Plus de place disponible pour Multi-accueil Les Petits Loups – Bébés (moins de 12 mois) (1 place).",
        ],
      },
    });
    const statuses = async () =>
      (
        await db()
          .select({ status: nurseryApplications.status })
          .from(nurseryApplications)
          .where(eq(nurseryApplications.communeId, town.commune.id))
      ).map((r) => r.status);
    expect(await statuses()).toEqual(["submitted", "submitted", "submitted"]);

    // A refusal without its reason, a schedule ending before it starts: refused at their fields.
    const bad = await decideCommissionAction(
      town.commune.slug,
      null,
      formData({
        commissionOn: "2027-01-11",
        ...offerRow(0, a.id, a.updatedAt.toISOString(), petitsLoups),
        "decisions.0.end1": "07:45",
        "decisions.1.applicationId": c.id,
        "decisions.1.seen": c.updatedAt.toISOString(),
        "decisions.1.decision": "refuse",
      }),
    );
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        "decisions.0.end1": ["L'heure de départ doit suivre l'heure d'arrivée."],
        "decisions.1.reason": ["Le motif du refus est obligatoire."],
      },
    });
    expect(await statuses()).toEqual(["submitted", "submitted", "submitted"]);

    const saved = await decideCommissionAction(
      town.commune.slug,
      null,
      formData({
        commissionOn: "2027-01-11",
        ...offerRow(0, a.id, a.updatedAt.toISOString(), petitsLoups),
        "decisions.1.applicationId": b.id,
        "decisions.1.seen": b.updatedAt.toISOString(),
        "decisions.1.decision": "none",
        "decisions.2.applicationId": c.id,
        "decisions.2.seen": c.updatedAt.toISOString(),
        "decisions.2.decision": "waiting",
        "decisions.2.rank": "2",
      }),
    );
    expect(saved).toEqual({
      ok: true,
      message:
        "Décisions enregistrées : 1 place proposée, 1 demande en liste d'attente. Les familles sont prévenues par mail.",
    });
    expect((await statuses()).sort()).toEqual(["offered", "submitted", "waiting_list"]);
  });

  it("is refused to a family account, and to an agent of another commune", async () => {
    const town = await insertNurseryTown(db());
    const other = await insertNurseryTown(db());
    const a = await insertHouseholdApplication(db(), {
      communeId: town.commune.id,
      structureIds: [town.structures.petitsLoups],
    });
    const form = () =>
      formData({
        commissionOn: "2027-01-11",
        ...offerRow(0, a.id, a.updatedAt.toISOString(), town.structures.petitsLoups),
      });
    signInAs(town.family, town.commune.slug, { secondFactor: "verified" });
    expect(await decideCommissionAction(town.commune.slug, null, form())).toMatchObject({
      ok: false,
      message: NO_ACCESS,
    });
    // Another commune's agent, through their own commune: the application is not found there.
    signInAs(other.agent, other.commune.slug);
    expect(await decideCommissionAction(other.commune.slug, null, form())).toMatchObject({
      ok: false,
      fieldErrors: { "decisions.0.decision": ["Cette demande est introuvable."] },
    });
    const [row] = await db().select().from(nurseryApplications).where(eq(nurseryApplications.id, a.id));
    expect(row!.status).toBe("submitted");
  });
});

describe("the settings' actions", () => {
  it("are for admins: a structure added and changed, the delays saved, each audited", async () => {
    const town = await insertNurseryTown(db());
    const admin = await insertUser(db(), town.commune.id, "admin");
    const places = { bebes: "2", moyens: "3", grands: "4" };

    signInAs(town.agent, town.commune.slug);
    expect(
      await createNurseryStructureAction(
        town.commune.slug,
        null,
        formData({ name: "Les Hirondelles", kind: "multi_accueil", ...places }),
      ),
    ).toMatchObject({ ok: false, message: NO_ACCESS });
    expect(
      await saveNurserySettingsAction(
        town.commune.slug,
        null,
        formData({ offerResponseDays: "5", confirmationMonths: "2" }),
      ),
    ).toMatchObject({ ok: false, message: NO_ACCESS });

    signInAs(admin, town.commune.slug);
    expect(
      await createNurseryStructureAction(
        town.commune.slug,
        null,
        formData({ name: "Les Hirondelles", kind: "micro_creche", ...places }),
      ),
    ).toEqual({ ok: true, message: "La structure « Les Hirondelles » a été ajoutée." });
    expect(
      await createNurseryStructureAction(
        town.commune.slug,
        null,
        formData({ name: "Les Hirondelles", kind: "micro_creche", ...places }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { name: ["Une structure s'appelle déjà « Les Hirondelles »."] } });
    expect(
      await createNurseryStructureAction(
        town.commune.slug,
        null,
        formData({ name: "Les Mésanges", kind: "micro_creche", ...places, bebes: "-1" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { bebes: ["Le nombre de places doit être un nombre entier entre 0 et 999."] },
    });
    const names = await db()
      .select({ name: nurseryStructures.name })
      .from(nurseryStructures)
      .where(eq(nurseryStructures.communeId, town.commune.id));
    expect(names.map((n) => n.name).sort()).toEqual([
      "Crèche familiale Les Lucioles",
      "Les Hirondelles",
      "Multi-accueil Les Petits Loups",
    ]);

    expect(
      await updateNurseryStructureAction(
        town.commune.slug,
        null,
        formData({ structureId: town.structures.lucioles, ...places, grands: "0" }),
      ),
    ).toEqual({ ok: true, message: "La structure a été enregistrée." });
    const [lucioles] = await db()
      .select()
      .from(nurseryStructures)
      .where(eq(nurseryStructures.id, town.structures.lucioles));
    expect(lucioles!.active).toBe(false);
    const [grands] = await db()
      .select()
      .from(nurseryCapacities)
      .where(
        and(eq(nurseryCapacities.structureId, town.structures.lucioles), eq(nurseryCapacities.ageGroup, "grands")),
      );
    expect(grands!.places).toBe(0);

    expect(
      await saveNurserySettingsAction(
        town.commune.slug,
        null,
        formData({ offerResponseDays: "61", confirmationMonths: "3" }),
      ),
    ).toMatchObject({
      ok: false,
      fieldErrors: { offerResponseDays: ["Le délai de réponse doit être un nombre entier entre 1 et 60."] },
    });
    expect(
      (
        await saveNurserySettingsAction(
          town.commune.slug,
          null,
          formData({ offerResponseDays: "5", confirmationMonths: "2" }),
        )
      )?.ok,
    ).toBe(true);
    const [settings] = await db().select().from(nurserySettings).where(eq(nurserySettings.communeId, town.commune.id));
    expect(settings).toMatchObject({ offerResponseDays: 5, confirmationMonths: 2 });
    const audits = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.communeId, town.commune.id), eq(auditLog.actorUserId, admin.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      "nursery.settings_changed",
      "nursery.structure_changed",
      "nursery.structure_created",
    ]);
  });

  it("refuse another commune's structure", async () => {
    const town = await insertNurseryTown(db());
    const other = await insertNurseryTown(db());
    const admin = await insertUser(db(), town.commune.id, "admin");
    signInAs(admin, town.commune.slug);
    expect(
      await updateNurseryStructureAction(
        town.commune.slug,
        null,
        formData({ structureId: other.structures.petitsLoups, active: true, bebes: "9", moyens: "9", grands: "9" }),
      ),
    ).toEqual({ ok: false, message: "Cette structure est introuvable.", fieldErrors: {} });
    const capacities = await db()
      .select({ places: nurseryCapacities.places })
      .from(nurseryCapacities)
      .where(eq(nurseryCapacities.structureId, other.structures.petitsLoups));
    expect(capacities.map((c) => c.places).sort()).toEqual([1, 2, 2]);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  activities,
  auditLog,
  type Commune,
  invoiceLines,
  invoiceNatures,
  invoices,
  regies,
  tariffs,
  type User,
} from "@/db/schema";
import { insertNature, insertRegie } from "@/lib/billing/testing-fixtures";
import { insertActivity } from "@/lib/bookings/test-fixtures";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { redirectTarget } from "@/lib/households/demo-fixture";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { saveNatureAction, saveRegieAction, saveTariffAction, setActivityNatureAction } from "./actions";

const database = setUpTestDatabase();

let town: Commune;
let other: Commune;
let admin: User;
let agent: User;
let family: User;
let otherAdmin: User;

beforeAll(async () => {
  const db = database.db;
  town = await insertCommune(db);
  other = await insertCommune(db);
  admin = await insertUser(db, town.id, "admin");
  agent = await insertUser(db, town.id, "agent");
  family = await insertUser(db, town.id, "family");
  otherAdmin = await insertUser(db, other.id, "admin");
});

const regieForm = (fields: Record<string, string> = {}) =>
  formData({
    name: "Régie enfance jeunesse",
    code: "ENF",
    payfipClientNumber: "",
    payfipMode: "T",
    payfipServiceUrl: "https://www.payfip.gouv.fr/tpa",
    dueDays: "20",
    treasuryDelayDays: "30",
    paymentInstructions: "Chèque à l'ordre du Trésor public.",
    treasuryContact: "Centre des finances publiques de Démo",
    ...fields,
  });

const auditOf = (targetId: string) => database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));

describe("régies", () => {
  it("an admin creates a régie (code in capitals) and lands on its page; the creation is audited", async () => {
    signInAs(admin, town.slug);
    const target = await redirectTarget(
      saveRegieAction(town.slug, null, regieForm({ code: "cant", payfipClientNumber: "012345" })),
    );
    const [regie] = await database.db
      .select()
      .from(regies)
      .where(and(eq(regies.communeId, town.id), eq(regies.code, "CANT")));
    expect(regie).toMatchObject({ name: "Régie enfance jeunesse", payfipClientNumber: "012345", dueDays: 20 });
    expect(target).toBe(`/${town.slug}/agent/facturation/parametres/regies/${regie!.id}?creee=1`);
    expect(await auditOf(regie!.id)).toMatchObject([
      { action: "billing.regie_created", actorUserId: admin.id, details: { code: "CANT" } },
    ]);
  });

  it("refuses a code another régie of the commune has, next to the field; another commune may use it", async () => {
    await insertRegie(database.db, { communeId: town.id, code: "PERI", name: "Régie PERI" });
    signInAs(admin, town.slug);
    expect(await saveRegieAction(town.slug, null, regieForm({ code: "peri" }))).toEqual({
      ok: false,
      message: "Le formulaire contient des erreurs. Corrigez les champs signalés.",
      fieldErrors: { code: ["Une autre régie de la commune a déjà le code PERI."] },
    });
    signInAs(otherAdmin, other.slug);
    expect(await redirectTarget(saveRegieAction(other.slug, null, regieForm({ code: "PERI" })))).toContain(
      `/${other.slug}/agent/facturation/parametres/regies/`,
    );
  });

  it("saves a régie's changes, and keeps its code once an invoice carries it", async () => {
    const regie = await insertRegie(database.db, { communeId: town.id, code: "SPORT", name: "Régie SPORT" });
    signInAs(admin, town.slug);
    const edit = (fields: Record<string, string>) =>
      saveRegieAction(town.slug, null, regieForm({ regieId: regie.id, name: "Régie sport", ...fields }));
    expect(await edit({ code: "SPO", dueDays: "15" })).toEqual({
      ok: true,
      message: "Les modifications de la régie ont été enregistrées.",
    });
    const household = await insertFamily(database.db, town.id);
    await database.db.insert(invoices).values({
      communeId: town.id,
      householdId: household.householdId,
      regieId: regie.id,
      emissionCode: "2026-10-SPO",
      reference: "F2026-000001",
      issuer: "Régie sport",
      issuedOn: "2026-11-02",
      dueOn: "2026-11-22",
      amountCents: 1000,
    });
    expect(await edit({ code: "SPX" })).toMatchObject({
      ok: false,
      fieldErrors: {
        code: ["Des factures portent déjà le code émission de cette régie : son code ne peut plus changer."],
      },
    });
    expect(await edit({ code: "SPO", dueDays: "15", treasuryDelayDays: "45" })).toMatchObject({ ok: true });
    const [saved] = await database.db.select().from(regies).where(eq(regies.id, regie.id));
    expect(saved).toMatchObject({ code: "SPO", name: "Régie sport", dueDays: 15, treasuryDelayDays: 45 });
    const audit = await auditOf(regie.id);
    expect(audit.map((a) => a.action)).toEqual(["billing.regie_updated", "billing.regie_updated"]);
  });

  it("saves PayFiP's mode and address (audited); a bad address is refused beside the field, nothing changed", async () => {
    const regie = await insertRegie(database.db, { communeId: town.id, code: "PAY", name: "Régie PAY" });
    signInAs(admin, town.slug);
    const edit = (fields: Record<string, string>) =>
      saveRegieAction(town.slug, null, regieForm({ regieId: regie.id, name: "Régie PAY", code: "PAY", ...fields }));
    expect(
      await edit({ payfipClientNumber: "012345", payfipMode: "X", payfipServiceUrl: "/simulateur-payfip/tpa/" }),
    ).toMatchObject({ ok: true });
    const saved = async () => (await database.db.select().from(regies).where(eq(regies.id, regie.id)))[0]!;
    expect(await saved()).toMatchObject({
      payfipClientNumber: "012345",
      payfipMode: "X",
      payfipServiceUrl: "/simulateur-payfip/tpa",
    });
    const [audit] = await auditOf(regie.id);
    expect(audit!.details).toMatchObject({
      changes: expect.arrayContaining([
        { field: "payfipMode", before: "T", after: "X" },
        { field: "payfipServiceUrl", before: "https://www.payfip.gouv.fr/tpa", after: "/simulateur-payfip/tpa" },
      ]),
    });
    expect(await edit({ payfipMode: "W", payfipServiceUrl: "http://payfip.example.fr/tpa" })).toMatchObject({
      ok: false,
      fieldErrors: {
        payfipServiceUrl: [expect.stringContaining("L'adresse du service PayFiP doit commencer par https://")],
      },
    });
    expect(await edit({ payfipMode: "W", payfipServiceUrl: "/simulateur-payfip/tpa" })).toMatchObject({
      ok: false,
      fieldErrors: { payfipServiceUrl: [expect.stringContaining("En mode Production")] },
    });
    expect(await edit({ payfipMode: "Z" })).toMatchObject({
      ok: false,
      fieldErrors: { payfipMode: ["Choisissez le mode PayFiP."] },
    });
    expect(await saved()).toMatchObject({ payfipMode: "X", payfipServiceUrl: "/simulateur-payfip/tpa" });
    expect(await auditOf(regie.id)).toHaveLength(1);
  });

  it("is for admins: an agent and a family are refused; another commune's régie is not found", async () => {
    const regie = await insertRegie(database.db, { communeId: town.id, code: "JEUN", name: "Régie JEUN" });
    for (const user of [agent, family]) {
      signInAs(user, town.slug);
      expect(await saveRegieAction(town.slug, null, regieForm({ code: "AGENT" }))).toEqual({
        ok: false,
        message: "Vous n'avez pas accès à cette action.",
        fieldErrors: {},
      });
    }
    signInAs(otherAdmin, other.slug);
    expect(await saveRegieAction(other.slug, null, regieForm({ regieId: regie.id, name: "Volée" }))).toEqual({
      ok: false,
      message: "Régie introuvable.",
      fieldErrors: {},
    });
    const [unchanged] = await database.db.select().from(regies).where(eq(regies.id, regie.id));
    expect(unchanged!.name).toBe("Régie JEUN");
    expect(await database.db.select().from(regies).where(eq(regies.code, "AGENT"))).toEqual([]);
  });
});

describe("natures", () => {
  it("an admin adds and renames a nature; a label is unique in the commune; the régie must be the commune's", async () => {
    const regie = await insertRegie(database.db, { communeId: town.id, code: "NAT", name: "Régie NAT" });
    const foreignRegie = await insertRegie(database.db, { communeId: other.id, code: "NAT", name: "Régie NAT" });
    signInAs(admin, town.slug);
    expect(
      await saveNatureAction(town.slug, null, formData({ label: "Restauration scolaire", regieId: regie.id })),
    ).toEqual({ ok: true, message: "La nature « Restauration scolaire » a été ajoutée." });
    const [nature] = await database.db
      .select()
      .from(invoiceNatures)
      .where(and(eq(invoiceNatures.communeId, town.id), eq(invoiceNatures.label, "Restauration scolaire")));
    // Left unticked: meals are not childcare in the attestation de frais de garde.
    expect(nature!.childcare).toBe(false);
    expect(
      await saveNatureAction(town.slug, null, formData({ label: "Restauration scolaire", regieId: regie.id })),
    ).toMatchObject({ ok: false, fieldErrors: { label: ["Une nature s'appelle déjà « Restauration scolaire »."] } });
    expect(
      await saveNatureAction(town.slug, null, formData({ label: "Séjours", regieId: foreignRegie.id })),
    ).toMatchObject({ ok: false, fieldErrors: { regieId: ["Choisissez une régie."] } });
    expect(
      await saveNatureAction(
        town.slug,
        null,
        formData({ natureId: nature!.id, label: "Restauration", regieId: regie.id, childcare: "on" }),
      ),
    ).toEqual({ ok: true, message: "La nature « Restauration » a été enregistrée." });
    const [renamed] = await database.db.select().from(invoiceNatures).where(eq(invoiceNatures.id, nature!.id));
    expect(renamed).toMatchObject({ label: "Restauration", childcare: true });
    expect((await auditOf(nature!.id)).map((a) => a.action)).toEqual([
      "billing.nature_created",
      "billing.nature_updated",
    ]);
    signInAs(agent, town.slug);
    expect(await saveNatureAction(town.slug, null, formData({ label: "Étude", regieId: regie.id }))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });
});

describe("an activity's nature", () => {
  it("an agent sets and removes it; another commune's activity or nature is refused; a family is refused", async () => {
    const regie = await insertRegie(database.db, { communeId: town.id, code: "ACT", name: "Régie ACT" });
    const nature = await insertNature(database.db, { communeId: town.id, regieId: regie.id, label: "Périscolaire" });
    const foreignRegie = await insertRegie(database.db, { communeId: other.id, code: "ACT", name: "Régie ACT" });
    const foreignNature = await insertNature(database.db, {
      communeId: other.id,
      regieId: foreignRegie.id,
      label: "Périscolaire",
    });
    const activity = await insertActivity(database.db, town.id);
    const foreignActivity = await insertActivity(database.db, other.id);
    const natureOf = async (id: string) =>
      (await database.db.select().from(activities).where(eq(activities.id, id)))[0]!.natureId;

    signInAs(agent, town.slug);
    expect(
      await setActivityNatureAction(town.slug, null, formData({ activityId: activity.id, natureId: nature.id })),
    ).toEqual({ ok: true, message: "La nature de facturation de l'activité a été enregistrée." });
    expect(await natureOf(activity.id)).toBe(nature.id);

    expect(
      await setActivityNatureAction(town.slug, null, formData({ activityId: foreignActivity.id, natureId: nature.id })),
    ).toEqual({ ok: false, message: "Activité introuvable.", fieldErrors: {} });
    expect(await natureOf(foreignActivity.id)).toBeNull();
    expect(
      await setActivityNatureAction(town.slug, null, formData({ activityId: activity.id, natureId: foreignNature.id })),
    ).toMatchObject({ ok: false, fieldErrors: { natureId: ["Nature introuvable."] } });
    expect(await natureOf(activity.id)).toBe(nature.id);

    expect(await setActivityNatureAction(town.slug, null, formData({ activityId: activity.id, natureId: "" }))).toEqual(
      {
        ok: true,
        message: "L'activité n'est plus facturée : elle sera signalée comme anomalie lors de la facturation.",
      },
    );
    expect(await natureOf(activity.id)).toBeNull();
    expect((await auditOf(activity.id)).map((a) => a.action)).toEqual([
      "billing.activity_nature_changed",
      "billing.activity_nature_changed",
    ]);

    signInAs(family, town.slug);
    expect(
      await setActivityNatureAction(town.slug, null, formData({ activityId: activity.id, natureId: nature.id })),
    ).toMatchObject({ ok: false, message: "Vous n'avez pas accès à cette action." });
    expect(await natureOf(activity.id)).toBeNull();
  });
});

describe("tariffs", () => {
  const tariffForm = (
    activityId: string,
    validFrom: string,
    prices: [string, string, string] = ["1,00", "2,60", "3,90"],
  ) =>
    formData({
      activityId,
      validFrom,
      defaultUnitPrice: "4,70",
      "brackets.0.upToQuotient": "500",
      "brackets.0.unitPrice": prices[0],
      "brackets.1.upToQuotient": "900",
      "brackets.1.unitPrice": prices[1],
      "brackets.2.unitPrice": prices[2],
    });
  const tariffsOf = (activityId: string) =>
    database.db.select().from(tariffs).where(eq(tariffs.activityId, activityId)).orderBy(tariffs.validFrom);

  it("an agent saves a tariff in cents; a new date adds one and leaves the old one as it was", async () => {
    const activity = await insertActivity(database.db, town.id);
    signInAs(agent, town.slug);
    expect(await saveTariffAction(town.slug, null, tariffForm(activity.id, "2025-09-01"))).toEqual({
      ok: true,
      message: "Le tarif applicable à partir du 01/09/2025 a été enregistré.",
    });
    expect(
      await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-09-01", ["1,05", "2,70", "4,05"])),
    ).toMatchObject({ ok: true });
    expect(await tariffsOf(activity.id)).toMatchObject([
      {
        communeId: town.id,
        validFrom: "2025-09-01",
        defaultUnitCents: 470,
        brackets: [
          { upToQuotient: 500, unitCents: 100 },
          { upToQuotient: 900, unitCents: 260 },
          { upToQuotient: null, unitCents: 390 },
        ],
        createdByUserId: agent.id,
      },
      { validFrom: "2026-09-01", brackets: [{ unitCents: 105 }, { unitCents: 270 }, { unitCents: 405 }] },
    ]);
  });

  it("corrects a tariff of the same date while nothing was invoiced with it, then refuses", async () => {
    const activity = await insertActivity(database.db, town.id);
    const household = await insertFamily(database.db, town.id);
    signInAs(agent, town.slug);
    await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-09-01"));
    expect(
      await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-09-01", ["1,10", "2,60", "3,90"])),
    ).toEqual({ ok: true, message: "Le tarif applicable à partir du 01/09/2026 a été corrigé." });
    expect(await tariffsOf(activity.id)).toMatchObject([{ brackets: [{ unitCents: 110 }, {}, {}] }]);
    const saved = (await auditOf(activity.id)).filter((a) => a.action === "billing.tariff_saved");
    expect(saved.at(-1)!.details).toMatchObject({ replaced: { brackets: [{ unitCents: 100 }, {}, {}] } });

    // September is invoiced with it: the tariff no longer changes, nor does one from a day of September.
    const [invoice] = await database.db
      .insert(invoices)
      .values({
        communeId: town.id,
        householdId: household.householdId,
        emissionCode: "2026-09-TST",
        reference: `F2026-${activity.id.slice(0, 6)}`,
        issuer: "Régie",
        issuedOn: "2026-10-01",
        dueOn: "2026-10-21",
        amountCents: 330,
      })
      .returning();
    await database.db.insert(invoiceLines).values({
      communeId: town.id,
      householdId: household.householdId,
      invoiceId: invoice!.id,
      childName: "Léa TEST",
      activityId: activity.id,
      activityLabel: "2/Repas Sco",
      month: "2026-09-01",
      kind: "slot",
      quantity: 3,
      unitCents: 110,
      amountCents: 330,
    });
    const refused = {
      ok: false,
      message: "Le formulaire contient des erreurs. Corrigez les champs signalés.",
      fieldErrors: {
        validFrom: [
          "Cette activité est déjà facturée pour septembre 2026 : un tarif ne peut pas changer le prix de jours déjà facturés. Choisissez une date de début après le dernier mois facturé.",
        ],
      },
    };
    expect(
      await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-09-01", ["9,99", "9,99", "9,99"])),
    ).toEqual(refused);
    expect(await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-09-15"))).toEqual(refused);
    expect(await tariffsOf(activity.id)).toMatchObject([
      { validFrom: "2026-09-01", brackets: [{ unitCents: 110 }, {}, {}] },
    ]);
    // From October on, a new tariff is fine.
    expect(await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-10-01"))).toMatchObject({ ok: true });
    // An earlier tariff whose window ends before the invoiced month is fine too.
    expect(await saveTariffAction(town.slug, null, tariffForm(activity.id, "2025-09-01"))).toMatchObject({ ok: true });
    expect((await tariffsOf(activity.id)).map((t) => t.validFrom)).toEqual(["2025-09-01", "2026-09-01", "2026-10-01"]);
  });

  it("puts the brackets' errors on their fields, refuses another commune's activity and a family", async () => {
    const activity = await insertActivity(database.db, town.id);
    const foreignActivity = await insertActivity(database.db, other.id);
    signInAs(agent, town.slug);
    const form = tariffForm(activity.id, "2026-09-01");
    form.set("brackets.1.upToQuotient", "400");
    form.set("brackets.2.unitPrice", "3,905");
    expect(await saveTariffAction(town.slug, null, form)).toMatchObject({
      ok: false,
      fieldErrors: {
        "brackets.1.upToQuotient": ["Les tranches doivent être croissantes : saisissez un quotient supérieur à 500."],
        "brackets.2.unitPrice": [
          "Le prix de la tranche doit avoir au plus deux chiffres après la virgule, par exemple 1,85.",
        ],
      },
    });
    expect(await saveTariffAction(town.slug, null, tariffForm(foreignActivity.id, "2026-09-01"))).toEqual({
      ok: false,
      message: "Activité introuvable.",
      fieldErrors: {},
    });
    signInAs(family, town.slug);
    expect(await saveTariffAction(town.slug, null, tariffForm(activity.id, "2026-09-01"))).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
    expect(await tariffsOf(activity.id)).toEqual([]);
    expect(await tariffsOf(foreignActivity.id)).toEqual([]);
  });
});

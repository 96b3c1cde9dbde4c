import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "./client";
import { type ActivityCategory, activities, invoiceNatures, regies, type TariffBracket, tariffs } from "./schema";

/*
 * The demo commune's billing settings: one régie, its natures, each activity's nature by category and a QF tariff
 * for the school year 2026-2027. Idempotent: rows are found by their unique keys, an activity's nature is set only
 * while it has none (an agent's choice is kept), a tariff of the same date is never rewritten.
 */

export const DEMO_REGIE = {
  name: "Régie enfance jeunesse",
  code: "ENF",
  // Online payment through the portal's own PayFiP simulator (no card is debited): the demo runs it offline.
  payfipClientNumber: "012345",
  payfipMode: "T",
  payfipServiceUrl: "/simulateur-payfip/tpa",
  dueDays: 20,
  treasuryDelayDays: 30,
  paymentInstructions:
    "Par chèque à l'ordre du Trésor public, déposé à l'accueil de la mairie ou envoyé à la Régie enfance jeunesse, " +
    "Mairie de Démo, 1 place de la Mairie, 38330 Démo, en rappelant la référence de la facture. " +
    "En espèces ou en CESU à l'accueil de la mairie, du lundi au vendredi de 8 h 30 à 12 h. " +
    "Par prélèvement automatique : demandez le mandat SEPA au service enfance.",
  treasuryContact:
    "Service de gestion comptable de Démo, 10 avenue de la République, 38330 Démo, tél. 04 76 00 00 10 : " +
    "les factures transmises en trésorerie se règlent auprès de lui.",
} as const;

/** The natures, and the activity categories each one invoices. */
const NATURE_BY_CATEGORY = {
  restauration: "Restauration scolaire",
  periscolaire: "Périscolaire",
  loisirs: "Accueil de loisirs",
  etude: "Étude",
  // Crèche places are billed by the hour on the CAF scale, outside the portal's invoicing runs for now.
} as const satisfies Partial<Record<ActivityCategory, string>>;

export const DEMO_NATURES = Object.values(NATURE_BY_CATEGORY);

/** School year 2026-2027, voted by the council: prices per day by quotient familial (CAF) bracket. */
export const DEMO_TARIFF_FROM = "2026-09-01";

const brackets = (up500: number, up900: number, up1300: number, above: number): TariffBracket[] => [
  { upToQuotient: 500, unitCents: up500 },
  { upToQuotient: 900, unitCents: up900 },
  { upToQuotient: 1300, unitCents: up1300 },
  { upToQuotient: null, unitCents: above },
];

/** By the demo activity's code (db/seed-planning.ts); the quotient unknown pays the highest bracket. */
const DEMO_TARIFFS: Record<string, TariffBracket[]> = {
  // 1/Péri MATIN (1 h).
  "1": brackets(60, 110, 160, 200),
  // 2/Repas Sco: "cantine à 1 €" up to QF 500.
  "2": brackets(100, 260, 390, 470),
  // 3/Péri SOIR (2 h).
  "3": brackets(90, 170, 240, 290),
  // 4/Étude surveillée.
  "4": [
    { upToQuotient: 700, unitCents: 50 },
    { upToQuotient: 1200, unitCents: 120 },
    { upToQuotient: null, unitCents: 185 },
  ],
  // 5/Mercredi Loisirs (the day, meal included).
  "5": brackets(450, 980, 1410, 1750),
};

/** The régie and its natures; returns the régie's id (for the demo's imported invoice). */
export async function seedBillingSettings(db: Db, params: { communeId: string }): Promise<string> {
  const { communeId } = params;
  await db
    .insert(regies)
    .values({ ...DEMO_REGIE, communeId })
    .onConflictDoNothing({ target: [regies.communeId, regies.code] });
  const [regie] = await db
    .select({ id: regies.id })
    .from(regies)
    .where(and(eq(regies.communeId, communeId), eq(regies.code, DEMO_REGIE.code)));
  await db
    .insert(invoiceNatures)
    .values(
      DEMO_NATURES.map((label) => ({
        communeId,
        regieId: regie!.id,
        label,
        childcare: label !== NATURE_BY_CATEGORY.restauration,
      })),
    )
    .onConflictDoNothing({ target: [invoiceNatures.communeId, invoiceNatures.label] });
  return regie!.id;
}

/** Once the demo's activities exist: each one's nature by category (while it has none) and its 2026-2027 tariff. */
export async function seedActivityTariffs(db: Db, params: { communeId: string }): Promise<void> {
  const { communeId } = params;
  const natures = await db
    .select({ id: invoiceNatures.id, label: invoiceNatures.label })
    .from(invoiceNatures)
    .where(and(eq(invoiceNatures.communeId, communeId), inArray(invoiceNatures.label, DEMO_NATURES)));
  const natureId = (label: string) => natures.find((n) => n.label === label)?.id;
  for (const [category, label] of Object.entries(NATURE_BY_CATEGORY)) {
    const id = natureId(label);
    if (!id) continue;
    await db
      .update(activities)
      .set({ natureId: id })
      .where(
        and(
          eq(activities.communeId, communeId),
          eq(activities.category, category as ActivityCategory),
          isNull(activities.natureId),
        ),
      );
  }
  const rows = await db
    .select({ id: activities.id, code: activities.code })
    .from(activities)
    .where(eq(activities.communeId, communeId));
  const values = rows.flatMap((activity) => {
    const tariff = DEMO_TARIFFS[activity.code];
    if (!tariff) return [];
    return [
      {
        communeId,
        activityId: activity.id,
        validFrom: DEMO_TARIFF_FROM,
        brackets: tariff,
        defaultUnitCents: Math.max(...tariff.map((b) => b.unitCents)),
      },
    ];
  });
  if (values.length)
    await db
      .insert(tariffs)
      .values(values)
      .onConflictDoNothing({ target: [tariffs.activityId, tariffs.validFrom] });
}

import { and, eq } from "drizzle-orm";
import { hashToken } from "@/lib/accounts/token-hash";
import { addConfirmedFactor } from "@/lib/auth/second-factor/store";
import { currentTime, todayInParis } from "@/lib/clock";
import { ensureDefaultDocumentTypes } from "@/lib/documents/types";
import type { Db } from "./client";
import { demo, demoFamilies, type FamilySet, familyCopy } from "./demo-data";
import { reviewDocumentsFamily } from "./demo-review-documents";
import { holdsNoCommune } from "./prepare";
import { accountTokens, communes, guardians, invoices } from "./schema";
import { DEMO_REGIE, seedActivityTariffs, seedBillingSettings } from "./seed-billing";
import { reserveImportedInvoiceNumber, seedInvoiceHistory } from "./seed-billing-history";
import { seedDemoDocuments } from "./seed-documents";
import { seedFamilyFile } from "./seed-family-file";
import { subscribe, upsertAccount, upsertHousehold } from "./seed-kit";
import { seedNursery } from "./seed-nursery";
import { seedPlanning } from "./seed-planning";
import { seedReviewDocuments } from "./seed-review-documents";
import { refreshPlannerStatistics } from "./statistics";

async function upsertCommune(db: Db, values: typeof communes.$inferInsert) {
  await db.insert(communes).values(values).onConflictDoNothing({ target: communes.slug });
  const [row] = await db.select().from(communes).where(eq(communes.slug, values.slug));
  // Its starting document types (Pièces justificatives); idempotent, like the rest of the seed.
  await ensureDefaultDocumentTypes(db, row!.id);
  return row!;
}

/** The household ids and the family account of one set of families, once seeded. */
interface SeededFamilySet {
  martin: string;
  familyUserId: string;
  durand: string;
}

/**
 * A set of the demo commune's families (the demo's own, or an end-to-end copy): MARTIN-like with its account,
 * subscribed, with its family file and requests; DURAND-like with no account; an account never activated whose
 * activation link has expired. Their planning comes with the commune's (seedPlanning).
 */
async function seedFamilySet(
  db: Db,
  scope: { communeId: string; agentUserId: string },
  set: FamilySet,
): Promise<SeededFamilySet> {
  const { communeId } = scope;
  const name = set.martin.name;
  const family = await upsertAccount(db, communeId, {
    ...set.martin.account,
    role: "family",
    civility: "MME",
    lastName: name,
    firstName: "Claire",
  });

  const waiting = await upsertAccount(db, communeId, {
    email: set.pending.email,
    password: set.pending.password,
    role: "family",
    civility: "M",
    lastName: "ROUX",
    firstName: "Marc",
    status: "pending",
  });
  await db
    .insert(accountTokens)
    .values({
      communeId,
      userId: waiting.id,
      purpose: "activation",
      tokenHash: hashToken(set.pending.token),
      expiresAt: new Date("2026-01-02T10:00:00Z"),
      createdAt: new Date("2026-01-01T10:00:00Z"),
    })
    .onConflictDoNothing();

  const address = { addressLine: "12 rue des Écoles", postcode: "38330", city: "Démo" };
  const martin = await upsertHousehold(
    db,
    communeId,
    { name, code: set.martin.code, familyQuotient: 780 },
    {
      guardians: [
        {
          rank: 1,
          civility: "MME",
          lastName: name,
          firstName: "Claire",
          quality: "Mère",
          familySituation: "Mariée",
          email: set.martin.account.email,
          mobilePhone: "06 12 34 56 78",
          ...address,
          isPayer: true,
          isBenefitRecipient: true,
          personalCode: "PC1357",
        },
        {
          rank: 2,
          civility: "M",
          lastName: name,
          firstName: "Julien",
          quality: "Père",
          familySituation: "Marié",
          email: `julien.${name.toLowerCase()}@example.fr`,
          mobilePhone: "06 98 76 54 32",
          ...address,
        },
      ],
      children: [
        {
          lastName: name,
          firstName: "Léa",
          birthDate: "2016-04-12",
          sex: "F",
          school: "École élémentaire Jules Ferry",
          schoolClass: "CM2",
        },
        {
          lastName: name,
          firstName: "Hugo",
          birthDate: "2018-09-30",
          sex: "M",
          school: "École élémentaire Jules Ferry",
          schoolClass: "CE2",
        },
        {
          lastName: name,
          firstName: "Zoé",
          birthDate: "2021-01-18",
          sex: "F",
          school: "École maternelle Les Tilleuls",
          schoolClass: "Moyenne section",
        },
      ],
    },
  );
  await subscribe(db, { communeId, userId: family.id, householdId: martin });
  await seedFamilyFile(db, { communeId, householdId: martin, familyUserId: family.id, agentUserId: scope.agentUserId });

  const durandName = set.durand.name;
  const durand = await upsertHousehold(
    db,
    communeId,
    { name: durandName, code: set.durand.code, familyQuotient: 1120 },
    {
      guardians: [
        {
          rank: 1,
          civility: "M",
          lastName: durandName,
          firstName: "Karim",
          quality: "Père",
          familySituation: "Pacsé",
          email: `karim.${durandName.toLowerCase()}@example.fr`,
          mobilePhone: "07 11 22 33 44",
          addressLine: "4 allée des Cerisiers",
          postcode: "38330",
          city: "Démo",
          isPayer: true,
          isBenefitRecipient: true,
          personalCode: demo.invoice.personalCode,
        },
      ],
      children: [
        {
          lastName: durandName,
          firstName: "Inès",
          birthDate: "2017-06-05",
          sex: "F",
          school: "École élémentaire Jules Ferry",
          schoolClass: "CM1",
        },
      ],
    },
  );
  return { martin, familyUserId: family.id, durand };
}

/**
 * The ROUSSEL family (db/demo-review-documents.ts): an account subscribed to its household, whose documents wait
 * for the agents' review. Seeded before the other families, its documents are the oldest of the queue.
 */
async function seedReviewFamily(db: Db, communeId: string): Promise<void> {
  const family = reviewDocumentsFamily;
  const account = await upsertAccount(db, communeId, {
    ...family.account,
    role: "family",
    civility: "MME",
    lastName: family.name,
    firstName: family.guardian.firstName,
  });
  const householdId = await upsertHousehold(
    db,
    communeId,
    { name: family.name, code: family.code, familyQuotient: 910 },
    {
      guardians: [
        {
          rank: 1,
          civility: "MME",
          lastName: family.name,
          firstName: family.guardian.firstName,
          quality: "Mère",
          familySituation: "Divorcée",
          email: family.account.email,
          mobilePhone: "06 45 67 89 01",
          addressLine: "8 rue des Tilleuls",
          postcode: "38330",
          city: "Démo",
          isPayer: true,
          isBenefitRecipient: true,
          personalCode: "PC2468",
        },
      ],
      children: family.children.map((child) => ({
        lastName: family.name,
        firstName: child.firstName,
        birthDate: child.birthDate,
        sex: child.sex,
        school: "École élémentaire Jules Ferry",
      })),
    },
  );
  await subscribe(db, { communeId, userId: account.id, householdId });
  await seedReviewDocuments(db, { communeId, householdId, userId: account.id });
}

/**
 * Idempotent: running it twice changes nothing. `familyCopies` more sets of the demo's families (db/demo-data.ts),
 * one for each end-to-end test that changes a family's data.
 */
export async function seedDemo(db: Db, options: { familyCopies?: number } = {}): Promise<void> {
  const town = await upsertCommune(db, {
    slug: demo.commune.slug,
    name: demo.commune.name,
    serviceSignature: "Le service enfance jeunesse et scolaire",
    contactEmail: "enfance@demo.fr",
    contactPhone: "01 23 45 67 89",
    contactAddress: "Mairie de Démo, 1 place de la Mairie, 38330 Démo",
    contactHours: "Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h",
    mailSenderName: "Ville de Démo",
    // No colour nor logo: the demo keeps the portal's own look (the screens' baselines are taken on it).
  });
  const other = await upsertCommune(db, {
    slug: demo.otherCommune.slug,
    name: demo.otherCommune.name,
    serviceSignature: "Le service scolaire et périscolaire",
    contactEmail: "scolaire@autreville.fr",
    contactPhone: "04 76 00 00 00",
    contactAddress: "Hôtel de ville, 2 rue de la République, 38000 Autreville",
    contactHours: "Du lundi au jeudi, de 9 h à 12 h",
    mailSenderName: "Mairie d'Autreville",
  });

  const agent = await upsertAccount(db, town.id, {
    ...demo.agent,
    role: "agent",
    civility: "M",
    lastName: "BERNARD",
    firstName: "Paul",
  });
  const admin = await upsertAccount(db, town.id, {
    ...demo.admin,
    role: "admin",
    civility: "MME",
    lastName: "LEROY",
    firstName: "Sophie",
  });
  await addConfirmedFactor(db, { communeId: town.id, userId: admin.id, secret: demo.admin.totpSecret });
  const otherAdmin = await upsertAccount(db, other.id, {
    ...demo.otherAdmin,
    role: "admin",
    civility: "M",
    lastName: "GARNIER",
    firstName: "Marc",
  });
  await addConfirmedFactor(db, { communeId: other.id, userId: otherAdmin.id, secret: demo.otherAdmin.totpSecret });
  await upsertAccount(db, other.id, {
    ...demo.otherFamily,
    role: "family",
    civility: "M",
    lastName: "PETIT",
    firstName: "Louis",
  });

  await seedReviewFamily(db, town.id);

  const sets: SeededFamilySet[] = [];
  for (const set of [demoFamilies, ...Array.from({ length: options.familyCopies ?? 0 }, (_, i) => familyCopy(i + 1))])
    sets.push(await seedFamilySet(db, { communeId: town.id, agentUserId: agent.id }, set));

  const regieId = await seedBillingSettings(db, { communeId: town.id });
  const durand = sets[0]!.durand;
  const [durandPayer] = await db
    .select({ id: guardians.id })
    .from(guardians)
    .where(and(eq(guardians.householdId, durand), eq(guardians.rank, 1)));
  await db
    .insert(invoices)
    .values({
      communeId: town.id,
      householdId: durand,
      payerGuardianId: durandPayer!.id,
      regieId,
      emissionCode: demo.invoice.emissionCode,
      reference: demo.invoice.reference,
      issuer: DEMO_REGIE.name,
      issuedOn: "2026-11-02",
      dueOn: "2026-11-30",
      amountCents: 8640,
    })
    .onConflictDoNothing();
  await reserveImportedInvoiceNumber(db, { communeId: town.id, year: 2026, number: 412 });

  const petit = await upsertHousehold(
    db,
    other.id,
    { name: "PETIT", code: "PTT2M6R8VB", familyQuotient: 640 },
    {
      guardians: [
        {
          rank: 1,
          civility: "M",
          lastName: "PETIT",
          firstName: "Louis",
          email: demo.otherFamily.email,
          isPayer: true,
          personalCode: "PC9090",
        },
      ],
      children: [{ lastName: "PETIT", firstName: "Nina", birthDate: "2019-03-22", sex: "F" }],
    },
  );

  await seedPlanning(db, {
    communeId: town.id,
    otherCommuneId: other.id,
    agentUserId: agent.id,
    families: sets.map((set) => ({ householdId: set.martin, userId: set.familyUserId })),
    newcomers: sets.map((set) => set.durand),
    otherCommuneHousehold: petit,
  });
  await seedActivityTariffs(db, { communeId: town.id });
  for (const set of sets)
    await seedInvoiceHistory(db, {
      communeId: town.id,
      regieId,
      householdId: set.martin,
      agentUserId: agent.id,
      today: todayInParis(),
    });

  // --- Pièces justificatives of the demo families (issue #12, family side): after the document types above. ---
  await seedDemoDocuments(db, {
    communeId: town.id,
    agentUserId: agent.id,
    families: sets.map((set) => ({ householdId: set.martin, userId: set.familyUserId })),
    today: todayInParis(),
  });
  // --- end of the demo families' documents ---

  // Pré-inscription en crèche: after the planning, which stops when the commune has activities already.
  await seedNursery(db, { commune: town, agentUserId: agent.id, now: currentTime() });
  await refreshPlannerStatistics(db);
}

/** First start on an empty embedded database: make the demo usable at once. */
export async function seedIfEmpty(db: Db, options: { familyCopies?: number } = {}): Promise<void> {
  if (await holdsNoCommune(db)) await seedDemo(db, options);
}

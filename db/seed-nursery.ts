import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { MailCommuneRow } from "@/lib/communes/mail-commune";
import { ageGroupAt } from "@/lib/nursery/age-groups";
import type { CommissionDecision } from "@/lib/nursery/agent-schemas";
import { acceptNurseryOffer } from "@/lib/nursery/answer";
import { decideCommission } from "@/lib/nursery/commission";
import { addMonthsToDay } from "@/lib/nursery/deadlines";
import { nurseryChildName } from "@/lib/nursery/mails";
import { createNurseryStructure, DEFAULT_NURSERY_SETTINGS } from "@/lib/nursery/structures";
import { addDays, type IsoDay, parisDay, parisInstant } from "@/lib/planning/days";
import { addRequestEvent, allocateRequestReference } from "@/lib/requests/records";
import type { Db } from "./client";
import { nurseryDemoFamily } from "./demo-data";
import {
  guardians,
  type NurseryCareType,
  type NurseryKind,
  type NurseryScheduleDay,
  nurseryApplications,
  nurserySettings,
  nurseryStructures,
  requests,
} from "./schema";
import { subscribe, upsertAccount, upsertHousehold } from "./seed-kit";

/*
 * The demo's Pré-inscription en crèche: the commune's settings, three structures with their places, and families
 * of young children whose applications stand in every state the commission and the families meet. Households of
 * their own, so the demo's other families (and their end-to-end copies) keep their requests as they are. Dates
 * follow `now`, like the planning's.
 */

export const DEMO_NURSERY_STRUCTURES = [
  {
    name: "Multi-accueil Les Petits Loups",
    kind: "multi_accueil",
    address: "3 rue des Écoles, 38330 Démo",
    capacities: { bebes: 2, moyens: 3, grands: 3 },
  },
  {
    name: "Crèche familiale Les Lucioles",
    kind: "creche_familiale",
    address: "15 avenue du Parc, 38330 Démo",
    capacities: { bebes: 1, moyens: 2, grands: 2 },
  },
  {
    name: "Micro-crèche Pirouette",
    kind: "micro_creche",
    address: "2 place du Marché, 38330 Démo",
    capacities: { bebes: 1, moyens: 1, grands: 1 },
  },
] as const satisfies readonly {
  name: string;
  kind: NurseryKind;
  address: string;
  capacities: Record<string, number>;
}[];

/** The week of a regular care, Monday to Friday but `offDays`, from `start` to `end`. */
export function weekOf(start: string, end: string, offDays: readonly number[] = []): NurseryScheduleDay[] {
  return [1, 2, 3, 4, 5].filter((weekday) => !offDays.includes(weekday)).map((weekday) => ({ weekday, start, end }));
}

export type NurseryApplicationSeed = {
  communeId: string;
  householdId: string;
  /** The account that sent it; null for an application the town typed in from a paper form. */
  userId: string | null;
  /** `id` null: a child to be born, `birthOn` its expected date. */
  child: { id: string | null; firstName: string | null; lastName: string; birthOn: IsoDay };
  careType: NurseryCareType;
  schedule?: NurseryScheduleDay[];
  desiredStartOn: IsoDay;
  wishedStructureIds: string[];
  comment?: string | null;
  confirmedAt: Date;
};

/**
 * An application as the family sent it ("submitted"), with its request and the request's "created" event, in one
 * transaction; the guardians' situations are those of the household's guardians, all "En activité".
 */
export async function insertNurseryApplication(
  db: Db,
  seed: NurseryApplicationSeed,
): Promise<{ applicationId: string; requestId: string; reference: string }> {
  const { communeId, householdId, child } = seed;
  const ageGroup = ageGroupAt(child.birthOn, seed.desiredStartOn);
  if (!ageGroup) throw new Error(`no age group for a child born ${child.birthOn} at ${seed.desiredStartOn}`);
  const born = child.id !== null;
  const childName = nurseryChildName({ ...child, expectedBirthOn: child.birthOn, born });
  return db.transaction(async (tx) => {
    const applicationId = randomUUID();
    const reference = await allocateRequestReference(tx, communeId, seed.confirmedAt);
    const family = await tx
      .select({ id: guardians.id, firstName: guardians.firstName, lastName: guardians.lastName })
      .from(guardians)
      .where(eq(guardians.householdId, householdId))
      .orderBy(guardians.rank);
    const [request] = await tx
      .insert(requests)
      .values({
        communeId,
        householdId,
        createdByUserId: seed.userId,
        type: "nursery.application",
        reference,
        targetType: "nursery_application",
        targetId: applicationId,
        subject: childName,
        payload: { childName, careType: seed.careType, desiredStartOn: seed.desiredStartOn },
        createdAt: seed.confirmedAt,
        updatedAt: seed.confirmedAt,
      })
      .returning({ id: requests.id });
    await tx.insert(nurseryApplications).values({
      id: applicationId,
      communeId,
      householdId,
      requestId: request!.id,
      childId: child.id,
      expectedBirthOn: born ? null : child.birthOn,
      unbornFirstName: born ? null : child.firstName,
      unbornLastName: born ? null : child.lastName,
      guardianSituations: family.map((g) => ({
        guardianId: g.id,
        name: `${g.firstName} ${g.lastName}`,
        situation: "En activité",
        employer: null,
      })),
      careType: seed.careType,
      schedule: seed.schedule ?? [],
      desiredStartOn: seed.desiredStartOn,
      ageGroup,
      wishedStructureIds: seed.wishedStructureIds,
      comment: seed.comment ?? null,
      confirmedAt: seed.confirmedAt,
      createdAt: seed.confirmedAt,
    });
    await addRequestEvent(tx, {
      communeId,
      requestId: request!.id,
      kind: "created",
      side: "family",
      actorUserId: seed.userId,
      message: null,
    });
    return { applicationId, requestId: request!.id, reference };
  });
}

const address = { postcode: "38330", city: "Démo" };

/** The crèche's families: one guardian each, a young child or none yet (a baby expected). */
const NURSERY_HOUSEHOLDS = {
  blanc: { name: nurseryDemoFamily.name, code: nurseryDemoFamily.code, guardian: nurseryDemoFamily.guardian },
  faure: { name: "FAURE", code: "FRE3K8W2QM", guardian: { civility: "MME", firstName: "Élodie" } },
  girard: { name: "GIRARD", code: "GRD6T4P9XN", guardian: { civility: "M", firstName: "Thomas" } },
  morel: { name: "MOREL", code: "MRL2V7H5JC", guardian: { civility: "MME", firstName: "Sarah" } },
  perrin: { name: "PERRIN", code: "PRN8R3N6WT", guardian: { civility: "MME", firstName: "Julie" } },
  chevalier: { name: "CHEVALIER", code: "CHV4M9K2PD", guardian: { civility: "M", firstName: "Antoine" } },
} as const;

/** A day `months` before or after `today` (negative: before), then `days` more. */
const monthsFrom = (today: IsoDay, months: number, days = 0) => addDays(addMonthsToDay(today, months), days);

/**
 * Idempotent: writes nothing when the commune has structures already. To run after the planning's seed (which
 * stops when the commune has activities, and each structure brings its own).
 */
export async function seedNursery(
  db: Db,
  params: { commune: MailCommuneRow & { id: string }; agentUserId: string; now: Date },
) {
  const { commune, agentUserId, now } = params;
  const communeId = commune.id;
  const today = parisDay(now);
  await db
    .insert(nurserySettings)
    .values({ communeId, ...DEFAULT_NURSERY_SETTINGS })
    .onConflictDoNothing();
  const [existing] = await db
    .select({ id: nurseryStructures.id })
    .from(nurseryStructures)
    .where(eq(nurseryStructures.communeId, communeId))
    .limit(1);
  if (existing) return;

  // One after the other: each takes the next position.
  const structures: { id: string; name: string }[] = [];
  for (const structure of DEMO_NURSERY_STRUCTURES)
    structures.push({
      name: structure.name,
      id: await createNurseryStructure(db, { communeId, actorUserId: null, ...structure }),
    });
  const [loups, lucioles, pirouette] = structures;
  // Born before the seed's children: ages follow today.
  const kids = {
    faure: { firstName: "Jade", birthDate: monthsFrom(today, -8), sex: "F" },
    girard: { firstName: "Noah", birthDate: monthsFrom(today, -17), sex: "M" },
    morel: { firstName: "Lina", birthDate: monthsFrom(today, -13), sex: "F" },
    chevalier: { firstName: "Malo", birthDate: monthsFrom(today, -6), sex: "M" },
  } as const;
  const homes = {} as Record<keyof typeof NURSERY_HOUSEHOLDS, { householdId: string; childId: string | null }>;
  for (const [key, household] of Object.entries(NURSERY_HOUSEHOLDS) as [
    keyof typeof NURSERY_HOUSEHOLDS,
    (typeof NURSERY_HOUSEHOLDS)[keyof typeof NURSERY_HOUSEHOLDS],
  ][]) {
    const kid = key in kids ? kids[key as keyof typeof kids] : null;
    const householdId = await upsertHousehold(
      db,
      communeId,
      { name: household.name, code: household.code, familyQuotient: 850 },
      {
        guardians: [
          {
            rank: 1,
            ...household.guardian,
            lastName: household.name,
            quality: household.guardian.civility === "MME" ? "Mère" : "Père",
            email: `${household.guardian.firstName.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()}.${household.name.toLowerCase()}@example.fr`,
            mobilePhone: "06 00 00 00 00",
            addressLine: "5 rue des Jardins",
            ...address,
            isPayer: true,
          },
        ],
        children: kid ? [{ ...kid, lastName: household.name }] : [],
      },
    );
    const [child] = kid
      ? await db.query.children.findMany({ where: (c, { eq }) => eq(c.householdId, householdId), limit: 1 })
      : [];
    homes[key] = { householdId, childId: child?.id ?? null };
  }
  const account = await upsertAccount(db, communeId, {
    ...nurseryDemoFamily.account,
    role: "family",
    civility: nurseryDemoFamily.guardian.civility,
    lastName: nurseryDemoFamily.name,
    firstName: nurseryDemoFamily.guardian.firstName,
  });
  await subscribe(db, { communeId, userId: account.id, householdId: homes.blanc.householdId });

  const sent = (daysAgo: number) => parisInstant(addDays(today, -daysAgo), "20:30");
  /** A commission as the agents hold it (capacity, history, mails), at 17:00 on its day. */
  const holdCommission = async (commissionOn: IsoDay, decisions: CommissionDecision[]) => {
    const now = parisInstant(commissionOn, "17:00");
    const result = await decideCommission(db, { commune, agentUserId, commissionOn, decisions, now });
    if (!result.ok) throw new Error(`the demo's commission of ${commissionOn} was refused: ${JSON.stringify(result)}`);
  };
  const born = (key: keyof typeof kids) => ({
    id: homes[key].childId,
    firstName: kids[key].firstName,
    lastName: NURSERY_HOUSEHOLDS[key].name,
    birthOn: kids[key].birthDate,
  });

  // BLANC: a place proposed for the baby expected three weeks ago, to accept with the birth's details.
  const blanc = await insertNurseryApplication(db, {
    communeId,
    householdId: homes.blanc.householdId,
    userId: account.id,
    child: { id: null, firstName: null, lastName: nurseryDemoFamily.name, birthOn: addDays(today, -21) },
    careType: "regulier",
    schedule: weekOf("08:30", "17:30", [3]),
    desiredStartOn: monthsFrom(today, 1),
    wishedStructureIds: [loups!.id, lucioles!.id],
    comment: "Reprise du travail à la fin du congé maternité.",
    confirmedAt: sent(75),
  });

  // FAURE: waiting for the next commission, regular care four days a week.
  await insertNurseryApplication(db, {
    communeId,
    householdId: homes.faure.householdId,
    userId: null,
    child: born("faure"),
    careType: "regulier",
    schedule: weekOf("08:00", "17:00", [3]),
    desiredStartOn: monthsFrom(today, 2),
    wishedStructureIds: [loups!.id, pirouette!.id],
    confirmedAt: sent(20),
  });

  // GIRARD: on the waiting list of the last commission.
  const girard = await insertNurseryApplication(db, {
    communeId,
    householdId: homes.girard.householdId,
    userId: null,
    child: born("girard"),
    careType: "regulier",
    schedule: weekOf("07:45", "18:00"),
    desiredStartOn: monthsFrom(today, 1),
    wishedStructureIds: [lucioles!.id, pirouette!.id],
    confirmedAt: sent(45),
  });

  // MOREL: a place accepted last month; Lina is enrolled and appears in the planning.
  const morel = await insertNurseryApplication(db, {
    communeId,
    householdId: homes.morel.householdId,
    userId: null,
    child: born("morel"),
    careType: "regulier",
    schedule: weekOf("09:00", "16:30", [5]),
    desiredStartOn: monthsFrom(today, -1),
    wishedStructureIds: [lucioles!.id],
    confirmedAt: sent(80),
  });
  const morelCommission = monthsFrom(today, -1, -10);
  await holdCommission(morelCommission, [
    {
      applicationId: morel.applicationId,
      kind: "offer",
      structureId: lucioles!.id,
      startOn: monthsFrom(today, -1),
      schedule: weekOf("09:00", "16:30", [5]),
    },
  ]);
  await acceptNurseryOffer(db, {
    communeId,
    householdId: homes.morel.householdId,
    userId: null,
    applicationId: morel.applicationId,
    now: parisInstant(addDays(morelCommission, 2), "10:00"),
  });

  // PERRIN: occasional care for a baby expected in two months, refused by the last commission.
  const perrin = await insertNurseryApplication(db, {
    communeId,
    householdId: homes.perrin.householdId,
    userId: null,
    child: { id: null, firstName: "Camille", lastName: "PERRIN", birthOn: monthsFrom(today, 2) },
    careType: "occasionnel",
    desiredStartOn: monthsFrom(today, 5),
    wishedStructureIds: [pirouette!.id],
    confirmedAt: sent(30),
  });
  // The last commission, two days ago: BLANC offered a place, GIRARD on the waiting list, PERRIN refused.
  await holdCommission(addDays(today, -2), [
    {
      applicationId: blanc.applicationId,
      kind: "offer",
      structureId: loups!.id,
      startOn: monthsFrom(today, 1),
      schedule: weekOf("08:30", "17:30", [3]),
    },
    { applicationId: girard.applicationId, kind: "waiting", rank: 1 },
    {
      applicationId: perrin.applicationId,
      kind: "refuse",
      reason: "Pas de place en accueil occasionnel à cette période : renouvelez votre demande pour la rentrée.",
    },
  ]);

  // CHEVALIER: sent almost three months ago, its confirmation is due in ten days (the reminder goes out).
  await insertNurseryApplication(db, {
    communeId,
    householdId: homes.chevalier.householdId,
    userId: null,
    child: born("chevalier"),
    careType: "urgence",
    desiredStartOn: addDays(today, 14),
    wishedStructureIds: [pirouette!.id, loups!.id, lucioles!.id],
    comment: "Reprise d'emploi rapide.",
    confirmedAt: parisInstant(monthsFrom(today, -3, 10), "10:00"),
  });
}

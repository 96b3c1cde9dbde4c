import { and, asc, eq } from "drizzle-orm";
import { decideRequest } from "@/lib/requests/decide";
import { newAuthorizedAdultId, submitChange } from "@/lib/requests/submit-change";
import type { Db } from "./client";
import {
  authorizedAdults,
  bankAccounts,
  childAuthorizations,
  childHealth,
  children,
  childVaccinations,
  guardianPreferences,
  guardians,
  requests,
} from "./schema";

/**
 * The demo MARTIN household's file beyond identity (preferences, bank account, children's authorisations, health,
 * vaccinations, personnes habilitées) and a few requests in every state for Mes demandes. Idempotent: each part is
 * only written when missing, the requests only when the household has none.
 */
export async function seedFamilyFile(
  db: Db,
  params: { communeId: string; householdId: string; familyUserId: string; agentUserId: string },
) {
  const { communeId, householdId } = params;
  const scope = { communeId, householdId };
  const owned = { communeId, householdId };
  const [claire, julien] = await db
    .select()
    .from(guardians)
    .where(and(eq(guardians.communeId, communeId), eq(guardians.householdId, householdId)))
    .orderBy(asc(guardians.rank));
  const kids = await db
    .select()
    .from(children)
    .where(and(eq(children.communeId, communeId), eq(children.householdId, householdId)))
    .orderBy(asc(children.birthDate));
  if (!claire || !julien || kids.length < 2) return;

  await db
    .insert(guardianPreferences)
    .values([
      {
        ...owned,
        guardianId: claire.id,
        acceptsEmail: true,
        acceptsSms: true,
        remindByEmail: true,
        remindBySms: true,
        benefitScheme: "CAF",
        allocataireNumber: "1234567",
        qfFetchConsent: true,
      },
      { ...owned, guardianId: julien.id, acceptsEmail: true, invoiceByPost: true, remindByPost: true },
    ])
    .onConflictDoNothing();
  await db
    .insert(bankAccounts)
    .values({
      ...owned,
      directDebit: true,
      iban: "FR7630006000011234567890189",
      bic: "BNPAFRPP",
      holderName: "Claire MARTIN",
    })
    .onConflictDoNothing();
  await db
    .insert(childAuthorizations)
    .values(
      kids.map((child, index) => ({
        ...owned,
        childId: child.id,
        photo: true,
        hospitalisation: true,
        outingsWithStaff: true,
        leaveAlone: index === 0,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(childHealth)
    .values(
      kids.map((child, index) => ({
        ...owned,
        childId: child.id,
        foodPractices: index === 1 ? ["vegetarian"] : [],
        allergies: index === 0 ? "Arachide" : null,
        hasPai: index === 0,
        paiDetails: index === 0 ? "Trousse d'urgence à l'école (stylo d'adrénaline)" : null,
        doctorName: "Dr Laurent DUBOIS",
        doctorPhone: "04 76 11 22 33",
      })),
    )
    .onConflictDoNothing();

  for (const [index, child] of kids.entries()) {
    const childScope = and(eq(childVaccinations.childId, child.id), eq(childVaccinations.communeId, communeId));
    if ((await db.select({ id: childVaccinations.id }).from(childVaccinations).where(childScope)).length === 0) {
      const birthYear = Number(child.birthDate.slice(0, 4));
      await db.insert(childVaccinations).values([
        {
          ...owned,
          childId: child.id,
          name: "DTP (diphtérie, tétanos, poliomyélite)",
          vaccinatedOn: `${birthYear}-${index === 0 ? "06" : "08"}-15`,
        },
        {
          ...owned,
          childId: child.id,
          name: "ROR (rougeole, oreillons, rubéole)",
          vaccinatedOn: `${birthYear + 1}-05-10`,
        },
      ]);
    }
    const adultScope = and(eq(authorizedAdults.childId, child.id), eq(authorizedAdults.communeId, communeId));
    if ((await db.select({ id: authorizedAdults.id }).from(authorizedAdults).where(adultScope)).length === 0) {
      await db.insert(authorizedAdults).values({
        ...owned,
        childId: child.id,
        lastName: "DURAND",
        firstName: "Monique",
        relationship: "Grand-mère",
        mobilePhone: "06 55 44 33 22",
        mayPickUp: true,
        emergencyContact: true,
      });
    }
  }

  const existing = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.communeId, communeId), eq(requests.householdId, householdId)));
  if (existing.length > 0) return;
  const family = { ...scope, userId: params.familyUserId };
  const decide = async (
    result: Awaited<ReturnType<typeof submitChange>>,
    decision: "accepted" | "refused",
    message: string,
  ) => {
    if (result.ok && result.request)
      await decideRequest(db, {
        communeId,
        agentUserId: params.agentUserId,
        requestId: result.request.id,
        decision,
        message,
      });
  };

  // Accepted, with a message the family has not read yet.
  await decide(
    await submitChange(db, {
      ...family,
      type: "guardian.update",
      targetId: julien.id,
      proposed: { phone: "04 76 98 76 54" },
    }),
    "accepted",
    "Votre nouveau numéro de téléphone a été enregistré.",
  );
  // Refused, with the town's reason.
  await decide(
    await submitChange(db, { ...family, type: "child.update", targetId: kids[1]!.id, proposed: { leaveAlone: true } }),
    "refused",
    "Un enfant de moins de 10 ans ne peut pas partir seul : merci de désigner une personne habilitée.",
  );
  // Pending: a new mobile phone for Claire, and a new personne habilitée for the youngest child.
  await submitChange(db, {
    ...family,
    type: "guardian.update",
    targetId: claire.id,
    proposed: { mobilePhone: "06 11 22 33 44" },
  });
  await submitChange(db, {
    ...family,
    type: "authorized_adult.add",
    targetId: newAuthorizedAdultId(),
    proposed: {
      childId: kids.at(-1)!.id,
      lastName: "BERNARD",
      firstName: "Jeanne",
      relationship: "Voisine",
      mobilePhone: "07 12 34 56 78",
      mayPickUp: true,
      emergencyContact: false,
    },
  });
}

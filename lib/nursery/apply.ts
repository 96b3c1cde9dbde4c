import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  communes,
  documents,
  guardians,
  households,
  type NurseryAgeGroup,
  type NurseryApplication,
  type NurseryCareType,
  type NurseryGuardianSituation,
  type NurseryScheduleDay,
  nurseryApplications,
  requests,
} from "@/db/schema";
import { mailCommuneColumns } from "@/lib/communes/mail-commune";
import { PREGNANCY_CERTIFICATE_CODE } from "@/lib/documents/codes";
import type { PreparedDocument } from "@/lib/documents/prepared";
import { storeDocument } from "@/lib/documents/store-document";
import { findDocumentTypeByCode } from "@/lib/documents/types";
import type { IsoDay } from "@/lib/planning/days";
import { addRequestEvent, allocateRequestReference } from "@/lib/requests/records";
import { ageGroupAt } from "./age-groups";
import { OPEN_STATUSES } from "./labels";
import {
  deliverNurseryMails,
  enqueueNurseryMail,
  nurseryChildName,
  type RenderedNurseryMail,
  renderNurseryMail,
} from "./mails";
import {
  CERTIFICATE_REQUIRED,
  CHILD_TOO_OLD,
  GUARDIAN_SITUATION_LABELS,
  type GuardianSituation,
  isUnderFour,
  type NurseryApplicationFields,
  START_BEFORE_BIRTH,
  scheduleOf,
  UNBORN_CHILD,
  UNKNOWN_CHILD,
  UNKNOWN_STRUCTURE,
  wishesOf,
} from "./schemas";
import { listNurseryStructures, type NurseryStructureLine } from "./structures";

/*
 * The family's side of an application: send it, change it while it waits for the commission, confirm it, withdraw
 * it. Every write is scoped by commune and household in its WHERE; ids from the form are only choices among the
 * household's guardians and children and the commune's active structures.
 */

type Scope = { communeId: string; householdId: string };

/** What the form offers a household: its guardians, its children under 4, the commune's structures. */
export type NurseryFormContext = {
  householdName: string;
  guardians: { id: string; name: string }[];
  children: { id: string; name: string; birthDate: IsoDay }[];
  structures: NurseryStructureLine[];
  /** The commune's "Certificat de grossesse" type, asked for a child to be born; null when it has none. */
  certificateType: { id: string; label: string } | null;
};

export async function loadNurseryFormContext(
  db: Db,
  params: Scope & { today: IsoDay },
): Promise<NurseryFormContext | null> {
  const { communeId, householdId } = params;
  const [[household], guardianRows, childRows, structures, certificateType] = await Promise.all([
    db
      .select({ name: households.name })
      .from(households)
      .where(and(eq(households.id, householdId), eq(households.communeId, communeId))),
    householdGuardians(db, params),
    db
      .select({
        id: children.id,
        firstName: children.firstName,
        lastName: children.lastName,
        birthDate: children.birthDate,
      })
      .from(children)
      .where(and(eq(children.communeId, communeId), eq(children.householdId, householdId)))
      .orderBy(asc(children.birthDate), asc(children.firstName)),
    listNurseryStructures(db, { communeId, activeOnly: true }),
    findDocumentTypeByCode(db, { communeId, code: PREGNANCY_CERTIFICATE_CODE }),
  ]);
  if (!household) return null;
  return {
    householdName: household.name,
    guardians: guardianRows.map((g) => ({ id: g.id, name: g.name })),
    children: childRows
      .filter((c) => isUnderFour(c.birthDate, params.today))
      .map((c) => ({ id: c.id, name: `${c.firstName} ${c.lastName}`, birthDate: c.birthDate })),
    structures,
    certificateType: certificateType ? { id: certificateType.id, label: certificateType.label } : null,
  };
}

async function householdGuardians(db: Db, scope: Scope) {
  const rows = await db
    .select({ id: guardians.id, firstName: guardians.firstName, lastName: guardians.lastName })
    .from(guardians)
    .where(and(eq(guardians.communeId, scope.communeId), eq(guardians.householdId, scope.householdId)))
    .orderBy(asc(guardians.rank));
  return rows.map((g) => ({ id: g.id, name: `${g.firstName} ${g.lastName}` }));
}

/** The application's columns worked out from the form and the file, or the fields to correct. */
type Resolved = {
  values: {
    childId: string | null;
    expectedBirthOn: IsoDay | null;
    unbornFirstName: string | null;
    unbornLastName: string | null;
    guardianSituations: NurseryGuardianSituation[];
    careType: NurseryCareType;
    schedule: NurseryScheduleDay[];
    desiredStartOn: IsoDay;
    ageGroup: NurseryAgeGroup;
    wishedStructureIds: string[];
    comment: string | null;
  };
  childName: string;
  /** The request's payload: what Mes demandes and the agents' inbox show without the application. */
  summary: Record<string, unknown>;
};

export type FieldErrors = Record<string, string>;

async function resolveApplication(
  db: Db,
  scope: Scope,
  input: NurseryApplicationFields,
): Promise<{ ok: true; resolved: Resolved } | { ok: false; fieldErrors: FieldErrors }> {
  const errors: FieldErrors = {};
  const [[household], fileGuardians, structures] = await Promise.all([
    db
      .select({ name: households.name })
      .from(households)
      .where(and(eq(households.id, scope.householdId), eq(households.communeId, scope.communeId))),
    householdGuardians(db, scope),
    listNurseryStructures(db, { communeId: scope.communeId, activeOnly: true }),
  ]);
  if (!household) return { ok: false, fieldErrors: { form: "Le dossier famille est introuvable." } };

  // Each guardian of the file once, no one else.
  const given = input.guardians.map((g) => g.guardianId);
  if (
    new Set(given).size !== given.length ||
    given.length !== fileGuardians.length ||
    !fileGuardians.every((g) => given.includes(g.id))
  )
    errors.guardians = "Indiquez la situation de chaque responsable du dossier.";
  const guardianSituations = input.guardians.flatMap((g) => {
    const known = fileGuardians.find((f) => f.id === g.guardianId);
    return known
      ? [
          {
            guardianId: known.id,
            name: known.name,
            situation: GUARDIAN_SITUATION_LABELS[g.situation as GuardianSituation],
            employer: g.employer || null,
          },
        ]
      : [];
  });

  const unborn = input.child === UNBORN_CHILD;
  let birth: IsoDay | null = unborn ? input.expectedBirthOn : null;
  let childName = "";
  if (unborn) {
    childName = nurseryChildName({
      firstName: input.unbornFirstName || null,
      lastName: household.name,
      expectedBirthOn: input.expectedBirthOn,
      born: false,
    });
  } else {
    const [child] = await db
      .select({ firstName: children.firstName, lastName: children.lastName, birthDate: children.birthDate })
      .from(children)
      .where(
        and(
          eq(children.id, input.child),
          eq(children.communeId, scope.communeId),
          eq(children.householdId, scope.householdId),
        ),
      );
    if (!child) errors.child = UNKNOWN_CHILD;
    else {
      birth = child.birthDate;
      childName = `${child.firstName} ${child.lastName}`;
    }
  }
  const ageGroup = birth ? ageGroupAt(birth, input.desiredStartOn) : null;
  if (birth && !ageGroup) errors.desiredStartOn = unborn ? START_BEFORE_BIRTH : CHILD_TOO_OLD;

  const wishes = wishesOf(input);
  wishes.forEach((id, i) => {
    if (!structures.some((s) => s.id === id)) errors[`choice${i + 1}`] = UNKNOWN_STRUCTURE;
  });

  if (Object.keys(errors).length > 0 || !ageGroup) return { ok: false, fieldErrors: errors };
  const schedule = scheduleOf(input);
  return {
    ok: true,
    resolved: {
      values: {
        childId: unborn ? null : input.child,
        expectedBirthOn: unborn ? input.expectedBirthOn : null,
        unbornFirstName: unborn ? input.unbornFirstName || null : null,
        unbornLastName: unborn ? household.name : null,
        guardianSituations,
        careType: input.careType,
        schedule,
        desiredStartOn: input.desiredStartOn,
        ageGroup,
        wishedStructureIds: wishes,
        comment: input.comment || null,
      },
      childName,
      summary: {
        childName,
        careType: input.careType,
        schedule,
        desiredStartOn: input.desiredStartOn,
        ageGroup,
        wishes: wishes.map((id) => structures.find((s) => s.id === id)!.name),
      },
    },
  };
}

export type SubmitNurseryResult =
  | { ok: true; applicationId: string; reference: string }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * Stands for the reference in the acknowledgement rendered before the transaction, which then writes the one it
 * allocated in its place: a reference's shape and length (no space, nothing to escape), so the text part wraps the
 * same, and one no request ever has (no year 0, no number 0).
 */
const REFERENCE_PLACEHOLDER = "D0000-000000";

function withReference(mail: RenderedNurseryMail, reference: string): RenderedNurseryMail {
  const put = (text: string) => text.replaceAll(REFERENCE_PLACEHOLDER, reference);
  return { subject: put(mail.subject), html: put(mail.html), text: put(mail.text) };
}

async function communeOfMail(db: Db, communeId: string) {
  const [commune] = await db.select(mailCommuneColumns).from(communes).where(eq(communes.id, communeId));
  if (!commune) throw new Error(`commune ${communeId} not found`);
  return commune;
}

/**
 * "Envoyer ma demande": in one transaction the request (type nursery.application, its reference), the application
 * (submitted, confirmed now), the request's history, the certificate of pregnancy for a child to be born (required
 * when the commune has that type) and the "received" mail, rendered before the transaction and given its reference
 * inside it.
 */
export async function submitNurseryApplication(
  db: Db,
  params: Scope & { userId: string; input: NurseryApplicationFields; certificate?: PreparedDocument; now: Date },
): Promise<SubmitNurseryResult> {
  const { communeId, householdId, now } = params;
  const checked = await resolveApplication(db, params, params.input);
  if (!checked.ok) return checked;
  const { resolved } = checked;
  const certificateType = await findDocumentTypeByCode(db, { communeId, code: PREGNANCY_CERTIFICATE_CODE });
  const unborn = resolved.values.childId === null;
  if (unborn && certificateType && !params.certificate)
    return { ok: false, fieldErrors: { certificate: CERTIFICATE_REQUIRED } };

  const commune = await communeOfMail(db, communeId);
  const applicationId = randomUUID();
  // Rendered before the transaction: the commune's reference counter stays locked until it commits.
  const rendered = await renderNurseryMail(commune, "received", {
    applicationId,
    reference: REFERENCE_PLACEHOLDER,
    childName: resolved.childName,
  });
  const { reference, mailIds } = await db.transaction(async (tx) => {
    const reference = await allocateRequestReference(tx, communeId, now);
    const [request] = await tx
      .insert(requests)
      .values({
        communeId,
        householdId,
        createdByUserId: params.userId,
        type: "nursery.application",
        reference,
        targetType: "nursery_application",
        targetId: applicationId,
        subject: resolved.childName,
        payload: resolved.summary,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: requests.id });
    await tx.insert(nurseryApplications).values({
      id: applicationId,
      communeId,
      householdId,
      requestId: request!.id,
      ...resolved.values,
      status: "submitted",
      confirmedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    const event = { communeId, requestId: request!.id, side: "family" as const, actorUserId: params.userId };
    await addRequestEvent(tx, { ...event, kind: "created" });
    await addRequestEvent(tx, { ...event, kind: "transmitted" });
    if (unborn && certificateType && params.certificate)
      await attachCertificate(tx, params, certificateType.id, request!.id, params.certificate);
    const mail = withReference(rendered, reference);
    return { reference, mailIds: await enqueueNurseryMail(tx, { communeId, householdId, mail }) };
  });
  await deliverNurseryMails(db, mailIds);
  return { ok: true, applicationId, reference };
}

async function attachCertificate(
  tx: Db,
  params: Scope & { userId: string },
  typeId: string,
  requestId: string,
  prepared: PreparedDocument,
) {
  const stored = await storeDocument(tx, {
    communeId: params.communeId,
    householdId: params.householdId,
    userId: params.userId,
    typeId,
    requestId,
    prepared,
  });
  // Type and request were read in this transaction: only a bug gets here; roll everything back.
  if (!stored.ok) throw new Error(`the certificate of request ${requestId} could not be stored`);
}

export type FamilyMoveResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_open" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

const ofHousehold = (scope: Scope, applicationId: string) =>
  and(
    eq(nurseryApplications.id, applicationId),
    eq(nurseryApplications.communeId, scope.communeId),
    eq(nurseryApplications.householdId, scope.householdId),
  );

/** Why a conditional write found nothing: not the household's (or unknown), or no longer in a state allowing it. */
async function missReason(db: Db, scope: Scope, applicationId: string): Promise<"not_found" | "not_open"> {
  const [row] = await db
    .select({ id: nurseryApplications.id })
    .from(nurseryApplications)
    .where(ofHousehold(scope, applicationId));
  return row ? "not_open" : "not_found";
}

/**
 * "Modifier ma demande" while it waits for the commission (submitted): the application and its request's subject
 * and summary, and a request event "updated". For a child to be born the certificate is asked unless one sent
 * with the request is pending or validated; a new one replaces it.
 */
export async function updateNurseryApplication(
  db: Db,
  params: Scope & {
    userId: string;
    applicationId: string;
    input: NurseryApplicationFields;
    certificate?: PreparedDocument;
    now: Date;
  },
): Promise<FamilyMoveResult> {
  const { communeId, householdId } = params;
  const checked = await resolveApplication(db, params, params.input);
  if (!checked.ok) return { ok: false, reason: "invalid", fieldErrors: checked.fieldErrors };
  const { resolved } = checked;
  const certificateType = await findDocumentTypeByCode(db, { communeId, code: PREGNANCY_CERTIFICATE_CODE });
  const unborn = resolved.values.childId === null;
  return db
    .transaction(async (tx): Promise<FamilyMoveResult> => {
      const [row] = await tx
        .update(nurseryApplications)
        .set({ ...resolved.values, updatedAt: params.now })
        .where(and(ofHousehold(params, params.applicationId), eq(nurseryApplications.status, "submitted")))
        .returning({ requestId: nurseryApplications.requestId });
      if (!row) return { ok: false, reason: await missReason(tx, params, params.applicationId) };
      if (unborn && certificateType) {
        if (params.certificate)
          await attachCertificate(tx, params, certificateType.id, row.requestId, params.certificate);
        else if (!(await hasCertificate(tx, communeId, row.requestId, certificateType.id))) {
          // Nothing of this change stays: the transaction is rolled back by the throw's catcher below.
          throw new CertificateMissing();
        }
      }
      await tx
        .update(requests)
        .set({ subject: resolved.childName, payload: resolved.summary, updatedAt: params.now })
        .where(
          and(eq(requests.id, row.requestId), eq(requests.communeId, communeId), eq(requests.householdId, householdId)),
        );
      await addRequestEvent(tx, {
        communeId,
        requestId: row.requestId,
        kind: "updated",
        side: "family",
        actorUserId: params.userId,
        message: "Demande modifiée par la famille",
      });
      return { ok: true };
    })
    .catch((error: unknown) => {
      if (error instanceof CertificateMissing)
        return { ok: false, reason: "invalid", fieldErrors: { certificate: CERTIFICATE_REQUIRED } } as const;
      throw error;
    });
}

class CertificateMissing extends Error {}

/** Whether a certificate of pregnancy sent with this request is still good (pending or validated). */
export async function hasCertificate(db: Db, communeId: string, requestId: string, typeId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.communeId, communeId),
        eq(documents.requestId, requestId),
        eq(documents.typeId, typeId),
        inArray(documents.state, ["pending", "validated"]),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * "Confirmer ma demande" (every few months, or it lapses): while open, the confirmation starts again from now and
 * the period's reminder is forgotten; one request event "updated" ("Demande confirmée").
 */
export async function confirmNurseryApplication(
  db: Db,
  params: Scope & { userId: string; applicationId: string; now: Date },
): Promise<FamilyMoveResult> {
  return db.transaction(async (tx): Promise<FamilyMoveResult> => {
    const [row] = await tx
      .update(nurseryApplications)
      .set({ confirmedAt: params.now, confirmationReminderSentAt: null, updatedAt: params.now })
      .where(and(ofHousehold(params, params.applicationId), inArray(nurseryApplications.status, [...OPEN_STATUSES])))
      .returning({ requestId: nurseryApplications.requestId });
    if (!row) return { ok: false, reason: await missReason(tx, params, params.applicationId) };
    await tx
      .update(requests)
      .set({ updatedAt: sql`now()` })
      .where(and(eq(requests.id, row.requestId), eq(requests.communeId, params.communeId)));
    await addRequestEvent(tx, {
      communeId: params.communeId,
      requestId: row.requestId,
      kind: "updated",
      side: "family",
      actorUserId: params.userId,
      message: "Demande confirmée",
    });
    return { ok: true };
  });
}

/** The household's application as stored, for the change form (submitted only); null otherwise. */
export async function findChangeableApplication(
  db: Db,
  params: Scope & { applicationId: string },
): Promise<NurseryApplication | null> {
  const [row] = await db
    .select()
    .from(nurseryApplications)
    .where(and(ofHousehold(params, params.applicationId), eq(nurseryApplications.status, "submitted")));
  return row ?? null;
}

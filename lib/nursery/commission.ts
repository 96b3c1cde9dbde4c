import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  children,
  households,
  type NurseryAgeGroup,
  nurseryApplications,
  nurseryCapacities,
  nurseryStructures,
  requests,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { MailCommuneRow } from "@/lib/communes/mail-commune";
import { retryOnAbort } from "@/lib/database/retry";
import { formatDate } from "@/lib/format";
import { type IsoDay, parisDay } from "@/lib/planning/days";
import { isStaffOf } from "@/lib/requests/records";
import { AGE_GROUP_LABELS } from "./age-groups";
import type { CommissionDecision } from "./agent-schemas";
import { offerExpiresAt, offerLastDay } from "./deadlines";
import { applicationChild, applicationHousehold, applicationRequest } from "./joins";
import { OPEN_STATUSES } from "./labels";
import {
  deliverNurseryMails,
  enqueueNurseryMail,
  type NurseryMailEvent,
  nurseryChildName,
  type RenderedNurseryMail,
  renderNurseryMail,
} from "./mails";
import { capacityUsage, getNurserySettings } from "./structures";
import { moveApplication } from "./transitions";

/*
 * The commission decides many applications at once: a place offered (structure, start, weekly schedule), the
 * waiting list (a rank) or a refusal (a reason). All of it or nothing: one transaction, in which each offer's
 * capacity row is locked and the places held recounted, so two agents cannot give the same last place.
 */

export const ALREADY_DECIDED = "Cette demande a déjà été traitée.";
const NOT_FOUND = "Cette demande est introuvable.";
const STRUCTURE_NOT_FOUND = "Cette structure est introuvable ou n'est plus ouverte aux demandes.";
const PAST_START = "La date d'entrée ne peut pas être passée.";

export type CommissionResult =
  | { ok: true; counts: { offered: number; waiting: number; refused: number } }
  | { ok: false; reason: "forbidden" }
  /** Nothing was recorded: each application id with what stopped its decision. */
  | { ok: false; reason: "rows"; rowErrors: Record<string, string> };

/** Thrown inside the transaction to roll the whole batch back with the rows' errors. */
class BatchRefused extends Error {
  constructor(readonly rowErrors: Record<string, string>) {
    super("commission batch refused");
  }
}

type Loaded = {
  id: string;
  householdId: string;
  status: string;
  reference: string;
  childName: string;
};

/** The applications named, of this commune only, with what their mails say. One query. */
async function loadApplications(db: Db, communeId: string, ids: string[]): Promise<Map<string, Loaded>> {
  const rows = await db
    .select({
      application: nurseryApplications,
      reference: requests.reference,
      householdName: households.name,
      firstName: children.firstName,
      lastName: children.lastName,
    })
    .from(nurseryApplications)
    .innerJoin(requests, applicationRequest)
    .innerJoin(households, applicationHousehold)
    .leftJoin(children, applicationChild)
    .where(and(eq(nurseryApplications.communeId, communeId), inArray(nurseryApplications.id, ids)));
  return new Map(
    rows.map(({ application: a, reference, householdName, firstName, lastName }) => [
      a.id,
      {
        id: a.id,
        householdId: a.householdId,
        status: a.status,
        reference,
        childName: nurseryChildName({
          firstName: firstName ?? a.unbornFirstName,
          lastName: lastName ?? a.unbornLastName ?? householdName,
          expectedBirthOn: a.expectedBirthOn,
          born: firstName !== null,
        }),
      },
    ]),
  );
}

const MAIL_EVENT = { offer: "offered", waiting: "waiting_list", refuse: "refused" } as const satisfies Record<
  CommissionDecision["kind"],
  NurseryMailEvent
>;

export async function decideCommission(
  db: Db,
  params: {
    commune: MailCommuneRow & { id: string };
    agentUserId: string;
    commissionOn: IsoDay;
    decisions: readonly CommissionDecision[];
    now: Date;
  },
): Promise<CommissionResult> {
  const { commune, now } = params;
  const communeId = commune.id;
  if (!(await isStaffOf(db, communeId, params.agentUserId))) return { ok: false, reason: "forbidden" };
  const decisions = params.decisions;
  if (decisions.length === 0) return { ok: true, counts: { offered: 0, waiting: 0, refused: 0 } };

  // Checks that need no lock, and the mails, before the transaction.
  const applications = await loadApplications(
    db,
    communeId,
    decisions.map((d) => d.applicationId),
  );
  const structures = new Map(
    (
      await db
        .select({ id: nurseryStructures.id, name: nurseryStructures.name })
        .from(nurseryStructures)
        .where(and(eq(nurseryStructures.communeId, communeId), eq(nurseryStructures.active, true)))
    ).map((s) => [s.id, s.name]),
  );
  const today = parisDay(now);
  const rowErrors: Record<string, string> = {};
  for (const decision of decisions) {
    const application = applications.get(decision.applicationId);
    if (!application) rowErrors[decision.applicationId] = NOT_FOUND;
    else if (!(OPEN_STATUSES as readonly string[]).includes(application.status))
      rowErrors[decision.applicationId] = ALREADY_DECIDED;
    else if (decision.kind === "offer" && !structures.has(decision.structureId))
      rowErrors[decision.applicationId] = STRUCTURE_NOT_FOUND;
    else if (decision.kind === "offer" && decision.startOn < today) rowErrors[decision.applicationId] = PAST_START;
  }
  if (Object.keys(rowErrors).length > 0) return { ok: false, reason: "rows", rowErrors };

  const counts = {
    offered: decisions.filter((d) => d.kind === "offer").length,
    waiting: decisions.filter((d) => d.kind === "waiting").length,
    refused: decisions.filter((d) => d.kind === "refuse").length,
  };
  const { offerResponseDays } = await getNurserySettings(db, { communeId });
  const expiresAt = offerExpiresAt(now, offerResponseDays);
  const mails = new Map<string, RenderedNurseryMail>();
  for (const decision of decisions) {
    const application = applications.get(decision.applicationId)!;
    mails.set(
      decision.applicationId,
      await renderNurseryMail(commune, MAIL_EVENT[decision.kind], {
        applicationId: application.id,
        reference: application.reference,
        childName: application.childName,
        ...(decision.kind === "offer"
          ? {
              structureName: structures.get(decision.structureId),
              startOn: decision.startOn,
              schedule: decision.schedule,
              deadline: offerLastDay(expiresAt),
            }
          : decision.kind === "waiting"
            ? { waitingRank: decision.rank }
            : { reason: decision.reason }),
      }),
    );
  }

  try {
    const mailIds = await retryOnAbort(() =>
      db.transaction(async (tx) => {
        const ageGroups = await lockUnchanged(tx, communeId, decisions);
        await holdPlaces(tx, { communeId, now, decisions, ageGroups, structures });
        const ids: string[] = [];
        for (const decision of decisions) {
          const application = applications.get(decision.applicationId)!;
          const moved = await moveApplication(tx, {
            communeId,
            applicationId: decision.applicationId,
            from: OPEN_STATUSES,
            side: "town",
            actorUserId: params.agentUserId,
            ...moveOf(decision, { structures, expiresAt }),
            set: {
              ...setOf(decision, expiresAt),
              commissionOn: params.commissionOn,
              decidedByUserId: params.agentUserId,
            },
          });
          if (!moved) throw new BatchRefused({ [decision.applicationId]: ALREADY_DECIDED });
          ids.push(
            ...(await enqueueNurseryMail(tx, {
              communeId,
              householdId: application.householdId,
              mail: mails.get(decision.applicationId)!,
            })),
          );
        }
        await recordAudit(tx, {
          communeId,
          actorUserId: params.agentUserId,
          action: "nursery.commission_decided",
          targetType: "nursery_application",
          targetId: decisions[0]!.applicationId,
          details: {
            commissionOn: params.commissionOn,
            counts,
            decisions: decisions.map((d) => ({ applicationId: d.applicationId, kind: d.kind })),
          },
        });
        return ids;
      }),
    );
    await deliverNurseryMails(db, mailIds);
    return { ok: true, counts };
  } catch (error) {
    if (error instanceof BatchRefused) return { ok: false, reason: "rows", rowErrors: error.rowErrors };
    throw error;
  }
}

/**
 * Locks the applications decided (in id order) and refuses the batch when one changed since the agent's page showed
 * it (`seen`): another agent's decision, the family's change or withdrawal. Returns their age groups as locked.
 */
async function lockUnchanged(
  tx: Db,
  communeId: string,
  decisions: readonly CommissionDecision[],
): Promise<Map<string, NurseryAgeGroup>> {
  const rows = await tx
    .select({
      id: nurseryApplications.id,
      updatedAt: nurseryApplications.updatedAt,
      ageGroup: nurseryApplications.ageGroup,
    })
    .from(nurseryApplications)
    .where(
      and(
        eq(nurseryApplications.communeId, communeId),
        inArray(
          nurseryApplications.id,
          decisions.map((d) => d.applicationId),
        ),
      ),
    )
    .orderBy(asc(nurseryApplications.id))
    .for("update");
  const changed = decisions.filter((d) => {
    const row = rows.find((r) => r.id === d.applicationId);
    return !row || (d.seen !== undefined && row.updatedAt.getTime() !== new Date(d.seen).getTime());
  });
  if (changed.length > 0)
    throw new BatchRefused(Object.fromEntries(changed.map((d) => [d.applicationId, ALREADY_DECIDED])));
  return new Map(rows.map((r) => [r.id, r.ageGroup]));
}

/**
 * Locks the capacity rows the offers take (in one order, so two batches cannot wait on each other), then recounts
 * the places held under those locks: an offer beyond the places refuses the batch.
 */
async function holdPlaces(
  tx: Db,
  p: {
    communeId: string;
    now: Date;
    decisions: readonly CommissionDecision[];
    ageGroups: Map<string, NurseryAgeGroup>;
    structures: Map<string, string>;
  },
): Promise<void> {
  const offers = p.decisions.flatMap((d) =>
    d.kind === "offer" ? [{ decision: d, ageGroup: p.ageGroups.get(d.applicationId)! }] : [],
  );
  if (offers.length === 0) return;
  const structureIds = [...new Set(offers.map((o) => o.decision.structureId))].sort();
  await tx
    .select({ structureId: nurseryCapacities.structureId })
    .from(nurseryCapacities)
    .where(and(eq(nurseryCapacities.communeId, p.communeId), inArray(nurseryCapacities.structureId, structureIds)))
    .orderBy(asc(nurseryCapacities.structureId), asc(nurseryCapacities.ageGroup))
    .for("update");
  const usage = await capacityUsage(tx, { communeId: p.communeId, now: p.now, structureIds });
  const left = new Map(usage.map((u) => [`${u.structureId}/${u.ageGroup}`, u]));
  const rowErrors: Record<string, string> = {};
  for (const { decision, ageGroup } of offers) {
    const cell = left.get(`${decision.structureId}/${ageGroup}`);
    const places = cell?.places ?? 0;
    const held = cell?.held ?? 0;
    if (held >= places) {
      rowErrors[decision.applicationId] =
        `Plus de place disponible pour ${p.structures.get(decision.structureId)} – ${AGE_GROUP_LABELS[ageGroup]} (${places} ${places > 1 ? "places" : "place"}).`;
      continue;
    }
    if (cell) cell.held = held + 1;
  }
  if (Object.keys(rowErrors).length > 0) throw new BatchRefused(rowErrors);
}

function moveOf(
  decision: CommissionDecision,
  context: { structures: Map<string, string>; expiresAt: Date },
): Pick<Parameters<typeof moveApplication>[1], "to" | "event" | "message"> {
  switch (decision.kind) {
    case "offer":
      return {
        to: "offered",
        event: "message",
        message: `Place proposée : ${context.structures.get(decision.structureId)} à partir du ${formatDate(decision.startOn)}. Réponse attendue avant le ${formatDate(offerLastDay(context.expiresAt))}.`,
      };
    case "waiting":
      return {
        to: "waiting_list",
        event: "message",
        message: decision.rank ? `Liste d'attente (rang ${decision.rank}).` : "Liste d'attente.",
      };
    case "refuse":
      return { to: "refused", event: "refused", message: decision.reason };
  }
}

/** The application's fields each decision writes (and the ones of an earlier decision it clears). */
function setOf(decision: CommissionDecision, expiresAt: Date) {
  const cleared = {
    offeredStructureId: null,
    offeredStartOn: null,
    offeredSchedule: null,
    offerExpiresAt: null,
    waitingRank: null,
    refusalReason: null,
  };
  switch (decision.kind) {
    case "offer":
      return {
        ...cleared,
        offeredStructureId: decision.structureId,
        offeredStartOn: decision.startOn,
        offeredSchedule: decision.schedule,
        offerExpiresAt: expiresAt,
      };
    case "waiting":
      return { ...cleared, waitingRank: decision.rank };
    case "refuse":
      return { ...cleared, refusalReason: decision.reason };
  }
}

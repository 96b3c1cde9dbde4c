import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Commune, type RequestStatus, requests } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { HEALTH_FIELD_KEYS } from "@/lib/family-file/fields";
import { decideRequest } from "@/lib/requests/decide";
import { getCommuneRequest, type RequestDetail } from "@/lib/requests/detail";
import { REQUEST_STATUS_LABELS } from "@/lib/requests/types";

/** What happened to one request of an agent's decision (one request or a selection). */
export type DecisionOutcome =
  | { requestId: string; reference: string; outcome: "accepted" | "refused" }
  /** Decided by another agent first, or withdrawn by the family meanwhile. */
  | { requestId: string; reference: string; outcome: "already_decided"; status: RequestStatus }
  | {
      requestId: string;
      reference: string | null;
      outcome: "not_found" | "target_missing" | "unsupported" | "forbidden" | "message_required";
    };

export const ALREADY_DECIDED_MESSAGE = "Cette demande a déjà été traitée par un autre agent.";

/**
 * Decides each request in turn — each in its own transaction, so one that another agent decided first does not
 * undo the others; each decision writes its own mail. Ids of another commune read as not found.
 */
export async function decideRequests(
  db: Db,
  params: {
    commune: Commune;
    agentUserId: string;
    requestIds: readonly string[];
    decision: "accepted" | "refused";
    message: string | null;
  },
): Promise<DecisionOutcome[]> {
  const ids = [...new Set(params.requestIds)];
  const known = await db
    .select({ id: requests.id, reference: requests.reference })
    .from(requests)
    .where(and(eq(requests.communeId, params.commune.id), inArray(requests.id, ids)));
  const referenceOf = new Map(known.map((row) => [row.id, row.reference]));

  const outcomes: DecisionOutcome[] = [];
  for (const requestId of ids) {
    const reference = referenceOf.get(requestId);
    if (!reference) {
      outcomes.push({ requestId, reference: null, outcome: "not_found" });
      continue;
    }
    const result = await decideRequest(db, {
      communeId: params.commune.id,
      agentUserId: params.agentUserId,
      requestId,
      decision: params.decision,
      message: params.message,
    });
    if (result.ok) {
      outcomes.push({ requestId, reference, outcome: params.decision });
    } else if (result.reason === "already_decided") {
      outcomes.push({ requestId, reference, outcome: "already_decided", status: result.status });
    } else {
      outcomes.push({ requestId, reference, outcome: result.reason });
    }
  }
  return outcomes;
}

const outcomeTexts: Record<Exclude<DecisionOutcome["outcome"], "already_decided">, string> = {
  accepted: "acceptée, la modification est appliquée au dossier famille",
  refused: "refusée, la famille est informée",
  not_found: "demande introuvable",
  target_missing: "non appliquée : la donnée concernée n'existe plus dans le dossier famille",
  unsupported: "ce type de demande ne peut pas être traité ici",
  forbidden: "vous n'avez pas accès à cette action",
  message_required: "un message est obligatoire pour refuser",
};

/** One line per request, in French, for the agent: "D2026-000123 : acceptée, …". */
export function describeOutcome(outcome: DecisionOutcome): string {
  const text =
    outcome.outcome === "already_decided"
      ? outcome.status === "withdrawn"
        ? "déjà retirée par la famille"
        : `déjà traitée par un autre agent (${REQUEST_STATUS_LABELS[outcome.status]})`
      : outcomeTexts[outcome.outcome];
  return `${outcome.reference ?? "Demande"} : ${text}.`;
}

export function isSuccessfulOutcome(outcome: DecisionOutcome): boolean {
  return outcome.outcome === "accepted" || outcome.outcome === "refused";
}

/**
 * A request of the commune for its page. When its change touches a child's health data, the agent's read is
 * written to the audit trail, as for the household file.
 */
export async function openRequestForAgent(
  db: Db,
  params: { communeId: string; agentUserId: string; requestId: string },
): Promise<RequestDetail | null> {
  const detail = await getCommuneRequest(db, { communeId: params.communeId, requestId: params.requestId });
  if (!detail) return null;
  const healthKeys: readonly string[] = HEALTH_FIELD_KEYS;
  if (detail.householdId && detail.changes.some((change) => healthKeys.includes(change.key))) {
    await recordAudit(db, {
      communeId: params.communeId,
      actorUserId: params.agentUserId,
      action: "child.health_read",
      targetType: "household",
      targetId: detail.householdId,
      details: { childIds: [detail.targetId], requestId: detail.id, reference: detail.reference },
    });
  }
  return detail;
}

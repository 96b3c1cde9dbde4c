import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, mailOutbox, nurseryApplications, requestEvents, requests } from "@/db/schema";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { insertHouseholdApplication, insertNurseryTown } from "./agent-fixtures";
import { nurseryDemand } from "./agent-list";
import type { CommissionDecision } from "./agent-schemas";
import { ALREADY_DECIDED, decideCommission } from "./commission";

/*
 * The commission's decisions: offers, waiting list, refusals in one batch; a batch beyond the places is refused
 * whole; another commune's ids are refused. The race of two agents on the last place: commission-race.int.test.ts.
 */

const database = setUpTestDatabase();
const db = () => database.db;
// Monday 11/01/2027, 09:00 in Paris.
const now = new Date("2027-01-11T08:00:00Z");

const offer = (applicationId: string, structureId: string): CommissionDecision => ({
  applicationId,
  kind: "offer",
  structureId,
  startOn: "2027-09-01",
  schedule: [{ weekday: 1, start: "08:00", end: "17:00" }],
});

async function statusesOf(ids: string[]) {
  const rows = await db()
    .select({ id: nurseryApplications.id, status: nurseryApplications.status })
    .from(nurseryApplications)
    .where(inArray(nurseryApplications.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!.status);
}

describe("decideCommission", () => {
  it("offers a place, puts on the waiting list and refuses in one batch, each mailed and in the history", async () => {
    const town = await insertNurseryTown(db());
    const { petitsLoups } = town.structures;
    const a = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const b = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const c = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const result = await decideCommission(db(), {
      commune: town.commune,
      agentUserId: town.agent.id,
      commissionOn: "2027-01-11",
      now,
      decisions: [
        offer(a.id, petitsLoups),
        { applicationId: b.id, kind: "waiting", rank: 1 },
        { applicationId: c.id, kind: "refuse", reason: "Hors secteur." },
      ],
    });
    expect(result).toEqual({ ok: true, counts: { offered: 1, waiting: 1, refused: 1 } });
    expect(await statusesOf([a.id, b.id, c.id])).toEqual(["offered", "waiting_list", "refused"]);
    const [offered] = await db().select().from(nurseryApplications).where(eq(nurseryApplications.id, a.id));
    expect(offered).toMatchObject({
      offeredStructureId: petitsLoups,
      offeredStartOn: "2027-09-01",
      offeredSchedule: [{ weekday: 1, start: "08:00", end: "17:00" }],
      commissionOn: "2027-01-11",
      decidedByUserId: town.agent.id,
    });
    // 8 days to answer: until Tuesday 19/01 included, i.e. midnight in Paris.
    expect(offered!.offerExpiresAt).toEqual(new Date("2027-01-19T23:00:00Z"));
    const [waiting] = await db().select().from(nurseryApplications).where(eq(nurseryApplications.id, b.id));
    expect(waiting!.waitingRank).toBe(1);
    const [refusedRequest] = await db().select().from(requests).where(eq(requests.id, c.requestId));
    expect(refusedRequest).toMatchObject({ status: "refused", decisionMessage: "Hors secteur.", familyUnreadCount: 1 });
    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, a.requestId));
    expect(events.map((e) => e.message)).toEqual([
      "Place proposée : Multi-accueil Les Petits Loups à partir du 01/09/2027. Réponse attendue avant le 19/01/2027.",
    ]);
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.communeId, town.commune.id));
    expect(mails.map((m) => m.subject).sort()).toEqual(
      [
        `Une place en crèche vous est proposée (${a.reference})`,
        `Votre pré-inscription en crèche est sur liste d'attente (${b.reference})`,
        `Votre pré-inscription en crèche a été refusée (${c.reference})`,
      ].sort(),
    );
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.communeId, town.commune.id), eq(auditLog.action, "nursery.commission_decided")));
    expect(audits).toHaveLength(1);
    const demand = await nurseryDemand(db(), { communeId: town.commune.id, now });
    expect(demand.find((d) => d.structureId === petitsLoups && d.ageGroup === "bebes")).toMatchObject({
      waiting: 1,
      places: 1,
      held: 1,
    });
  });

  it("refuses the whole batch when an offer exceeds the places, and says which row", async () => {
    const town = await insertNurseryTown(db());
    const { petitsLoups, lucioles } = town.structures;
    const a = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const b = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [petitsLoups] });
    const c = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [lucioles] });
    const result = await decideCommission(db(), {
      commune: town.commune,
      agentUserId: town.agent.id,
      commissionOn: "2027-01-11",
      now,
      decisions: [
        offer(a.id, petitsLoups),
        offer(b.id, petitsLoups),
        { applicationId: c.id, kind: "refuse", reason: "Hors secteur." },
      ],
    });
    expect(result).toEqual({
      ok: false,
      reason: "rows",
      rowErrors: {
        [b.id]: "Plus de place disponible pour Multi-accueil Les Petits Loups – Bébés (moins de 12 mois) (1 place).",
      },
    });
    expect(await statusesOf([a.id, b.id, c.id])).toEqual(["submitted", "submitted", "submitted"]);
    const mails = await db().select().from(mailOutbox).where(eq(mailOutbox.communeId, town.commune.id));
    expect(mails).toHaveLength(0);
  });

  it("counts an open offer and an accepted place as held, an expired offer not", async () => {
    const town = await insertNurseryTown(db());
    const { lucioles } = town.structures;
    await insertHouseholdApplication(db(), {
      communeId: town.commune.id,
      structureIds: [lucioles],
      set: {
        status: "offered",
        offeredStructureId: lucioles,
        offeredStartOn: "2027-09-01",
        offerExpiresAt: new Date("2027-01-10T23:00:00Z"),
      },
    });
    const a = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [lucioles] });
    const ok = await decideCommission(db(), {
      commune: town.commune,
      agentUserId: town.agent.id,
      commissionOn: "2027-01-11",
      now,
      decisions: [offer(a.id, lucioles)],
    });
    expect(ok.ok).toBe(true);
    const b = await insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [lucioles] });
    const full = await decideCommission(db(), {
      commune: town.commune,
      agentUserId: town.agent.id,
      commissionOn: "2027-01-11",
      now,
      decisions: [offer(b.id, lucioles)],
    });
    expect(full.ok).toBe(false);
  });

  it("refuses another commune's application, structure or agent, and an application already decided", async () => {
    const town = await insertNurseryTown(db());
    const other = await insertNurseryTown(db());
    const mine = await insertHouseholdApplication(db(), {
      communeId: town.commune.id,
      structureIds: [town.structures.petitsLoups],
    });
    const theirs = await insertHouseholdApplication(db(), {
      communeId: other.commune.id,
      structureIds: [other.structures.petitsLoups],
    });
    const decide = (agentUserId: string, decisions: CommissionDecision[]) =>
      decideCommission(db(), { commune: town.commune, agentUserId, commissionOn: "2027-01-11", now, decisions });

    expect(await decide(other.agent.id, [offer(mine.id, town.structures.petitsLoups)])).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await decide(town.agent.id, [offer(theirs.id, town.structures.petitsLoups)])).toEqual({
      ok: false,
      reason: "rows",
      rowErrors: { [theirs.id]: "Cette demande est introuvable." },
    });
    const foreignStructure = await decide(town.agent.id, [offer(mine.id, other.structures.petitsLoups)]);
    expect(foreignStructure.ok).toBe(false);
    expect(await statusesOf([mine.id, theirs.id])).toEqual(["submitted", "submitted"]);

    await decide(town.agent.id, [{ applicationId: mine.id, kind: "refuse", reason: "Dossier incomplet." }]);
    expect(await decide(town.agent.id, [{ applicationId: mine.id, kind: "waiting", rank: null }])).toEqual({
      ok: false,
      reason: "rows",
      rowErrors: { [mine.id]: ALREADY_DECIDED },
    });
  });

  it("refuses a decision on an application changed since the page showed it", async () => {
    const town = await insertNurseryTown(db());
    const a = await insertHouseholdApplication(db(), {
      communeId: town.commune.id,
      structureIds: [town.structures.petitsLoups],
    });
    const seen = a.updatedAt.toISOString();
    const decide = (decision: CommissionDecision) =>
      decideCommission(db(), {
        commune: town.commune,
        agentUserId: town.agent.id,
        commissionOn: "2027-01-11",
        now,
        decisions: [decision],
      });
    expect((await decide({ applicationId: a.id, seen, kind: "waiting", rank: 3 })).ok).toBe(true);
    // Still on the waiting list, but another agent's page showed it before that decision.
    expect(await decide({ applicationId: a.id, seen, kind: "waiting", rank: 1 })).toEqual({
      ok: false,
      reason: "rows",
      rowErrors: { [a.id]: ALREADY_DECIDED },
    });
    const [row] = await db().select().from(nurseryApplications).where(eq(nurseryApplications.id, a.id));
    expect(row!.waitingRank).toBe(3);
  });
});

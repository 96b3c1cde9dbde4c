import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { nurseryApplications, requestEvents, requests } from "@/db/schema";
import { parisInstant } from "@/lib/planning/days";
import { decideRequest } from "@/lib/requests/decide";
import { withdrawRequest } from "@/lib/requests/withdraw";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { getNurseryApplication } from "./detail";
import { insertNurseryApplication, insertNurseryCommune } from "./test-fixtures";
import { moveApplication } from "./transitions";

const database = setUpTestDatabase();
const db = () => database.db;
const now = parisInstant("2027-01-11", "08:00");

describe("getNurseryApplication", () => {
  it("reads an application with its wishes in order, and only within its commune and household", async () => {
    const t = await insertNurseryCommune(db());
    const application = await insertNurseryApplication(db(), {
      communeId: t.commune.id,
      householdId: t.householdId,
      userId: t.family.id,
      structureIds: [t.otherStructure, t.structure],
      set: { confirmedAt: parisInstant("2026-10-20", "09:00") },
    });
    const scope = { communeId: t.commune.id, applicationId: application.id, now };
    const detail = await getNurseryApplication(db(), { ...scope, householdId: t.householdId });
    expect(detail).toMatchObject({
      reference: application.reference,
      statusLabel: "En attente de commission",
      child: { id: null, born: false, name: "l'enfant à naître (naissance prévue le 02/05/2027)" },
      ageGroup: "bebes",
      wishes: [
        { rank: 1, name: "Crèche familiale Les Lucioles" },
        { rank: 2, name: "Multi-accueil Les Petits Loups" },
      ],
      confirmation: { dueOn: "2027-01-20", state: "reminder_due" },
      offer: null,
    });

    const other = await insertNurseryCommune(db());
    expect(await getNurseryApplication(db(), { ...scope, householdId: other.householdId })).toBeNull();
    expect(await getNurseryApplication(db(), { ...scope, communeId: other.commune.id })).toBeNull();
  });
});

describe("moveApplication", () => {
  it("moves once from the given states, with the request and its history", async () => {
    const t = await insertNurseryCommune(db());
    const application = await insertNurseryApplication(db(), {
      communeId: t.commune.id,
      householdId: t.householdId,
      userId: t.family.id,
      structureIds: [t.structure],
    });
    const refuse = () =>
      db().transaction((tx) =>
        moveApplication(tx, {
          communeId: t.commune.id,
          applicationId: application.id,
          from: ["submitted", "waiting_list"],
          to: "refused",
          side: "town",
          actorUserId: t.agent.id,
          event: "refused",
          message: "Domicile hors commune.",
          set: { refusalReason: "Domicile hors commune." },
        }),
      );
    expect((await refuse())?.status).toBe("refused");
    expect(await refuse()).toBeNull();
    const [request] = await db().select().from(requests).where(eq(requests.id, application.requestId));
    expect(request).toMatchObject({
      status: "refused",
      decisionMessage: "Domicile hors commune.",
      familyUnreadCount: 1,
    });
    const events = await db().select().from(requestEvents).where(eq(requestEvents.requestId, application.requestId));
    expect(events.map((e) => e.kind)).toEqual(["refused"]);
  });

  it("does not move another household's application", async () => {
    const t = await insertNurseryCommune(db());
    const other = await insertNurseryCommune(db());
    const application = await insertNurseryApplication(db(), {
      communeId: t.commune.id,
      householdId: t.householdId,
      userId: t.family.id,
      structureIds: [t.structure],
    });
    const moved = await db().transaction((tx) =>
      moveApplication(tx, {
        communeId: t.commune.id,
        applicationId: application.id,
        householdId: other.householdId,
        from: ["submitted"],
        to: "withdrawn",
        side: "family",
        actorUserId: other.family.id,
        event: "withdrawn",
      }),
    );
    expect(moved).toBeNull();
  });
});

describe("the generic request flows on a crèche application", () => {
  it("withdraws the application with its request, and never lets the inbox accept it as is", async () => {
    const t = await insertNurseryCommune(db());
    const application = await insertNurseryApplication(db(), {
      communeId: t.commune.id,
      householdId: t.householdId,
      userId: t.family.id,
      structureIds: [t.structure],
    });
    const decided = await decideRequest(db(), {
      communeId: t.commune.id,
      agentUserId: t.agent.id,
      requestId: application.requestId,
      decision: "accepted",
    });
    expect(decided).toEqual({ ok: false, reason: "unsupported" });

    const other = await insertNurseryCommune(db());
    const scope = { communeId: t.commune.id, userId: t.family.id, requestId: application.requestId };
    expect(await withdrawRequest(db(), { ...scope, householdId: other.householdId })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await withdrawRequest(db(), { ...scope, householdId: t.householdId })).toEqual({ ok: true });
    const [row] = await db().select().from(nurseryApplications).where(eq(nurseryApplications.id, application.id));
    expect(row?.status).toBe("withdrawn");
    const [request] = await db().select().from(requests).where(eq(requests.id, application.requestId));
    expect(request?.status).toBe("withdrawn");
  });

  it("does not withdraw an application once a place is offered", async () => {
    const t = await insertNurseryCommune(db());
    const application = await insertNurseryApplication(db(), {
      communeId: t.commune.id,
      householdId: t.householdId,
      userId: t.family.id,
      structureIds: [t.structure],
      set: {
        status: "offered",
        offeredStructureId: t.structure,
        offeredStartOn: "2027-09-01",
        offerExpiresAt: parisInstant("2027-01-20", "00:00"),
      },
    });
    expect(
      await withdrawRequest(db(), {
        communeId: t.commune.id,
        householdId: t.householdId,
        userId: t.family.id,
        requestId: application.requestId,
      }),
    ).toEqual({ ok: false, reason: "not_pending" });
  });
});

import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { activities, requestCounters, requests, subscriptions } from "@/db/schema";
import { acknowledgementRecipientOf } from "@/lib/bookings/mails";
import { submitSlotRequest } from "@/lib/bookings/submit";
import * as bookingFixtures from "@/lib/bookings/test-fixtures";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import { decideRequest } from "@/lib/requests/decide";
import { submitChange } from "@/lib/requests/submit-change";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";

/*
 * While a mail renders, no row a request needs may be locked: each render probes, from another
 * connection, the rows the surrounding code locks (NOWAIT fails at once on a held lock). Needs a real server:
 * PGlite has one connection, the probe would wait for the transaction that waits for the render.
 */

const probes: (() => Promise<void>)[] = [];
const heldDuringRender: string[] = [];
let renders = 0;
vi.mock("@/lib/mail/send-mail", async (original) => {
  const actual = await original<typeof import("@/lib/mail/send-mail")>();
  return {
    ...actual,
    renderMail: async (...args: Parameters<typeof actual.renderMail>) => {
      renders++;
      for (const probe of probes) await probe();
      return actual.renderMail(...args);
    },
  };
});

const database = setUpTestDatabase();
const db = () => database.db;

/** Registers a probe: locking these rows NOWAIT from another transaction must succeed. */
function probe(name: string, lockRows: (tx: typeof database.db) => Promise<unknown>) {
  probes.push(async () => {
    try {
      await db().transaction(async (tx) => {
        await lockRows(tx);
      });
    } catch (error) {
      const code =
        (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
      if (code !== "55P03") throw error;
      heldDuringRender.push(name);
    }
  });
}

describe.runIf(process.env.DATABASE_URL)("mails are rendered outside every lock", () => {
  it("a booking request's acknowledgement: neither the commune's reference counter nor the activity is locked", async () => {
    const town = await bookingFixtures.insertTown(db());
    const family = await bookingFixtures.insertFamily(db(), town.commune.id, 2);
    const activity = await bookingFixtures.insertActivity(db(), town.commune.id);
    await bookingFixtures.enrol(db(), {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: family.children.map((c) => c.id),
      activityId: activity.id,
    });
    const ask = (childId: string) =>
      submitSlotRequest(db(), {
        communeId: town.commune.id,
        householdId: family.household.id,
        userId: family.user.id,
        recipient: acknowledgementRecipientOf(family.user, town.commune),
        now: new Date("2026-11-24T08:00:00Z"),
        input: {
          kind: "booking",
          childId,
          activityId: activity.id,
          from: "2026-12-03",
          to: "2026-12-03",
          weekdays: [4],
        },
      });
    // The first request creates the counter row; the second one would lock it.
    await ask(family.children[0]!.id);
    probe("request counter", (tx) =>
      tx
        .select()
        .from(requestCounters)
        .where(eq(requestCounters.communeId, town.commune.id))
        .for("update", { noWait: true }),
    );
    probe("activity", (tx) =>
      tx.select().from(activities).where(eq(activities.id, activity.id)).for("update", { noWait: true }),
    );
    heldDuringRender.length = 0;
    renders = 0;
    const result = await ask(family.children[1]!.id);
    probes.length = 0;
    expect(result).toMatchObject({ ok: true, results: [{ outcome: "requested" }] });
    expect(renders).toBe(1);
    expect(heldDuringRender).toEqual([]);
  });

  it("a family-file decision's mail: the request is not locked", async () => {
    const commune = await insertCommune(db());
    const f = await insertFamily(db(), commune.id);
    await db()
      .insert(subscriptions)
      .values({ communeId: commune.id, userId: f.family.id, householdId: f.householdId, method: "subscriber_code" });
    const change = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { mobilePhone: "06 99 88 77 66" },
    });
    if (!change.ok || !change.request) throw new Error("expected a request");
    const requestId = change.request.id;
    probe("request", (tx) => tx.execute(sql`select 1 from ${requests} where id = ${requestId} for update nowait`));
    heldDuringRender.length = 0;
    renders = 0;
    const decided = await decideRequest(db(), {
      communeId: commune.id,
      agentUserId: f.agent.id,
      requestId,
      decision: "accepted",
    });
    probes.length = 0;
    expect(decided).toMatchObject({ ok: true });
    expect(renders).toBe(1);
    expect(heldDuringRender).toEqual([]);
  });
});

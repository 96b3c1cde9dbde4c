import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { nurseryApplications } from "@/db/schema";
import { insertUser } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { insertHouseholdApplication, insertNurseryTown } from "./agent-fixtures";
import { decideCommission } from "./commission";

/*
 * Two agents offering the last place of a structure's age group at once, each to another family: exactly one offer
 * is made. Only PostgreSQL runs the two transactions concurrently (PGlite runs one at a time), so this file counts
 * with DATABASE_URL set; on PGlite it is skipped.
 */

const database = setUpTestDatabase();
const db = () => database.db;
const now = new Date("2027-01-11T08:00:00Z");
const ROUNDS = 10;

describe.runIf(process.env.DATABASE_URL)("two agents offering the last place at once", () => {
  it("make exactly one offer, and the other batch is refused whole", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const town = await insertNurseryTown(db());
      const { lucioles, petitsLoups } = town.structures;
      const second = await insertUser(db(), town.commune.id, "agent");
      const [a, b, c] = await Promise.all(
        [lucioles, lucioles, petitsLoups].map((structureId) =>
          insertHouseholdApplication(db(), { communeId: town.commune.id, structureIds: [structureId] }),
        ),
      );
      const offer = (applicationId: string) => ({
        applicationId,
        kind: "offer" as const,
        structureId: lucioles,
        startOn: "2027-09-01",
        schedule: [],
      });
      const results = await Promise.all([
        decideCommission(db(), {
          commune: town.commune,
          agentUserId: town.agent.id,
          commissionOn: "2027-01-11",
          now,
          decisions: [offer(a!.id)],
        }),
        decideCommission(db(), {
          commune: town.commune,
          agentUserId: second.id,
          commissionOn: "2027-01-11",
          now,
          // The loser's other decision is rolled back with it.
          decisions: [offer(b!.id), { applicationId: c!.id, kind: "waiting", rank: 2 }],
        }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const offered = await db()
        .select({ id: nurseryApplications.id })
        .from(nurseryApplications)
        .where(and(inArray(nurseryApplications.id, [a!.id, b!.id]), eq(nurseryApplications.status, "offered")));
      expect(offered).toHaveLength(1);
      const [third] = await db()
        .select({ status: nurseryApplications.status })
        .from(nurseryApplications)
        .where(eq(nurseryApplications.id, c!.id));
      expect(third!.status).toBe(results[1]!.ok ? "waiting_list" : "submitted");
    }
  });

  it("of the same application by two agents, one decision is kept and the other told", async () => {
    const town = await insertNurseryTown(db());
    const second = await insertUser(db(), town.commune.id, "agent");
    const a = await insertHouseholdApplication(db(), {
      communeId: town.commune.id,
      structureIds: [town.structures.petitsLoups],
    });
    // Both agents' pages showed the application as it was written.
    const seen = a.updatedAt.toISOString();
    const results = await Promise.all([
      decideCommission(db(), {
        commune: town.commune,
        agentUserId: town.agent.id,
        commissionOn: "2027-01-11",
        now,
        decisions: [{ applicationId: a.id, seen, kind: "refuse", reason: "Hors secteur." }],
      }),
      decideCommission(db(), {
        commune: town.commune,
        agentUserId: second.id,
        commissionOn: "2027-01-11",
        now,
        decisions: [{ applicationId: a.id, seen, kind: "waiting", rank: 1 }],
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({
      ok: false,
      reason: "rows",
      rowErrors: { [a.id]: "Cette demande a déjà été traitée." },
    });
  });
});

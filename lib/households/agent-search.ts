import "server-only";
import { and, asc, count, eq, exists, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { guardians, households } from "@/db/schema";
import { normalizeSubscriberCode } from "./subscriber-code";

export const HOUSEHOLDS_PER_PAGE = 20;

/** `%` and `_` typed by the agent are searched literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/** Family name, a responsable's name or e-mail, or the exact code abonné; always within the commune. */
function matching(db: Db, communeId: string, query: string): SQL | undefined {
  if (!query) return undefined;
  const pattern = containing(query);
  const guardianMatches = db
    .select({ id: guardians.id })
    .from(guardians)
    .where(
      and(
        eq(guardians.householdId, households.id),
        eq(guardians.communeId, communeId),
        or(ilike(guardians.lastName, pattern), ilike(guardians.firstName, pattern), ilike(guardians.email, pattern)),
      ),
    );
  return or(
    ilike(households.name, pattern),
    eq(households.subscriberCode, normalizeSubscriberCode(query)),
    exists(guardianMatches),
  );
}

/** One page of the commune's households matching `query` (all of them when empty), by name; a page past the end shows the last. */
export async function searchHouseholds(db: Db, params: { communeId: string; query: string; page: number }) {
  const where = and(eq(households.communeId, params.communeId), matching(db, params.communeId, params.query));
  const [{ total }] = (await db.select({ total: count() }).from(households).where(where)) as [{ total: number }];
  const pageCount = Math.max(1, Math.ceil(total / HOUSEHOLDS_PER_PAGE));
  const page = Math.min(params.page, pageCount);
  const rows = await db
    .select({ id: households.id, name: households.name, subscriberCode: households.subscriberCode })
    .from(households)
    .where(where)
    .orderBy(asc(households.name), asc(households.id))
    .limit(HOUSEHOLDS_PER_PAGE)
    .offset((page - 1) * HOUSEHOLDS_PER_PAGE);
  const guardianRows = rows.length
    ? await db
        .select({ householdId: guardians.householdId, firstName: guardians.firstName, lastName: guardians.lastName })
        .from(guardians)
        .where(
          and(
            eq(guardians.communeId, params.communeId),
            inArray(
              guardians.householdId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(guardians.rank))
    : [];
  return {
    total,
    page,
    pageCount,
    households: rows.map((row) => ({
      ...row,
      guardianNames: guardianRows.filter((g) => g.householdId === row.id).map((g) => `${g.firstName} ${g.lastName}`),
    })),
  };
}

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/calendrier/[token]/route";
import { auditLog, type BookingStatus, bookings, calendarFeeds } from "@/db/schema";
import { hashToken } from "@/lib/accounts/token-hash";
import { routes } from "@/lib/routes/paths";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { absoluteUrl } from "@/lib/urls";
import { buildCalendarFeed, createCalendarFeed, findCalendarFeed, revokeCalendarFeed } from "./ical";
import { enrol, insertActivity, insertFamily } from "./test-fixtures";

const database = setUpTestDatabase();
const db = () => database.db;
const now = new Date("2026-11-24T09:00:00Z");

/** A family with one enrolled child and some days in every state, inside and outside the feed's window. */
async function familyWithDays(communeId: string, days: Record<string, BookingStatus>) {
  const family = await insertFamily(db(), communeId);
  const child = family.children[0]!;
  const activity = await insertActivity(db(), communeId);
  await enrol(db(), {
    communeId,
    householdId: family.household.id,
    childIds: [child.id],
    activityId: activity.id,
    startsOn: "2026-09-01",
  });
  await db()
    .insert(bookings)
    .values(
      Object.entries(days).map(([date, status]) => ({
        communeId,
        householdId: family.household.id,
        childId: child.id,
        activityId: activity.id,
        date,
        status,
      })),
    );
  return {
    ...family,
    child,
    activity,
    scope: { communeId, householdId: family.household.id, actorUserId: family.user.id },
  };
}

/** The feed with its folded lines joined back (RFC 5545 §3.1). */
async function feedText(token: string): Promise<string | null> {
  const text = await buildCalendarFeed(db(), { token, now });
  return text?.replace(/\r\n[ \t]/g, "") ?? null;
}

const route = (token: string) =>
  GET(new Request(`http://localhost/api/calendrier/${token}`), { params: Promise.resolve({ token }) });

describe("calendar feed", () => {
  it("keeps only the token's hash and lists the household's days with their state, stable uid, place and UTC times", async () => {
    const commune = await insertCommune(db());
    const f = await familyWithDays(commune.id, {
      "2026-10-01": "booked", // more than a month ago
      "2026-12-07": "booked",
      "2026-12-08": "requested",
      "2026-12-10": "refused",
      "2026-12-11": "cancelled",
      "2027-01-04": "waiting",
      "2027-01-05": "absent",
      "2027-07-01": "booked", // beyond six months
    });
    const token = await createCalendarFeed(db(), f.scope);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(calendarFeeds).where(eq(calendarFeeds.householdId, f.household.id));
    expect(row?.tokenHash).toBe(hashToken(token!));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(absoluteUrl(routes.calendarFeed(token!))).toBe(`http://localhost:3000/api/calendrier/${token}`);

    const text = (await feedText(token!))!;
    expect(text).toContain("BEGIN:VCALENDAR");
    expect(text).toContain(`X-WR-CALNAME:Planning – Famille ${f.household.name} (${commune.name})`);
    const events = text.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(4);
    const [booked, requested, waiting, absent] = events as [string, string, string, string];
    const [slot] = await db().select({ id: bookings.id }).from(bookings).where(eq(bookings.date, "2026-12-07"));
    expect(booked).toContain(`UID:${slot!.id}@portail-famille`);
    expect(booked).toContain(`SUMMARY:${f.child.firstName} — 2/Repas Sco\r\n`);
    expect(booked).toContain("LOCATION:École Jean Moulin");
    expect(booked).toContain("STATUS:CONFIRMED");
    // 11:30–13:20 in Paris is 10:30–12:20 UTC in winter.
    expect(booked).toContain("DTSTART:20261207T103000Z");
    expect(booked).toContain("DTEND:20261207T122000Z");
    expect(requested).toContain(`SUMMARY:${f.child.firstName} — 2/Repas Sco (Réservation demandée)`);
    expect(requested).toContain("STATUS:TENTATIVE");
    expect(waiting).toContain("(Liste d'attente)");
    expect(waiting).toContain("STATUS:TENTATIVE");
    expect(absent).toContain("STATUS:CANCELLED");
    expect(text).not.toMatch(/2026100|2026121[01]|202707/);

    expect(await findCalendarFeed(db(), f.scope)).toMatchObject({ createdAt: expect.any(Date) });
    const response = await route(token!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await response.text()).toContain("BEGIN:VEVENT");
  });

  it("a new link replaces the old one, and a revoked or unknown token answers 404", async () => {
    const commune = await insertCommune(db());
    const f = await familyWithDays(commune.id, { "2026-12-07": "booked" });
    const first = (await createCalendarFeed(db(), f.scope))!;
    const second = (await createCalendarFeed(db(), f.scope))!;
    expect(second).not.toBe(first);
    expect(await feedText(first)).toBeNull();
    expect(await feedText(second)).toContain("BEGIN:VEVENT");
    expect(await db().select().from(calendarFeeds).where(eq(calendarFeeds.householdId, f.household.id))).toHaveLength(
      1,
    );

    expect(await revokeCalendarFeed(db(), f.scope)).toBe(true);
    expect(await revokeCalendarFeed(db(), f.scope)).toBe(false);
    expect(await findCalendarFeed(db(), f.scope)).toBeNull();
    expect((await route(second)).status).toBe(404);
    expect((await route("pas-un-jeton")).status).toBe(404);
    expect((await route("A".repeat(43))).status).toBe(404);
    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.communeId, commune.id));
    expect(audited.map((a) => a.action).sort()).toEqual([
      "calendar_feed.created",
      "calendar_feed.created",
      "calendar_feed.revoked",
    ]);
  });

  it("a token shows its own household's days only, and a household of another commune gets no link here", async () => {
    const commune = await insertCommune(db());
    const other = await insertCommune(db());
    const mine = await familyWithDays(commune.id, { "2026-12-07": "booked" });
    const theirs = await familyWithDays(commune.id, { "2026-12-08": "booked" });
    const elsewhere = await familyWithDays(other.id, { "2026-12-09": "booked" });
    const myToken = (await createCalendarFeed(db(), mine.scope))!;
    const theirToken = (await createCalendarFeed(db(), theirs.scope))!;

    const myFeed = (await feedText(myToken))!;
    expect(myFeed).toContain("DTSTART:20261207");
    expect(myFeed).not.toContain("DTSTART:20261208");
    expect(myFeed).not.toContain(theirs.household.name);
    const theirFeed = (await feedText(theirToken))!;
    expect(theirFeed).toContain("DTSTART:20261208");
    expect(theirFeed).not.toContain("DTSTART:20261207");

    expect(
      await createCalendarFeed(db(), {
        communeId: commune.id,
        householdId: elsewhere.household.id,
        actorUserId: mine.user.id,
      }),
    ).toBeNull();
    expect(
      await revokeCalendarFeed(db(), {
        communeId: other.id,
        householdId: mine.household.id,
        actorUserId: mine.user.id,
      }),
    ).toBe(false);
    expect(await feedText(myToken)).not.toBeNull();
  });
});

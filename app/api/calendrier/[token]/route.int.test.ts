import { describe, expect, it } from "vitest";
import { createCalendarFeed } from "@/lib/bookings/ical";
import { insertFamily } from "@/lib/bookings/test-fixtures";
import { insertCommune } from "@/lib/testing/fixtures";
import { harness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { GET } from "./route";

const database = setUpTestDatabase();
const feed = (token: string) =>
  GET(new Request(`http://localhost/api/calendrier/${token}`), { params: Promise.resolve({ token }) });

describe("calendar feed route", () => {
  it("holds back a client address after 20 unknown tokens, without holding back anyone else", async () => {
    const commune = await insertCommune(database.db);
    const family = await insertFamily(database.db, commune.id);
    const token = (await createCalendarFeed(database.db, {
      communeId: commune.id,
      householdId: family.household.id,
      actorUserId: family.user.id,
    }))!;

    harness.ip = "198.51.100.200";
    for (let guess = 0; guess < 20; guess += 1) expect((await feed(`devine-${guess}`)).status).toBe(404);
    const refused = await feed("devine-encore");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await feed(token)).status).toBe(429);

    harness.ip = "198.51.100.201";
    expect((await feed(token)).status).toBe(200);
    // A calendar app polling a real feed is never held back.
    for (let poll = 0; poll < 25; poll += 1) expect((await feed(token)).status).toBe(200);
  });
});

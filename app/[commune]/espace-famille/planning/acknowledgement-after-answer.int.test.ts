import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mailOutbox } from "@/db/schema";
import { enrol, insertActivity, insertFamily } from "@/lib/bookings/test-fixtures";
import { addDays, isoWeekday, parisDay } from "@/lib/planning/days";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, runAfterResponse, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";

// With a provider configured (the provider itself is the only fake: no network here).
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: { ...actual.env, RESEND_API_KEY: "re_test" }, localMailboxEnabled: false };
});
const provider = vi.hoisted(() => ({ sent: [] as string[] }));
vi.mock("@/lib/mail/provider", () => ({
  PROVIDER_BATCH_SIZE: 100,
  deliverBatchThroughResend: async (mails: { to: string }[]) => {
    provider.sent.push(...mails.map((mail) => mail.to));
    return mails.map((mail) => ({ ok: true, providerMessageId: `msg-${mail.to}` }));
  },
}));

const { requestSlot } = await import("./actions");
const { submitPeriodRequest } = await import("./_period/actions");

const database = setUpTestDatabase();
const db = () => database.db;
const today = parisDay(new Date());
const monday = addDays(today, 14 + ((8 - isoWeekday(today)) % 7));

/*
 * On registration day the family's answer must not wait for the mail provider: the acknowledgement is committed
 * to the outbox with the request and tried once the answer has left.
 */
describe("a request's acknowledgement leaves after the answer", () => {
  beforeEach(() => {
    provider.sent = [];
  });

  async function setUp() {
    const commune = await insertCommune(db());
    const family = await insertFamily(db(), commune.id);
    const activity = await insertActivity(db(), commune.id);
    await enrol(db(), {
      communeId: commune.id,
      activityId: activity.id,
      householdId: family.household.id,
      childIds: [family.children[0]!.id],
      startsOn: today,
      endsOn: addDays(today, 120),
    });
    signInAs(family.user, commune.slug);
    const fields = { kind: "booking", childId: family.children[0]!.id, activityId: activity.id, from: monday };
    const outbox = () => db().select().from(mailOutbox).where(eq(mailOutbox.communeId, commune.id));
    return { commune, family, fields, outbox };
  }

  it("from a slot of the planning", async () => {
    const t = await setUp();
    const answer = await requestSlot(
      t.commune.slug,
      null,
      formData({ ...t.fields, to: monday, weekdays: String(isoWeekday(monday)) }),
    );
    expect(answer).toMatchObject({ ok: true });
    expect(provider.sent).toEqual([]);
    expect((await t.outbox()).map((mail) => [mail.to, mail.status])).toEqual([[t.family.user.email, "pending"]]);

    await runAfterResponse();
    expect(provider.sent).toEqual([t.family.user.email]);
    expect((await t.outbox()).map((mail) => mail.status)).toEqual(["sent"]);
  });

  it("from the period form", async () => {
    const t = await setUp();
    const answer = await submitPeriodRequest(
      t.commune.slug,
      null,
      formData({ ...t.fields, to: addDays(monday, 11), weekdays: ["1", "4"] }),
    );
    expect(answer).toMatchObject({ ok: true });
    expect(provider.sent).toEqual([]);

    await runAfterResponse();
    expect(provider.sent).toEqual([t.family.user.email]);
    expect((await t.outbox()).map((mail) => mail.status)).toEqual(["sent"]);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requests } from "@/db/schema";
import { enrol, insertActivity, insertFamily } from "@/lib/bookings/test-fixtures";
import { addDays, isoWeekday, parisDay } from "@/lib/planning/days";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { previewPeriodRequest, submitPeriodRequest } from "./actions";

const database = setUpTestDatabase();
const db = () => database.db;

// The actions use the real clock: a fortnight from the coming Monday is past no deadline.
const today = parisDay(new Date());
const monday = addDays(today, 14 + ((8 - isoWeekday(today)) % 7));

/** A subscribed family signed in, with one child enrolled, and a second household of the same commune. */
async function setUp() {
  const commune = await insertCommune(db());
  const mine = await insertFamily(db(), commune.id);
  const other = await insertFamily(db(), commune.id);
  const activity = await insertActivity(db(), commune.id);
  const notEnrolled = await insertActivity(db(), commune.id, { code: "9", name: "Autre" });
  const enrolment = { communeId: commune.id, activityId: activity.id, startsOn: today, endsOn: addDays(today, 120) };
  await enrol(db(), { ...enrolment, householdId: mine.household.id, childIds: [mine.children[0]!.id] });
  await enrol(db(), { ...enrolment, householdId: other.household.id, childIds: [other.children[0]!.id] });
  signInAs(mine.user, commune.slug);
  const period = (overrides: Record<string, string | string[]> = {}) =>
    formData({
      kind: "booking",
      childId: mine.children[0]!.id,
      activityId: activity.id,
      from: monday,
      to: addDays(monday, 11),
      weekdays: ["1", "4"],
      ...overrides,
    });
  const requestsOf = (householdId: string) => db().select().from(requests).where(eq(requests.householdId, householdId));
  return { commune, mine, other, activity, notEnrolled, period, requestsOf };
}

describe("the period form's actions", () => {
  it("previews every date without writing, then sends them as one request and returns each date's outcome", async () => {
    const t = await setUp();
    const preview = await previewPeriodRequest(t.commune.slug, null, t.period());
    expect(preview).toMatchObject({ ok: true });
    const dates = [monday, addDays(monday, 3), addDays(monday, 7), addDays(monday, 10)];
    expect(preview?.data).toEqual({
      days: dates.map((day) => ({ day, outcome: "requested", reason: null })),
      request: null,
    });
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);

    const sent = await submitPeriodRequest(t.commune.slug, null, t.period());
    expect(sent).toMatchObject({
      ok: true,
      message: expect.stringMatching(
        /^Votre demande de réservation a été transmise à la collectivité sous la référence D\d{4}-\d{6}\.$/,
      ),
    });
    const outcome = sent!.data!;
    expect(outcome.days.map((d) => [d.day, d.outcome])).toEqual(dates.map((day) => [day, "requested"]));
    const [request] = await t.requestsOf(t.mine.household.id);
    expect(outcome.request).toEqual({ id: request!.id, reference: request!.reference });
  });

  it("refuses bad input next to its field and creates nothing", async () => {
    const t = await setUp();
    const refusals: [Record<string, string | string[]>, string, RegExp][] = [
      [{ weekdays: [] }, "weekdays", /Cochez au moins un jour/],
      [{ to: addDays(monday, -3) }, "to", /postérieure ou égale/],
      [{ to: addDays(today, 200) }, "to", /période de l'inscription/],
      [{ childId: t.other.children[0]!.id }, "childId", /Enfant introuvable/],
      [{ activityId: t.notEnrolled.id }, "activityId", /n'est pas inscrit/],
    ];
    for (const [fields, field, message] of refusals) {
      for (const action of [previewPeriodRequest, submitPeriodRequest]) {
        const state = await action(t.commune.slug, null, t.period(fields));
        expect(state).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.stringMatching(message)] } });
      }
    }
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);
    expect(await t.requestsOf(t.other.household.id)).toHaveLength(0);
  });

  it("says so when no date can be asked, with each date's reason, and sends nothing", async () => {
    const t = await setUp();
    // An absence on days never booked.
    const state = await submitPeriodRequest(t.commune.slug, null, t.period({ kind: "absence" }));
    expect(state).toMatchObject({ ok: false, message: expect.stringContaining("rien n'a été envoyé") });
    const outcome = state!.data!;
    expect(outcome.request).toBeNull();
    expect(outcome.days).toHaveLength(4);
    expect(outcome.days.every((d) => d.outcome === "refused" && d.reason?.includes("Aucune réservation"))).toBe(true);
    expect(await t.requestsOf(t.mine.household.id)).toHaveLength(0);
  });

  it("is the family's only: an agent of the commune is refused", async () => {
    const t = await setUp();
    signInAs(await insertUser(db(), t.commune.id, "agent"), t.commune.slug);
    expect(await submitPeriodRequest(t.commune.slug, null, t.period())).toMatchObject({
      ok: false,
      message: "Vous n'avez pas accès à cette action.",
    });
  });
});

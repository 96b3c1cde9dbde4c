import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addClosuresAction, createEnrolmentAction, saveActivityAction } from "@/app/[commune]/agent/activites/actions";
import { createStaffAccountAction } from "@/app/[commune]/agent/comptes/actions";
import { signUp } from "@/app/[commune]/creer-un-compte/actions";
import { submitPeriodRequest } from "@/app/[commune]/espace-famille/planning/_period/actions";
import { demo } from "@/db/demo-data";
import { activities, bookings, children, closureDays, enrolments, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { formData, signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { CONTROL_CHARACTERS_MESSAGE, DAY_OUT_OF_RANGE_MESSAGE, REPEATED_FIELD_MESSAGE } from "@/lib/validation/fields";

const database = setUpTestDatabase();
const ids = { activityId: "", childId: "" };

async function signInAsDemo(email: string) {
  const user = (await database.db.query.users.findFirst({ where: eq(users.email, email) }))!;
  signInAs(user, demo.commune.slug);
}

async function rows(
  table: typeof users | typeof closureDays | typeof enrolments | typeof bookings | typeof activities,
) {
  const [row] = await database.db.select({ n: count() }).from(table);
  return row!.n;
}

beforeAll(async () => {
  await seedDemo(database.db);
  const activity = (await database.db.query.activities.findFirst({ where: eq(activities.archived, false) }))!;
  const child = (await database.db.query.children.findFirst({ where: eq(children.firstName, "Léa") }))!;
  Object.assign(ids, { activityId: activity.id, childId: child.id });
});

const activityForm = {
  name: "Cantine",
  facility: "École",
  category: "restauration",
  weekdays: ["1", "2"],
  startTime: "11:30",
  endTime: "13:30",
  color: "#1d4ed8",
  bookingDeadlineDays: "2",
  bookingDeadlineTime: "10:00",
  cancellationDeadlineDays: "2",
  cancellationDeadlineTime: "10:00",
  deadlineDaysKind: "working",
};

describe("control characters in text fields", () => {
  it("a NUL byte in a name at sign-up is refused next to the field, and no account is created", async () => {
    signOutOfHarness();
    const before = await rows(users);
    const result = await signUp(
      demo.commune.slug,
      null,
      formData({
        civility: "MME",
        lastName: "DUP\u0000ONT",
        firstName: "Anne",
        email: "anne@example.fr",
      }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { lastName: [CONTROL_CHARACTERS_MESSAGE] } });
    expect(await rows(users)).toBe(before);
  });

  it.each([
    ["a NUL byte", "Cantine\u0000"],
    ["a bell", "Can\u0007tine"],
    ["an escape sequence", "\u001b[31mCantine"],
    ["DEL", "Cantine\u007f"],
  ])("%s in an activity's name is refused and nothing is written", async (_what, name) => {
    await signInAsDemo(demo.agent.email);
    const before = await rows(activities);
    const result = await saveActivityAction(demo.commune.slug, null, formData({ ...activityForm, name }));
    expect(result).toEqual({
      ok: false,
      message: expect.any(String),
      fieldErrors: { name: [CONTROL_CHARACTERS_MESSAGE] },
    });
    expect(await rows(activities)).toBe(before);
  });

  it("line breaks and tabs stay allowed (multi-line messages)", async () => {
    await signInAsDemo(demo.agent.email);
    // Saved: the action redirects to the new activity's page.
    await expect(
      saveActivityAction(demo.commune.slug, null, formData({ ...activityForm, name: "Cantine\tmidi" })),
    ).rejects.toThrow("NEXT_REDIRECT");
  });
});

describe("dates outside 1900–2100", () => {
  it.each(["9999-12-31", "0001-01-01", "2101-01-01", "1899-12-31"])(
    "a closure from %s is refused next to the date",
    async (day) => {
      await signInAsDemo(demo.agent.email);
      const before = await rows(closureDays);
      const result = await addClosuresAction(
        demo.commune.slug,
        null,
        formData({ from: day, kind: "closure", label: "Vacances" }),
      );
      expect(result).toMatchObject({ ok: false, fieldErrors: { from: [DAY_OUT_OF_RANGE_MESSAGE] } });
      expect(await rows(closureDays)).toBe(before);
    },
  );

  it("a period request up to 9999-12-31 is refused next to the end date", async () => {
    await signInAsDemo(demo.family.email);
    const before = await rows(bookings);
    const result = await submitPeriodRequest(
      demo.commune.slug,
      null,
      formData({
        kind: "booking",
        childId: ids.childId,
        activityId: ids.activityId,
        from: "2099-01-01",
        to: "9999-12-31",
        weekdays: ["1"],
      }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { to: [DAY_OUT_OF_RANGE_MESSAGE] } });
    expect(await rows(bookings)).toBe(before);
  });

  it("an enrolment ending in year 9999 is refused next to the end date", async () => {
    await signInAsDemo(demo.agent.email);
    const before = await rows(enrolments);
    const result = await createEnrolmentAction(
      demo.commune.slug,
      null,
      formData({
        activityId: ids.activityId,
        childId: ids.childId,
        startsOn: "2026-09-01",
        endsOn: "9999-12-31",
        status: "active",
      }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { endsOn: [DAY_OUT_OF_RANGE_MESSAGE] } });
    expect(await rows(enrolments)).toBe(before);
  });
});

describe("malformed payloads", () => {
  const staffForm = {
    civility: "M",
    lastName: "DURAND",
    firstName: "Paul",
    email: "paul.durand@example.fr",
    role: "agent",
  };

  it("a field sent twice gets a French message next to it", async () => {
    await signInAsDemo(demo.admin.email);
    const before = await rows(users);
    const result = await createStaffAccountAction(
      demo.commune.slug,
      null,
      formData({ ...staffForm, lastName: ["DURAND", "DUPONT"] }),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { lastName: [REPEATED_FIELD_MESSAGE] } });
    expect(await rows(users)).toBe(before);
  });

  it("a file where a text is expected gets a French message", async () => {
    await signInAsDemo(demo.admin.email);
    const data = formData(staffForm);
    data.set("firstName", new File(["x"], "x.txt"));
    const result = await createStaffAccountAction(demo.commune.slug, null, data);
    expect(result).toMatchObject({ ok: false, fieldErrors: { firstName: [expect.stringMatching(/^[A-ZÀ-Ü].*\.$/)] } });
    expect(JSON.stringify(result)).not.toMatch(/Invalid|expected|received/);
  });

  it("prototype keys are plain unknown fields", async () => {
    await signInAsDemo(demo.admin.email);
    const data = formData({
      ...staffForm,
      email: "proto@example.fr",
      __proto__: ["a", "b"],
      constructor: "x",
    });
    expect(await createStaffAccountAction(demo.commune.slug, null, data)).toMatchObject({ ok: true });
  });

  // The bound slug comes back from the browser: a forged one is any value at all.
  it.each([undefined, null, 42, ["demo"], "", "nulle-part", "de\u0000mo", "x".repeat(5_000)])(
    "a bound commune %j that names no commune is refused in French",
    async (slug) => {
      await signInAsDemo(demo.admin.email);
      const before = await rows(users);
      expect(await createStaffAccountAction(slug as string, null, formData(staffForm))).toMatchObject({
        ok: false,
        message: "Commune inconnue.",
      });
      expect(await rows(users)).toBe(before);
    },
  );
});

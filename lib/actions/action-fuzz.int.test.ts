import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, vi } from "vitest";
import { demo } from "@/db/demo-data";
import {
  bookings,
  children,
  closureDays,
  enrolments,
  households,
  invoiceNatures,
  type Role,
  regies,
  requests,
  users,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { insertCommune, insertUser } from "@/lib/testing/fixtures";
import { formData, harness, signInAs, signOutOfHarness } from "@/lib/testing/harness";
import { formFieldNames, schemaChoices } from "@/lib/testing/schema-fields";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { type FormIds, validActionForms } from "@/lib/testing/valid-action-forms";
import { type ActionDescription, describeAction, GENERIC_ERROR } from "./action";
import { formDataToObject } from "./form-data";

/*
 * Every server action, found on disk (all "use server" modules), is called with hostile forms — control
 * characters, huge strings, far dates, wrong types, repeated, missing and prototype-polluting fields — and now
 * and then a forged bound commune, by an account allowed to call it. Each call must answer a well-formed
 * ActionState (or Next's redirect), never the generic error and never a throw.
 */

const RUNS_PER_ACTION = 20;
const root = join(import.meta.dirname, "../..");

function serverActionModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverActionModules(path);
    const source = /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? readFileSync(path, "utf8") : "";
    return /^\s*(\/\/.*\n\s*)*["']use server["']/.test(source) ? [path] : [];
  });
}

type Found = { name: string; file: string; action: unknown; description: ActionDescription | undefined };
const found: Found[] = [];
const serverModules = ["app", "lib", "components"].flatMap((dir) => serverActionModules(join(root, dir)));
for (const file of serverModules) {
  const module = (await import(file)) as Record<string, unknown>;
  for (const [name, action] of Object.entries(module))
    found.push({ name, file: relative(root, file), action, description: describeAction(action) });
}
const described = found.flatMap((f) => (f.description ? [{ ...f, description: f.description }] : []));

/** The server functions that are not state-returning form actions, so outside the wrapper, and why. */
const outsideTheWrapper: Record<string, string> = {
  "app/[commune]/actions.ts#logout": "a plain form action: it ends whatever session the cookie holds and always leaves",
};

const database = setUpTestDatabase();
const accounts = new Map<Role, typeof users.$inferSelect>();
const ids = {} as FormIds;
let otherCommuneSlug = "";

beforeAll(async () => {
  const db = database.db;
  await seedDemo(db);
  for (const role of ["family", "agent", "admin"] as const) {
    const email = { family: demo.family.email, agent: demo.agent.email, admin: demo.admin.email }[role];
    accounts.set(role, (await db.query.users.findFirst({ where: eq(users.email, email) }))!);
  }
  const family = accounts.get("family")!;
  const martin = (await db.query.households.findFirst({ where: eq(households.subscriberCode, demo.subscribedCode) }))!;
  const child = (await db.query.children.findFirst({ where: eq(children.householdId, martin.id) }))!;
  const enrolment = (await db.query.enrolments.findFirst({ where: eq(enrolments.childId, child.id) }))!;
  Object.assign(ids, {
    household: martin.id,
    child: child.id,
    activity: enrolment.activityId,
    enrolment: enrolment.id,
    booking: (await db.query.bookings.findFirst({ where: eq(bookings.householdId, martin.id) }))!.id,
    request: (await db.query.requests.findFirst({ where: eq(requests.householdId, martin.id) }))!.id,
    closure: (await db.query.closureDays.findFirst({ where: eq(closureDays.communeId, family.communeId) }))!.id,
    staff: (await insertUser(db, family.communeId, "agent")).id,
    regie: (await db.query.regies.findFirst({ where: eq(regies.communeId, family.communeId) }))!.id,
    nature: (await db.query.invoiceNatures.findFirst({ where: eq(invoiceNatures.communeId, family.communeId) }))!.id,
  } satisfies FormIds);
  otherCommuneSlug = (await insertCommune(db)).slug;
});

const MISSING = Symbol("missing");
type FieldValue = string | File | (string | File)[] | typeof MISSING;
/** A field's new value, or a character slipped into the value the valid form gave it. */
type Change = { set: FieldValue } | { inject: string };

const controlCharacters = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u001f", "\u007f"];
const oddDays = [
  "9999-12-31",
  "0000-00-00",
  "0001-01-01",
  "+275760-09-13",
  "2026-02-30",
  "1899-12-31",
  "2101-01-01",
  "1900-01-01",
  "2100-12-31",
  "2099-06-01",
];
const hostileStrings = [
  "",
  " ",
  "a\u0000b",
  "\u001b[31mrouge",
  "ligne\nligne",
  "\r\n",
  "\t",
  "\ufeff",
  "\u202eabc",
  "🙂",
  "é".repeat(101),
  "x".repeat(5_000),
  "'; drop table users; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1",
  "7",
  "8",
  "1e309",
  "99999999999999999999",
  "true",
  "on",
  "null",
  "undefined",
  "[object Object]",
  "__proto__",
  "constructor",
  "24:00",
  "07:30",
  "23:59",
  "#zzzzzz",
  "a@b.fr",
  "famille@demo.fr",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "FR7630006000011234567890189",
  "BNPAFRPP",
  "06 12 34 56 78",
  "38330",
  "0:cantine",
  "99:cantine",
];
const idKinds = [
  "household",
  "child",
  "activity",
  "enrolment",
  "booking",
  "request",
  "closure",
  "staff",
  "regie",
  "nature",
] as const;

function changeArbitrary(choices: string[]): fc.Arbitrary<Change> {
  const text = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...hostileStrings) },
    { weight: 2, arbitrary: fc.constantFrom(...oddDays) },
    { weight: 2, arbitrary: fc.constantFrom(...(choices.length ? choices : ["x"])) },
    // The ids are read in beforeAll, after the arbitraries are built: looked up when drawn.
    { weight: 2, arbitrary: fc.constantFrom(...idKinds).map((kind) => ids[kind]) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constant("x".repeat(200_000)) },
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 2, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant<FieldValue>(MISSING) },
    { weight: 1, arbitrary: fc.constant(new File(["\u0000binaire"], "x.bin", { type: "application/octet-stream" })) },
  );
  const inject: fc.Arbitrary<Change> = fc
    .constantFrom(...controlCharacters)
    .map((character) => ({ inject: character }));
  return fc.oneof({ weight: 2, arbitrary: inject }, { weight: 8, arbitrary: value.map((set): Change => ({ set })) });
}

const extraKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "$ACTION_ID_x",
  "commune",
  "a.b.c.d.e",
  "children.99.firstName",
];

type HostileForm = { communeSlug: unknown; fromValidForm: boolean; changes: [string, Change][] };

/** The slug bound to the action: the caller's commune mostly, else another commune's or anything at all. */
const communeSlugArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(demo.commune.slug) },
  // Looked up when drawn: the other commune is created in beforeAll.
  { weight: 1, arbitrary: fc.constant(null).map(() => otherCommuneSlug) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...hostileStrings, undefined, null, 7, [demo.commune.slug]) },
);

/**
 * Mostly the action's valid form with one to three fields made hostile (so calls reach the handler); sometimes
 * every field hostile. Keys the form never posts come along now and then.
 */
function formArbitrary(description: ActionDescription): fc.Arbitrary<HostileForm> {
  const names = formFieldNames(description.schema);
  const changes = changeArbitrary(schemaChoices(description.schema));
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(names.length ? names : extraKeys)) },
    { weight: 1, arbitrary: fc.constantFrom(...extraKeys) },
  );
  const someFields = fc.array(fc.tuple(key, changes), { minLength: 1, maxLength: 3 });
  const everyField = fc.tuple(...names.map((name) => changes.map((change): [string, Change] => [name, change])));
  const form = fc.oneof(
    { weight: 3, arbitrary: someFields.map((changes) => ({ fromValidForm: true, changes })) },
    { weight: 1, arbitrary: everyField.map((changes) => ({ fromValidForm: false, changes })) },
  );
  return fc.tuple(communeSlugArbitrary, form).map(([communeSlug, f]) => ({ communeSlug, ...f }));
}

function toFormData(actionName: string, form: HostileForm): FormData {
  const data = formData(form.fromValidForm ? validActionForms[actionName]!(ids) : {});
  for (const [name, change] of form.changes) {
    if ("inject" in change) {
      const current = data.get(name);
      const text = typeof current === "string" && current ? current : "texte";
      data.set(name, text.slice(0, 1) + change.inject + text.slice(1));
      continue;
    }
    data.delete(name);
    if (change.set === MISSING) continue;
    for (const v of Array.isArray(change.set) ? change.set : [change.set]) data.append(name, v);
  }
  return data;
}

function signInFor(callers: ActionDescription["callers"]) {
  if (callers === "public") return signOutOfHarness();
  const role = callers === "signed-in" ? "family" : callers[0]!;
  signInAs(accounts.get(role)!, demo.commune.slug);
}

/** Next's redirect(), notFound(), forbidden()… : control flow the wrapper hands back to Next, not failures. */
const isNextSignal = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test(String((error as { digest?: unknown }).digest));

function isWellFormed(state: unknown): boolean {
  if (typeof state !== "object" || state === null || !("ok" in state)) return false;
  const s = state as { ok: unknown; message?: unknown; fieldErrors?: unknown };
  if (s.ok === true) return s.message === undefined || typeof s.message === "string";
  if (
    s.ok !== false ||
    typeof s.message !== "string" ||
    !s.message ||
    typeof s.fieldErrors !== "object" ||
    s.fieldErrors === null
  )
    return false;
  return Object.values(s.fieldErrors).every(
    (messages) => Array.isArray(messages) && messages.every((m) => typeof m === "string" && m.length > 0),
  );
}

const unexpected: string[] = [];
const outcomes = { saved: 0, fieldErrors: 0, refused: 0, nextSignal: 0 };
const logged = vi.spyOn(console, "error").mockImplementation(() => {});
afterAll(() => {
  logged.mockRestore();
  harness.session = null;
  const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
  console.info(
    `action fuzz: ${described.length} actions, ${total} calls ${JSON.stringify(outcomes)}, ${unexpected.length} unexpected errors`,
  );
});

describe("the list of server actions", () => {
  test("finds every action, each going through the action wrapper and listed with a valid form", () => {
    expect(described.length).toBeGreaterThanOrEqual(40);
    expect(
      serverModules.map((file) => relative(root, file)).filter((file) => !file.startsWith("app/")),
      '"use server" outside app/: actions live beside their route, lib/ holds their rules and data',
    ).toEqual([]);
    const unwrapped = found.filter((f) => !f.description).map((f) => `${f.file}#${f.name}`);
    expect(
      unwrapped.filter((key) => !outsideTheWrapper[key]),
      'exported from a "use server" module without publicAction/userAction',
    ).toEqual([]);
    expect(Object.keys(outsideTheWrapper), "listed as outside the wrapper").toEqual(unwrapped);
    const names = described.map((f) => f.name);
    expect(new Set(names).size, "export names are unique").toBe(names.length);
    expect(
      names.filter((name) => !validActionForms[name]),
      "missing from lib/testing/valid-action-forms.ts",
    ).toEqual([]);
    expect(
      Object.keys(validActionForms).filter((name) => !names.includes(name)),
      "no such action",
    ).toEqual([]);
  });
});

describe("the valid forms the fuzz starts from", () => {
  test.each(described.map((f) => [f.name, f.description] as const))("%s passes its schema", (name, description) => {
    const parsed = description.schema.safeParse(formDataToObject(formData(validActionForms[name]!(ids))));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

function record(state: unknown) {
  const s = state as { ok?: boolean; fieldErrors?: object };
  if (s.ok) outcomes.saved += 1;
  else if (s.fieldErrors && Object.keys(s.fieldErrors).length > 0) outcomes.fieldErrors += 1;
  else outcomes.refused += 1;
}

describe.each(described.map((f) => [f.name, f] as const))("%s", (name, { action, description }) => {
  const call = action as (communeSlug: unknown, state: null, data: FormData) => Promise<unknown>;
  test.prop([formArbitrary(description)], { numRuns: RUNS_PER_ACTION })(
    "answers hostile forms with a well-formed state",
    async (form) => {
      signInFor(description.callers);
      let state: unknown;
      try {
        state = await call(form.communeSlug, null, toFormData(name, form));
      } catch (error) {
        if (isNextSignal(error)) {
          outcomes.nextSignal += 1;
          return;
        }
        unexpected.push(`${name}: threw ${String(error)}`);
        throw error;
      }
      const generic = (state as { message?: string } | null)?.message === GENERIC_ERROR;
      if (generic || !isWellFormed(state)) unexpected.push(`${name}: ${JSON.stringify(state)}`);
      else record(state);
      expect(isWellFormed(state), JSON.stringify(state)).toBe(true);
      expect(generic, `generic error; logged: ${logged.mock.calls.at(-1)?.map(String).join(" ").slice(0, 800)}`).toBe(
        false,
      );
    },
  );
});

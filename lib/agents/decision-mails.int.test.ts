import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decideRequestsAction } from "@/app/[commune]/agent/demandes/actions";
import { mailOutbox, requests, subscriptions } from "@/db/schema";
import { runDecisionDigests } from "@/lib/bookings/digest";
import { acknowledgementRecipientOf } from "@/lib/bookings/mails";
import { submitSlotRequest } from "@/lib/bookings/submit";
import * as bookingFixtures from "@/lib/bookings/test-fixtures";
import { insertFamily } from "@/lib/family-file/test-fixtures";
import * as sendMail from "@/lib/mail/send-mail";
import { decideRequest } from "@/lib/requests/decide";
import { submitChange } from "@/lib/requests/submit-change";
import { insertCommune } from "@/lib/testing/fixtures";
import { formData, signInAs } from "@/lib/testing/harness";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";

// The outbox writer is spied on so a test can make it fail; it runs for real otherwise.
vi.mock("@/lib/mail/send-mail", async (original) => {
  const actual = await original<typeof import("@/lib/mail/send-mail")>();
  return { ...actual, enqueueRenderedMails: vi.fn(actual.enqueueRenderedMails) };
});

const database = setUpTestDatabase();
const db = () => database.db;
afterEach(() => vi.mocked(sendMail.enqueueRenderedMails).mockClear());

const mailsTo = (to: string, template: string) =>
  db()
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, to), eq(mailOutbox.template, template)));

describe("a booking request decided from Demandes", () => {
  it("is mailed once, in the digest, as when decided from Réservations", async () => {
    const town = await bookingFixtures.insertTown(db());
    const family = await bookingFixtures.insertFamily(db(), town.commune.id);
    const activity = await bookingFixtures.insertActivity(db(), town.commune.id);
    const child = family.children[0]!;
    await bookingFixtures.enrol(db(), {
      communeId: town.commune.id,
      householdId: family.household.id,
      childIds: [child.id],
      activityId: activity.id,
    });
    const submitted = await submitSlotRequest(db(), {
      communeId: town.commune.id,
      householdId: family.household.id,
      userId: family.user.id,
      recipient: acknowledgementRecipientOf(family.user, town.commune),
      now: new Date("2026-11-24T08:00:00Z"),
      input: {
        kind: "booking",
        childId: child.id,
        activityId: activity.id,
        from: "2026-12-03",
        to: "2026-12-03",
        weekdays: [4],
      },
    });
    if (!submitted.ok || !submitted.request) throw new Error("not submitted");
    signInAs(town.agent, town.commune.slug);
    // The digest's last run is the window closed before the decision: the next runs catch up from there.
    await runDecisionDigests(db(), new Date());

    const result = await decideRequestsAction(
      town.commune.slug,
      null,
      formData({ requestIds: submitted.request.id, decision: "accepted", message: "" }),
    );

    expect(result).toMatchObject({ ok: true });
    expect(await mailsTo(family.user.email, "request-decision")).toHaveLength(0);
    // A day later every window holding the decision has closed.
    await runDecisionDigests(db(), new Date(Date.now() + 24 * 3600_000));
    expect(await mailsTo(family.user.email, "booking-decisions-digest")).toHaveLength(1);
    expect(await mailsTo(family.user.email, "request-decision")).toHaveLength(0);
  });
});

describe("a family-file decision", () => {
  async function pendingChange() {
    const commune = await insertCommune(db());
    const f = await insertFamily(db(), commune.id);
    await db()
      .insert(subscriptions)
      .values({ communeId: commune.id, userId: f.family.id, householdId: f.householdId, method: "subscriber_code" });
    const result = await submitChange(db(), {
      ...f.scope,
      userId: f.family.id,
      type: "guardian.update",
      targetId: f.guardian.id,
      proposed: { mobilePhone: "06 99 88 77 66" },
    });
    if (!result.ok || !result.request) throw new Error("expected a request");
    return { commune, f, request: result.request };
  }

  it("writes its mail to the outbox in the decision's own transaction", async () => {
    const { commune, f, request } = await pendingChange();
    const decided = await decideRequest(db(), {
      communeId: commune.id,
      agentUserId: f.agent.id,
      requestId: request.id,
      decision: "refused",
      message: "Numéro non attribué.",
    });
    expect(decided).toMatchObject({ ok: true });
    const [mail, ...others] = await mailsTo(f.family.email, "request-decision");
    expect(others).toHaveLength(0);
    expect(mail?.subject).toBe(`Votre demande ${request.reference} « Modification du responsable » a été refusée`);
    expect(mail?.text).toContain("Numéro non attribué.");
    // Greeted by its account's name, filled into the one render of the household's mail.
    expect(mail?.text).toMatch(
      new RegExp(`^Bonjour (M\\.|Mme) ${f.family.firstName} ${f.family.lastName.toUpperCase()},$`, "m"),
    );
    expect(mail!.html + mail!.text).not.toContain("QQRECIPIENT");
  });

  it("is not decided when its mail cannot be written: the agent may try again, no family goes untold", async () => {
    const { commune, f, request } = await pendingChange();
    vi.mocked(sendMail.enqueueRenderedMails).mockRejectedValueOnce(new Error("disk full"));
    await expect(
      decideRequest(db(), {
        communeId: commune.id,
        agentUserId: f.agent.id,
        requestId: request.id,
        decision: "accepted",
      }),
    ).rejects.toThrow("disk full");
    const [row] = await db().select().from(requests).where(eq(requests.id, request.id));
    expect(row!.status).toBe("pending");
    expect(
      await decideRequest(db(), {
        communeId: commune.id,
        agentUserId: f.agent.id,
        requestId: request.id,
        decision: "accepted",
      }),
    ).toMatchObject({ ok: true });
    expect(await mailsTo(f.family.email, "request-decision")).toHaveLength(1);
  });
});

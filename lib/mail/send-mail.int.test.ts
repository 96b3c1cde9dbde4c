import { eq } from "drizzle-orm";
import { createElement } from "react";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { communes, mailOutbox } from "@/db/schema";
import { insertCommune } from "@/lib/testing/fixtures";
import { setUpTestDatabase } from "@/lib/testing/set-up-test-database";
import { MAX_MAIL_ATTEMPTS } from "./retry";

// This file runs with a provider configured; the provider itself is the only fake (no network here).
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: { ...actual.env, RESEND_API_KEY: "re_test" }, localMailboxEnabled: false };
});
/*
 * A fake Resend: "fail" refuses every batch (nothing sent), "lost" sends it but loses the answer (a timeout),
 * and, like Resend, a request carrying an idempotency key already used is answered again without sending.
 */
const delivery = vi.hoisted(() => ({
  mode: "ok" as "ok" | "fail" | "lost",
  sent: [] as string[],
  senders: [] as string[],
  keys: new Map<string, string>(),
}));
vi.mock("./provider", () => ({
  PROVIDER_BATCH_SIZE: 2,
  deliverBatchThroughResend: async (mails: { from: string; to: string }[], idempotencyKey?: string) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    delivery.senders.push(...mails.map((mail) => mail.from));
    if (delivery.mode === "fail") return mails.map(() => ({ ok: false, error: "422 validation_error" }));
    const batch = mails.map((mail) => mail.to).join(",");
    const replay = idempotencyKey !== undefined && delivery.keys.has(idempotencyKey);
    if (replay && delivery.keys.get(idempotencyKey!) !== batch)
      return mails.map(() => ({ ok: false, error: "409 invalid_idempotent_request" }));
    if (!replay) {
      delivery.sent.push(...mails.map((mail) => mail.to));
      if (idempotencyKey !== undefined) delivery.keys.set(idempotencyKey, batch);
    }
    if (delivery.mode === "lost") return mails.map(() => ({ ok: false, error: "fetch failed: timeout" }));
    return mails.map((mail) => ({ ok: true, providerMessageId: `msg-${mail.to}` }));
  },
}));

const { deliverPendingMail, enqueueMail, sendMail } = await import("./send-mail");

const database = setUpTestDatabase();
beforeAll(async () => {});
beforeEach(async () => {
  delivery.mode = "ok";
  delivery.sent = [];
  delivery.senders = [];
  delivery.keys.clear();
  await database.db.delete(mailOutbox);
});

const message = (to: string) => ({
  communeId: null,
  to,
  subject: "Sujet",
  template: "test",
  body: createElement("p", null, "Bonjour, voici le lien https://portail.example/demo/activation?jeton=x"),
});

describe("sendMail", () => {
  it("records the mail with its HTML and text and marks it sent", async () => {
    await sendMail(database.db, message("a@example.fr"));
    const [row] = await database.db.select().from(mailOutbox);
    expect(row).toMatchObject({
      to: "a@example.fr",
      status: "sent",
      attempts: 1,
      providerMessageId: "msg-a@example.fr",
    });
    expect(row!.html).toContain("<p>");
    expect(row!.text).toContain("https://portail.example/demo/activation?jeton=x");
  });

  it("sends in the commune's name (its sender name once set) from MAIL_FROM's address", async () => {
    const commune = await insertCommune(database.db, "expediteur");
    await sendMail(database.db, { ...message("s@example.fr"), communeId: commune.id });
    await database.db
      .update(communes)
      .set({ mailSenderName: "Mairie d'Expéditeur" })
      .where(eq(communes.id, commune.id));
    await sendMail(database.db, { ...message("t@example.fr"), communeId: commune.id });
    expect(delivery.senders).toEqual([
      '"Ville expediteur" <nepasrepondre@portail-famille.local>',
      `"Mairie d'Expéditeur" <nepasrepondre@portail-famille.local>`,
    ]);
  });

  it("keeps a failed mail pending with a later attempt, delivers it when the provider is back, and never loses it", async () => {
    delivery.mode = "fail";
    await sendMail(database.db, message("b@example.fr"));
    let [row] = await database.db.select().from(mailOutbox);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "422 validation_error" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    expect(await deliverPendingMail(database.db)).toBe(0); // not due yet
    delivery.mode = "ok";
    expect(await deliverPendingMail(database.db, { now: new Date(Date.now() + 5 * 60_000) })).toBe(1);
    [row] = await database.db.select().from(mailOutbox);
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("gives up after the last attempt and marks the mail failed", async () => {
    delivery.mode = "fail";
    const id = await enqueueMail(database.db, message("c@example.fr"));
    await database.db
      .update(mailOutbox)
      .set({ attempts: MAX_MAIL_ATTEMPTS - 1 })
      .where(eq(mailOutbox.id, id));
    await deliverPendingMail(database.db);
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_MAIL_ATTEMPTS });
  });

  it("never sends a mail twice when two runs overlap", async () => {
    await Promise.all(
      ["d1", "d2", "d3", "d4", "d5"].map((to) => enqueueMail(database.db, message(`${to}@example.fr`))),
    );
    await Promise.all([
      deliverPendingMail(database.db),
      deliverPendingMail(database.db),
      deliverPendingMail(database.db),
    ]);
    expect(delivery.sent.sort()).toEqual(["d1", "d2", "d3", "d4", "d5"].map((to) => `${to}@example.fr`));
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  });

  it("delivers everything due in one run, batch after batch", async () => {
    await Promise.all(
      ["e1", "e2", "e3", "e4", "e5"].map((to) => enqueueMail(database.db, message(`${to}@example.fr`))),
    );
    expect(await deliverPendingMail(database.db)).toBe(5);
    expect(delivery.sent).toHaveLength(5);
  });

  it("an attempt at the very millisecond the mail was written still finds it due", async () => {
    const id = await enqueueMail(database.db, message("same-ms@example.fr"));
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    // The row's instant as JavaScript sees it (milliseconds), i.e. an immediate delivery's `now` at worst.
    expect(await deliverPendingMail(database.db, { ids: [id], now: row!.nextAttemptAt })).toBe(1);
    expect(delivery.sent).toContain("same-ms@example.fr");
  });

  it("retries a batch whose answer was lost with the same mails and the same idempotency key: none is mailed twice", async () => {
    await enqueueMail(database.db, message("f1@example.fr"));
    await enqueueMail(database.db, message("f2@example.fr"));
    delivery.mode = "lost";
    expect(await deliverPendingMail(database.db)).toBe(2);
    // Meanwhile a new mail is due before the retry: it must not join (and change) the lost batch.
    await enqueueMail(database.db, message("f3@example.fr"));
    delivery.mode = "ok";
    const later = new Date(Date.now() + 30 * 60_000);
    await deliverPendingMail(database.db, { now: later });
    expect(delivery.sent.sort()).toEqual(["f1@example.fr", "f2@example.fr", "f3@example.fr"]);
    const rows = await database.db.select().from(mailOutbox);
    expect(rows.map((row) => [row.to, row.status]).sort()).toEqual([
      ["f1@example.fr", "sent"],
      ["f2@example.fr", "sent"],
      ["f3@example.fr", "sent"],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { PayfipSimulatorOperation } from "@/db/schema";
import { formatEuros } from "@/lib/format";
import { defaultCardFormValues } from "./card-form";
import { cardPage, messagePage } from "./card-page";

const operation: PayfipSimulatorOperation = {
  idOp: "7f3c9a1e5b2d4c8f9a0b1c2d3e4f5a6b",
  numcli: "012345",
  exer: "2026",
  refdet: "F2026000412",
  amountCents: 8640,
  email: "famille.durand@example.fr",
  object: "Facture F2026 000412",
  mode: "T",
  notificationUrl: "http://localhost:3000/api/paiement-en-ligne/notification",
  returnUrl: "http://localhost:3000/api/paiement-en-ligne/retour?paiement=5d1f0c3e&x=1",
  createdAt: new Date(),
  resultCode: null,
  paidCents: null,
  authorizationNumber: null,
  decidedAt: null,
  resultKnownAt: null,
  notificationsSent: 0,
};

const fresh = () => cardPage(operation, { values: defaultCardFormValues(operation.amountCents), errors: {} });

/** The ids of the form controls, and the `for` of the labels. */
const controlIds = (body: string) => [...body.matchAll(/<input id="([^"]+)"/g)].map((m) => m[1]);
const labelled = (body: string) => [...body.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]);

describe("the simulator's card page", () => {
  it("is a French page that says no card is debited, with what is being paid", () => {
    const { status, body } = fresh();
    expect(status).toBe(200);
    expect(body).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(body).toContain("<title>Paiement par carte bancaire – Simulateur PayFiP</title>");
    expect(body).toContain("Paiement sécurisé — simulateur PayFiP (aucune carte n'est débitée)");
    expect(body).toContain("<dt>Numéro de client</dt><dd>012345</dd>");
    expect(body).toContain("<dt>Référence</dt><dd>F2026000412</dd>");
    expect(body).toContain("<dt>Objet</dt><dd>Facture F2026 000412</dd>");
    expect(body).toContain(`<dd class="amount">${formatEuros(8640)}</dd>`);
  });

  it("has the four buttons, posting to this same address, and no script", () => {
    const { body } = fresh();
    expect(body).toContain(`<form method="post" action="paiementws.web?idop=${operation.idOp}">`);
    const buttons = [...body.matchAll(/<button type="submit" name="choix" value="([^"]+)"[^>]*>([^<]+)</g)];
    expect(buttons.map((b) => [b[1], b[2]])).toEqual([
      ["payer", "Payer"],
      ["refuser", "Refuser"],
      ["abandonner", "Abandonner"],
      ["payer-sans-revenir", "Payer sans revenir sur le portail"],
    ]);
    expect(body).not.toMatch(/<script|\son\w+=/i);
  });

  it("folds the simulator's options, each with its label, prefilled", () => {
    const { body } = fresh();
    expect(body).toContain("<details>\n<summary>Options du simulateur</summary>");
    expect(controlIds(body)).toEqual(["montant", "delai", "deux-notifications"]);
    expect(labelled(body)).toEqual(controlIds(body));
    expect(body).toContain('<label for="montant">Montant débité (en euros)</label>');
    expect(body).toContain('<label for="delai">Résultat connu après (minutes)</label>');
    expect(body).toContain('<label for="deux-notifications">Envoyer la notification deux fois</label>');
    expect(body).toContain('name="montant" type="text" inputmode="decimal" autocomplete="off" value="86,40">');
    expect(body).toMatch(/name="delai"[^>]*value="0" aria-describedby="delai-aide">/);
    expect(body).toMatch(/name="deuxNotifications" type="checkbox" checked>/);
    expect(body).toMatch(/:focus-visible \{ outline: 3px solid/);
  });

  it("opens the options on an error and ties each message to its field", () => {
    const { status, body } = cardPage(operation, {
      values: { amount: "0", delayMinutes: "abc", notifyTwice: false },
      errors: { amount: "Le montant débité doit être supérieur à 0 €.", delayMinutes: "Le délai est incorrect." },
    });
    expect(status).toBe(400);
    expect(body).toContain("<details open>");
    expect(body).toContain('value="0" aria-invalid="true" aria-describedby="montant-erreur">');
    expect(body).toContain('<p class="error" id="montant-erreur">Le montant débité doit être supérieur à 0 €.</p>');
    expect(body).toContain('value="abc" aria-invalid="true" aria-describedby="delai-aide delai-erreur">');
    expect(body).toContain('<p class="error" id="delai-erreur">Le délai est incorrect.</p>');
    expect(body).toMatch(/name="deuxNotifications" type="checkbox">/);
  });

  it("escapes every value it shows, from the database or typed", () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(1)>`;
    const { body } = cardPage(
      { ...operation, idOp: `a"b&c`, numcli: hostile, refdet: hostile, object: hostile },
      { values: { amount: hostile, delayMinutes: hostile, notifyTwice: true }, errors: { amount: hostile } },
    );
    // Shown as text: no element, no attribute of its own.
    expect(body).not.toMatch(/<script|<img/i);
    expect(body).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(body).toContain('action="paiementws.web?idop=a%22b%26c"');
  });
});

describe("the simulator's message pages", () => {
  it("says the operation expired or was processed, with a way back to the portal", () => {
    const expired = messagePage("expired", operation.returnUrl);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain("<h1>Opération expirée</h1>\n<p>Cette opération de paiement a expiré.</p>");
    expect(expired.body).toContain(
      '<a href="http://localhost:3000/api/paiement-en-ligne/retour?paiement=5d1f0c3e&amp;x=1">Revenir sur le portail</a>',
    );
    const processed = messagePage("processed", operation.returnUrl);
    expect(processed.status).toBe(409);
    expect(processed.body).toContain("Cette opération de paiement a déjà été traitée.");
  });

  it("links back only to a web address", () => {
    expect(messagePage("expired", "javascript:alert(1)").body).not.toContain("<a ");
  });

  it("tells the payer who does not come back that the portal learns it from the notification", () => {
    const { status, body } = messagePage("paid_without_return");
    expect(status).toBe(200);
    expect(body).toContain(
      "Paiement effectué. Vous n&#x27;êtes pas revenu sur le portail : il l&#x27;apprendra par la notification.",
    );
    expect(messagePage("not_found").status).toBe(404);
  });
});

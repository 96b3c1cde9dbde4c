import type { APIRequestContext } from "@playwright/test";
import {
  buildCreatePaymentRequest,
  buildPaymentDetailRequest,
  parseCreatePaymentResponse,
  parsePaymentDetailResponse,
} from "../lib/payfip/messages";
import { expect, expectAccessible, machinePage, test } from "./fixtures";

/*
 * The PayFiP simulator's card page in a real browser: the portal's CSP (no script, form-action 'self') and its
 * redirect back to the portal, the keyboard, axe. Its web service is called as the portal calls it, from this
 * machine; the family's browser of the other tests reaches it through Payer en ligne.
 */

const SERVICE = "/simulateur-payfip/tpa/services/securite";

async function openOperation(request: APIRequestContext, baseURL: string): Promise<string> {
  const answer = await request.post(SERVICE, {
    headers: { "Content-Type": "text/xml; charset=utf-8" },
    data: buildCreatePaymentRequest({
      exer: 2026,
      refdet: "F2026000412",
      amountCents: 8640,
      email: "famille.durand@example.fr",
      object: "Facture F2026 000412",
      notificationUrl: `${baseURL}/api/paiement-en-ligne/notification`,
      returnUrl: `${baseURL}/demo`,
      clientNumber: "012345",
      mode: "T",
    }),
  });
  expect(answer.status()).toBe(200);
  return parseCreatePaymentResponse(await answer.text());
}

async function detailOf(request: APIRequestContext, idOp: string) {
  const answer = await request.post(SERVICE, { data: buildPaymentDetailRequest(idOp) });
  return parsePaymentDetailResponse(await answer.text());
}

// Who may reach it (this machine only, unless PAYFIP_SIMULATOR_PUBLIC, which this test server sets for the
// family browsers) is proven by the routes' integration tests.
test("the card page is accessible and goes back to the portal", async ({ page, baseURL }) => {
  const machine = await machinePage(page);
  try {
    const idOp = await openOperation(machine.request, baseURL!);
    const cardPage = `/simulateur-payfip/tpa/paiementws.web?idop=${idOp}`;
    await machine.goto(cardPage);
    await expect(machine.getByRole("heading", { level: 1, name: "Paiement par carte bancaire" })).toBeVisible();
    await expect(machine.getByText("Paiement sécurisé — simulateur PayFiP (aucune carte n'est débitée)")).toBeVisible();
    await expect(machine.getByText("86,40 €")).toBeVisible();
    await expectAccessible(machine);

    // The keyboard reaches the options first, with a visible focus ring.
    await machine.keyboard.press("Tab");
    const summary = machine.getByText("Options du simulateur");
    await expect(summary).toBeFocused();
    await expect(summary).toHaveCSS("outline-style", "solid");
    await machine.keyboard.press("Enter");
    await expect(machine.getByLabel("Montant débité (en euros)")).toHaveValue("86,40");
    await expect(machine.getByLabel("Résultat connu après (minutes)")).toHaveValue("0");
    await expect(machine.getByLabel("Envoyer la notification deux fois")).toBeChecked();
    await expectAccessible(machine);

    await machine.getByLabel("Montant débité (en euros)").fill("80");
    await machine.getByRole("button", { name: "Payer", exact: true }).click();
    // 303 to urlredirect, allowed by the CSP's form-action 'self': the portal is the simulator's origin.
    await expect(machine).toHaveURL(`${baseURL}/demo`);
    expect(await detailOf(machine.request, idOp)).toMatchObject({ resultCode: "P", amountCents: 8000 });

    await machine.goto(cardPage);
    await expect(machine.getByText("Cette opération de paiement a déjà été traitée.")).toBeVisible();
    await expectAccessible(machine);
  } finally {
    await machine.context().close();
  }
});

test("a wrong option is said beside its field; paying without coming back stays on the simulator", async ({
  page,
  baseURL,
}) => {
  const machine = await machinePage(page);
  try {
    const idOp = await openOperation(machine.request, baseURL!);
    await machine.goto(`/simulateur-payfip/tpa/paiementws.web?idop=${idOp}`);
    await machine.getByText("Options du simulateur").click();
    await machine.getByLabel("Montant débité (en euros)").fill("douze euros");
    await machine.getByRole("button", { name: "Payer sans revenir sur le portail" }).click();
    const amount = machine.getByLabel("Montant débité (en euros)");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/Le montant débité doit être un montant en euros/);
    await expectAccessible(machine);

    await amount.fill("86,40");
    await machine.getByRole("button", { name: "Payer sans revenir sur le portail" }).click();
    await expect(machine.getByRole("heading", { level: 1, name: "Paiement effectué" })).toBeVisible();
    await expect(
      machine.getByText("Vous n'êtes pas revenu sur le portail : il l'apprendra par la notification."),
    ).toBeVisible();
    await expectAccessible(machine);
    expect(await detailOf(machine.request, idOp)).toMatchObject({ resultCode: "P", amountCents: 8640 });
  } finally {
    await machine.context().close();
  }
});

import { createElement } from "react";
import { describe, expect, it } from "vitest";
import InvoiceAvailableMail from "@/emails/invoice-available-mail";
import { previewCommune } from "@/emails/mail-layout";
import { renderMail } from "@/lib/mail/send-mail";
import { invoiceMailProps, prepareInvoiceMails, type RunMailContext } from "./invoice-mails";

const context: RunMailContext = {
  commune: previewCommune,
  periodLabel: "janvier 2027",
  issuer: "Régie enfance & jeunesse",
  dueDate: "31/01/2027",
  directDebitDate: "31/01/2027",
  invoiceUrl: (id) => `http://localhost:3000/demo/espace-facturation/factures/${id}`,
};

const values = {
  // Characters HTML escapes, to prove the filled mail escapes them as React does.
  greetingName: `Mme Zoé O'BRIEN & <Fils> "junior"`,
  reference: "F2027-000042",
  amount: "1 234,50 €",
  invoiceId: "0e7f6c1a-1111-4222-8333-444455556666",
};

describe("a run's invoice mails", () => {
  it.each([false, true])("are the very mail a render gives (direct debit: %s)", async (directDebit) => {
    const build = await prepareInvoiceMails({ ...context, communeId: "c-1" });
    const mail = build("claire@example.fr", values, directDebit);
    const rendered = await renderMail(
      createElement(InvoiceAvailableMail, invoiceMailProps(context, values, directDebit)),
    );
    expect(mail.html).toBe(rendered.html);
    expect(mail.text).toBe(rendered.text);
    expect(mail).toMatchObject({
      communeId: "c-1",
      to: "claire@example.fr",
      subject: "Votre facture n° F2027-000042 est disponible",
      template: "invoice-available",
    });
    expect(mail.text).toContain("1 234,50 €");
    expect(mail.text).toContain("factures/0e7f6c1a-1111-4222-8333-444455556666");
    expect(mail.text).toContain(directDebit ? "prélevé sur votre compte le 31/01/2027" : "régler avant le 31/01/2027");
  });
});
